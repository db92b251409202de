package org.activebench.benchmarks;

import java.util.concurrent.TimeUnit;
import org.activebench.core.kernels.KernelProvider;
import org.activebench.core.kernels.ScoreKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Committee disagreement over C members' n x k probabilities: one pass over C·n·k floats. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-Xmx6g"})
public class CommitteeBenchmark {
    @Param({"scalar", "panama"})
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
