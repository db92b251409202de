package org.activebench.benchmarks;

import org.activebench.core.kernels.KernelProvider;
import org.activebench.core.kernels.ScoreKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Committee disagreement over C members' n x k probabilities: one pass over C·n·k floats. */
public class CommitteeBenchmark extends KernelBenchmark {
    @Param({"scalar", "panama", "native"})
    public String backend;
    @Param({"100000"})
    public int n;
    @Param({"10"})
    public int k;
    @Param({"5"})
    public int members;

    private ScoreKernels kernels;
    private float[][] committee;
    private float[] out;

    @Setup
    public void setup() {
        kernels = KernelProvider.byName(backend, 1);
        committee = new float[members][];
        for (int m = 0; m < members; m++) {
            committee[m] = Inputs.probabilities(n, k, 100 + m);
        }
        out = new float[n];
    }

    @Benchmark
    public float[] voteEntropy() {
        kernels.voteEntropy(committee, n, k, out);
        return out;
    }

    @Benchmark
    public float[] klToConsensus() {
        kernels.klToConsensus(committee, n, k, false, out);
        return out;
    }
}
