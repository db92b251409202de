package org.activebench.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.activebench.core.text.TextEmbedder;
import org.activebench.core.text.TextEmbedders;
import org.junit.jupiter.api.Test;

/** The shipped models load offline, are deterministic, and order sentences by meaning. */
class SentenceEmbeddingTest {

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void bothModelsAreFoundByName() {
        assertEquals(List.of("all-minilm-l6-v2", "bge-small-en-v1.5"),
                TextEmbedders.available().stream().map(TextEmbedder::name).toList());
    }

    @Test
    void sameTextSameVectorAndMeaningDecidesTheNearestSentence() {
        for (String name : List.of("all-minilm-l6-v2", "bge-small-en-v1.5")) {
            TextEmbedder embedder = TextEmbedders.byName(name, "test");
            float[] wheat = embedder.embed("Wheat exports rose sharply after the harvest.");
            assertArrayEquals(wheat, embedder.embed("Wheat exports rose sharply after the harvest."), name);
            assertEquals(384, wheat.length);
            float[] grain = embedder.embed("Grain shipments abroad increased following a good crop.");
            float[] football = embedder.embed("The striker scored twice in the cup final.");
            float[] soccer = embedder.embed("A forward netted two goals in the championship match.");
            double related = cosine(wheat, grain);
            assertTrue(related > cosine(wheat, football) && related > cosine(wheat, soccer), name + ": " + related);
            assertTrue(cosine(football, soccer) > cosine(football, grain), name);
            assertEquals(1.0, cosine(wheat, wheat), 1e-6);
        }
    }
}
