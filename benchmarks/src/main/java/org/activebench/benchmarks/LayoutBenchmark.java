package org.activebench.benchmarks;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LOG;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.activebench.core.kernels.KernelProvider;
import org.activebench.core.kernels.ScoreKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Does a class-major (k x n) layout pay for small k? Measures, on the same probabilities: the row-major Panama
 * kernels, the transposition n x k -> k x n alone, and least confidence / entropy on the transposed array (every
 * class a contiguous run, so plain vector loads, no gathers, no horizontal reductions). A class-major kernel pays
 * only if transposing plus scoring beats scoring row-major, or if the learner writes class-major to begin with.
 */
public class LayoutBenchmark extends KernelBenchmark {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    @Param({"1000000"})
    public int n;
    @Param({"2", "10"})
    public int k;

    private ScoreKernels panama;
    private float[] p;
    private float[] classMajor;
    private float[] out;

    @Setup
    public void setup() {
        panama = KernelProvider.byName("panama", 1);
        p = Inputs.probabilities(n, k, 1);
        classMajor = new float[n * k];
        transpose();
        out = new float[n];
    }

    @Benchmark
    public float[] rowMajorLeastConfidence() {
        panama.leastConfidence(p, n, k, out);
        return out;
    }

    @Benchmark
    public float[] rowMajorEntropy() {
        panama.entropy(p, n, k, out);
        return out;
    }

    @Benchmark
    public float[] transpose() {
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                classMajor[c * n + i] = p[i * k + c];
            }
        }
        return classMajor;
    }

    @Benchmark
    public float[] classMajorLeastConfidence() {
        int i = 0;
        for (; i <= n - F.length(); i += F.length()) {
            FloatVector max = FloatVector.fromArray(F, classMajor, i);
            for (int c = 1; c < k; c++) {
                max = max.max(FloatVector.fromArray(F, classMajor, c * n + i));
            }
            FloatVector.broadcast(F, 1f).sub(max).intoArray(out, i);
        }
        for (; i < n; i++) {
            float max = classMajor[i];
            for (int c = 1; c < k; c++) {
                max = Math.max(max, classMajor[c * n + i]);
            }
            out[i] = 1f - max;
        }
        return out;
    }

    @Benchmark
    public float[] classMajorEntropy() {
        int i = 0;
        for (; i <= n - F.length(); i += F.length()) {
            FloatVector h = FloatVector.zero(F);
            for (int c = 0; c < k; c++) {
                FloatVector v = FloatVector.fromArray(F, classMajor, c * n + i);
                h = h.sub(v.mul(v.lanewise(LOG)), v.compare(GT, 0f));
            }
            h.intoArray(out, i);
        }
        for (; i < n; i++) {
            double h = 0;
            for (int c = 0; c < k; c++) {
                float v = classMajor[c * n + i];
                h -= v > 0 ? v * Math.log(v) : 0;
            }
            out[i] = (float) h;
        }
        return out;
    }
}
