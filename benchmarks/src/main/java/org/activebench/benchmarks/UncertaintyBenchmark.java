package org.activebench.benchmarks;

import org.activebench.core.kernels.KernelProvider;
import org.activebench.core.kernels.ScoreKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Uncertainty scores of one model's n x k probabilities: one pass over n·k floats each. */
public class UncertaintyBenchmark extends KernelBenchmark {
    @Param({"scalar", "panama", "native"})
    public String backend;
    @Param({"1000000"})
    public int n;
    @Param({"10"})
    public int k;
    /** Threads one call may split its rows across (results are identical; see RowChunks). */
    @Param({"1"})
    public int threads;

    private ScoreKernels kernels;
    private float[] p;
    private float[] out;

    @Setup
    public void setup() {
        kernels = KernelProvider.byName(backend, threads);
        p = Inputs.probabilities(n, k, 1);
        out = new float[n];
    }

    @Benchmark
    public float[] leastConfidence() {
        kernels.leastConfidence(p, n, k, out);
        return out;
    }

    @Benchmark
    public float[] margin() {
        kernels.margin(p, n, k, out);
        return out;
    }

    @Benchmark
    public float[] entropy() {
        kernels.entropy(p, n, k, out);
        return out;
    }

    /** The probabilities read as logits: the cost does not depend on the values. */
    @Benchmark
    public float[] entropyFromLogits() {
        kernels.entropyFromLogits(p, n, k, out);
        return out;
    }
}
