package org.activebench.benchmarks;

import org.activebench.core.kernels.KernelProvider;
import org.activebench.core.kernels.ScoreKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** The b best of n scores (a query batch out of the pool): one pass over n floats. */
public class TopBBenchmark extends KernelBenchmark {
    @Param({"scalar", "panama", "native"})
    public String backend;
    @Param({"10000000"})
    public int n;
    @Param({"10", "1000"})
    public int b;

    private ScoreKernels kernels;
    private float[] scores;
    private int[] out;

    @Setup
    public void setup() {
        kernels = KernelProvider.byName(backend, 1);
        scores = Inputs.gaussian(n, 7);
        out = new int[b];
    }

    @Benchmark
    public int[] topB() {
        kernels.topB(scores, n, b, true, out);
        return out;
    }
}
