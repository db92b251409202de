package org.activebench.benchmarks;

import java.util.Arrays;
import org.activebench.core.kernels.KernelProvider;
import org.activebench.core.kernels.ScoreKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Kernels over an n x d feature (embedding) matrix: one pass over n·d floats each. */
public class FeatureBenchmark extends KernelBenchmark {
    @Param({"scalar", "panama", "native"})
    public String backend;
    @Param({"100000"})
    public int n;
    @Param({"384", "1024"})
    public int d;

    private ScoreKernels kernels;
    private float[] x;
    private float[] out;
    private float[] minDist;
    private int center;

    @Setup
    public void setup() {
        kernels = KernelProvider.byName(backend, 1);
        x = Inputs.gaussian(n * d, 3);
        out = new float[n];
        minDist = new float[n];
        Arrays.fill(minDist, Float.POSITIVE_INFINITY);
    }

    /** One pick of k-center greedy: the new center is the last pick, as in the real loop. */
    @Benchmark
    public int kCenterStep() {
        center = kernels.updateMinDistances(x, n, d, x, center * d, minDist);
        return center;
    }

    @Benchmark
    public float[] squaredDistances() {
        kernels.squaredDistances(x, n, d, x, 0, out);
        return out;
    }

    @Benchmark
    public float[] dot() {
        kernels.dot(x, n, d, x, 0, out);
        return out;
    }
}
