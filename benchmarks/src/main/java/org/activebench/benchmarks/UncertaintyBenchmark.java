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

/** Uncertainty scores of one model's n x k probabilities: one pass over n·k floats each. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-Xmx6g"})
public class UncertaintyBenchmark {
    @Param({"scalar", "panama"})
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
