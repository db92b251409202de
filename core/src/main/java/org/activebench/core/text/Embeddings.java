package org.activebench.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.activebench.core.ActiveBenchException;

/**
 * Embeds a corpus: texts cut to their first {@value #MAX_CHARS} characters (about the 256 word pieces MiniLM and
 * BGE-small were trained on; longer e-mails would otherwise be embedded piecewise at many times the cost), in
 * batches spread over threads, rows in the corpus order whatever the thread count, through the on-disk cache.
 */
public final class Embeddings {
    public static final int MAX_CHARS = 1000;
    private static final int BATCH = 64;

    private Embeddings() {
    }

    /**
     * The n x dimension embedding matrix, row-major.
     * @param progress told the number of texts embedded so far (not called on a cache hit)
     */
    public static float[] of(List<String> texts, TextEmbedder embedder, EmbeddingCache cache, int threads,
                             IntConsumer progress) {
        List<String> cut = texts.stream().map(t -> t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t).toList();
        String key = EmbeddingCache.key(embedder.name() + "\n" + embedder.version() + "\n" + MAX_CHARS, cut);
        float[] cached = cache.read(key, cut.size(), embedder.dimension());
        if (cached != null) {
            return cached;
        }
        float[] x = compute(cut, embedder, threads, progress);
        cache.write(key, cut.size(), embedder.dimension(), x);
        return x;
    }

    private static float[] compute(List<String> texts, TextEmbedder embedder, int threads, IntConsumer progress) {
        int n = texts.size();
        int d = embedder.dimension();
        float[] x = new float[Math.multiplyExact(n, d)];
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int from = 0; from < n; from += BATCH) {
                int start = from;
                int end = Math.min(n, from + BATCH);
                batches.add(pool.submit(() -> {
                    for (int i = start; i < end; i++) {
                        float[] v = embedder.embed(texts.get(i));
                        if (v.length != d) {
                            throw new IllegalStateException(embedder.name() + " returned " + v.length + " values, not " + d);
                        }
                        System.arraycopy(v, 0, x, i * d, d);
                    }
                    progress.accept(done.addAndGet(end - start));
                }));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActiveBenchException("interrupted while embedding", e);
        } finally {
            pool.shutdownNow();
        }
        return x;
    }
}
