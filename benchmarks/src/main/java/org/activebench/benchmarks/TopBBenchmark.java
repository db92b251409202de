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

/** The b best of n scores (a query batch out of the pool): one pass over n floats. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-Xmx6g"})
public class TopBBenchmark {
    @Param({"scalar", "panama"})
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
