package org.activebench.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.activebench.core.ActiveBenchException;

/** The sentence-embedding models on the class path, by name. */
public final class TextEmbedders {
    private TextEmbedders() {
    }

    public static List<TextEmbedder> available() {
        List<TextEmbedder> embedders = new ArrayList<>();
        ServiceLoader.load(TextEmbedder.class).forEach(embedders::add);
        return embedders;
    }

    /** @param key config path, for the error message */
    public static TextEmbedder byName(String name, String key) {
        List<TextEmbedder> embedders = available();
        for (TextEmbedder embedder : embedders) {
            if (embedder.name().equals(name)) {
                return embedder;
            }
        }
        throw new ActiveBenchException(key + ": unknown embedding model '" + name + "' (available: "
                + (embedders.isEmpty() ? "none; module activebench-embeddings is not on the class path"
                        : String.join(", ", embedders.stream().map(TextEmbedder::name).toList())) + ")");
    }
}
