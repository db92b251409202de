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
     * @param source   what the texts are (a data set's name, a file), for the message of a failure
     * @param progress told the number of texts embedded so far (not called on a cache hit)
     */
    public static float[] of(String source, List<String> texts, TextEmbedder embedder, EmbeddingCache cache, int threads,
                             IntConsumer progress) {
        List<String> cut = texts.stream().map(t -> t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS) : t).toList();
        String key = EmbeddingCache.key(embedder.name() + "\n" + embedder.version() + "\n" + MAX_CHARS, cut);
        float[] cached = cache.read(key, cut.size(), embedder.dimension());
        if (cached != null) {
            return cached;
        }
        float[] x = compute(source, cut, embedder, threads, progress);
        cache.write(key, cut.size(), embedder.dimension(), x);
        return x;
    }

    private static float[] compute(String source, List<String> texts, TextEmbedder embedder, int threads, IntConsumer progress) {
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
                        float[] v = embed(source, embedder, texts.get(i), i);
                        if (v == null || v.length != d) {
                            throw failure(source, embedder, i, (v == null ? "no vector" : v.length + " values") + ", not " + d,
                                    null);
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
            throw e.getCause() instanceof ActiveBenchException a ? a : failure(source, embedder, -1, "failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActiveBenchException("interrupted while embedding", e);
        } finally {
            pool.shutdownNow();
        }
        return x;
    }

    /** One text's embedding; any failure of the model (missing file, ONNX Runtime, memory) becomes one line. */
    private static float[] embed(String source, TextEmbedder embedder, String text, int row) {
        try {
            return embedder.embed(text);
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            throw failure(source, embedder, row, "failed", e);
        }
    }

    private static ActiveBenchException failure(String source, TextEmbedder embedder, int row, String what, Throwable cause) {
        StringBuilder line = new StringBuilder(source).append(": embedding ");
        if (row >= 0) {
            line.append("row ").append(row + 1).append(" (data rows counted from 1) ");
        }
        line.append("with ").append(embedder.name()).append(": ").append(what);
        Throwable root = null; // the innermost cause that says something: the reason, not a wrapper's
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (root == null || (c.getMessage() != null && !c.getMessage().isBlank())) {
                root = c;
            }
        }
        if (root != null) {
            line.append(": ").append(root.getClass().getSimpleName());
            if (root.getMessage() != null && !root.getMessage().isBlank()) {
                line.append(": ").append(root.getMessage().strip().replaceAll("\\s+", " "));
            }
        }
        return new ActiveBenchException(line.toString(), cause);
    }
}
