package org.activebench.core.text;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A pre-trained sentence-embedding model: text in, a fixed-length vector out. Implementations are found with
 * {@link java.util.ServiceLoader} (module {@code embeddings} ships the ONNX ones), load their model on first use, and
 * must be thread-safe.
 */
public interface TextEmbedder {

    /** The name a config uses, e.g. {@code all-minilm-l6-v2}. */
    String name();

    /** What exactly is computed (model file, pooling, normalisation): part of the cache key. */
    String version();

    int dimension();

    /** Names of the embedding's features, e.g. {@code all-minilm-l6-v2_0 .. _383}. */
    default List<String> featureNames() {
        return IntStream.range(0, dimension()).mapToObj(j -> name() + "_" + j).toList();
    }

    /** The embedding of one text, {@link #dimension()} values. */
    float[] embed(String text);
}
