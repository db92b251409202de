package org.activebench.core.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.activebench.core.ActiveBenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {
    /** A stand-in model: a text's vector is made of its length and characters; counts its calls. */
    private static class CountingEmbedder implements TextEmbedder {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public float[] embed(String text) {
            calls.incrementAndGet();
            return new float[] {text.length(), text.isEmpty() ? 0 : text.charAt(0), text.hashCode()};
        }
    }

    @TempDir
    Path dir;

    private final List<String> texts = List.of("alpha", "beta", "x".repeat(5000), "gamma");

    @Test
    void aMissComputesInCorpusOrderAndAHitComputesNothing() {
        CountingEmbedder model = new CountingEmbedder();
        EmbeddingCache cache = new EmbeddingCache(dir);
        float[] first = Embeddings.of("corpus", texts, model, cache, 2, done -> { });
        assertEquals(4, model.calls.get());
        assertEquals(Embeddings.MAX_CHARS, first[6], 0f); // the long text was cut
        assertEquals('b', first[4], 0f);
        float[] again = Embeddings.of("corpus", texts, model, cache, 1, done -> { });
        assertEquals(4, model.calls.get());
        assertArrayEquals(first, again);
        Embeddings.of("corpus", List.of("alpha", "beta"), model, cache, 1, done -> { });
        assertEquals(6, model.calls.get(), "other texts, other key");
    }

    @Test
    void aDamagedFileIsDetectedAndRebuilt() throws IOException {
        CountingEmbedder model = new CountingEmbedder();
        EmbeddingCache cache = new EmbeddingCache(dir);
        float[] good = Embeddings.of("corpus", texts, model, cache, 1, done -> { });
        Path file;
        try (var files = Files.list(dir)) {
            file = files.filter(f -> f.toString().endsWith(".emb")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 0x40; // one flipped bit in the last value
        Files.write(file, bytes);
        assertArrayEquals(good, Embeddings.of("corpus", texts, model, cache, 1, done -> { }));
        assertEquals(8, model.calls.get(), "the damaged file was not used");
        assertNotEquals(0, Files.size(file));
        Files.write(file, new byte[] {1, 2, 3}); // truncated
        assertArrayEquals(good, Embeddings.of("corpus", texts, model, cache, 1, done -> { }));
        assertEquals(12, model.calls.get());
        assertArrayEquals(good, Embeddings.of("corpus", texts, model, cache, 1, done -> { }));
        assertEquals(12, model.calls.get(), "the rebuilt file is used");
    }

    @Test
    void aFailingModelIsOneLineNamingTheDataSetTheModelAndTheRow() {
        TextEmbedder failing = new CountingEmbedder() {
            @Override
            public float[] embed(String text) {
                if (text.equals("gamma")) {
                    throw new IllegalStateException("wrapper", new IllegalArgumentException("Embedding model file\nis not available"));
                }
                return super.embed(text);
            }
        };
        ActiveBenchException e = assertThrows(ActiveBenchException.class,
                () -> Embeddings.of("reviews", texts, failing, new EmbeddingCache(dir), 2, done -> { }));
        assertEquals("reviews: embedding row 4 (data rows counted from 1) with counting: failed: "
                + "IllegalArgumentException: Embedding model file is not available", e.getMessage());
        TextEmbedder shortVectors = new CountingEmbedder() {
            @Override
            public float[] embed(String text) {
                return new float[2];
            }
        };
        e = assertThrows(ActiveBenchException.class,
                () -> Embeddings.of("reviews", texts, shortVectors, new EmbeddingCache(dir), 1, done -> { }));
        assertTrue(e.getMessage().startsWith("reviews: embedding row 1 (data rows counted from 1) with counting: 2 values, not 3"), e.getMessage());
    }

    @Test
    void anEntryOfOtherTextsUnderThisNameIsRefusedAndAnUnwritableCacheIsAWarning() throws IOException {
        CountingEmbedder model = new CountingEmbedder();
        EmbeddingCache cache = new EmbeddingCache(dir);
        float[] good = Embeddings.of("corpus", texts, model, cache, 1, done -> { });
        List<String> others = List.of("delta", "epsilon", "zeta", "eta");
        Embeddings.of("corpus", others, model, cache, 1, done -> { });
        Path mine = cache.file(EmbeddingCache.key("counting\n1\n" + Embeddings.MAX_CHARS,
                texts.stream().map(t -> t.length() > Embeddings.MAX_CHARS ? t.substring(0, Embeddings.MAX_CHARS) : t).toList()));
        Path theirs = cache.file(EmbeddingCache.key("counting\n1\n" + Embeddings.MAX_CHARS, others));
        assertTrue(Files.isRegularFile(mine) && Files.isRegularFile(theirs));
        Files.copy(theirs, mine, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // same shape, valid checksum
        List<String> lines = org.activebench.core.Warnings.of(
                () -> assertArrayEquals(good, Embeddings.of("corpus", texts, model, cache, 1, done -> { })));
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.getFirst().contains("is not usable (it holds the entry of other texts or another model"), lines.getFirst());

        EmbeddingCache unwritable = new EmbeddingCache(Files.writeString(dir.resolve("plain-file"), "x").resolve("embeddings"));
        lines = org.activebench.core.Warnings.of(
                () -> assertArrayEquals(good, Embeddings.of("corpus", texts, model, unwritable, 1, done -> { })));
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.getFirst().startsWith("embedding cache: cannot write "), lines.getFirst());
    }
}
