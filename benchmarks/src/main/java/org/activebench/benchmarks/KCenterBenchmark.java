package org.activebench.benchmarks;

import java.util.concurrent.TimeUnit;
import org.activebench.core.kernels.KCenterSearch;
import org.activebench.core.kernels.KernelProvider;
import org.activebench.core.kernels.ScoreKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole k-center (core-set) search, as a strategy runs it: open the search over an n x d embedding matrix (a GPU
 * uploads it here, so transfers are included), then {@code picks} farthest-first picks, each one fused pass. One
 * call takes seconds to minutes, so each is timed singly. {@code cuda} is a backend value too, run by
 * {@code BenchMain --gpu} where a GPU is present.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class KCenterBenchmark extends KernelBenchmark {
    @Param({"panama", "native"})
    public String backend;
    @Param({"100000", "1000000"})
    public int n;
    @Param({"384"})
    public int d;
    @Param({"1000"})
    public int picks;
    /** Threads a pass may split its rows across (CPU backends; the GPU ignores it). */
    @Param({"1"})
    public int threads;

    private ScoreKernels kernels;
    private float[] x;

    @Setup
    public void setup() {
        kernels = KernelProvider.byName(backend, threads);
        x = Inputs.gaussian(n * d, 5);
    }

    @Benchmark
    public int search() {
        int center = 0;
        try (KCenterSearch search = kernels.kCenter(x, n, d)) {
            for (int pick = 0; pick < picks; pick++) {
                center = search.add(center);
            }
        }
        return center;
    }
}
