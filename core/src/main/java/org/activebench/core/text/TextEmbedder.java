package org.activebench.core.text;

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

    /** The embedding of one text, {@link #dimension()} values. */
    float[] embed(String text);
}
