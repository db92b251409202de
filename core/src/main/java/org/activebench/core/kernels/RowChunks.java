package org.activebench.core.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Splits the rows of a large kernel call into contiguous chunks run on a private pool. Every row is computed by
 * the same code whatever the chunking, so results do not depend on the thread count; callers that reduce over
 * rows (top-b, argmax) combine the chunks' answers in chunk order.
 */
final class RowChunks {
    /** Below this many floats per call a second thread costs more than it saves. */
    static final long MIN_PARALLEL_WORK = 1 << 18;

    /** One chunk's work on rows {@code [from, to)}. */
    interface Range {
        void run(int chunk, int from, int to);
    }

    private final int threads;
    private final int align;
    private final ForkJoinPool pool;

    /** @param align chunk boundaries are multiples of this (the vector length), so chunks see the same tails. */
    RowChunks(int threads, int align) {
        if (threads < 1) {
            throw new IllegalArgumentException("kernel threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.align = align;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads, p -> {
            var worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            worker.setDaemon(true);
            worker.setName("activebench-kernels-" + worker.getPoolIndex());
            return worker;
        }, null, false);
    }

    /** How many chunks a call over n rows of {@code width} floats each is split into (1 = run inline). */
    int chunks(int n, int width) {
        if (pool == null || (long) n * width < MIN_PARALLEL_WORK) {
            return 1;
        }
        return (int) Math.min(threads, Math.max(1, n / align));
    }

    /** Runs {@code range} over {@code chunks} contiguous, aligned pieces of {@code [0, n)}. */
    void run(int n, int chunks, Range range) {
        if (chunks == 1) {
            range.run(0, 0, n);
            return;
        }
        pool.submit(() -> IntStream.range(0, chunks).parallel()
                .forEach(c -> range.run(c, start(n, chunks, c), start(n, chunks, c + 1)))).join();
    }

    private int start(int n, int chunks, int chunk) {
        if (chunk == chunks) {
            return n;
        }
        long raw = (long) n * chunk / chunks;
        return (int) (raw - raw % align);
    }
}
