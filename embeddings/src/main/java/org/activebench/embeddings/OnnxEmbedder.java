package org.activebench.embeddings;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.function.Supplier;
import org.activebench.core.text.TextEmbedder;

/**
 * A quantized sentence transformer run in-process by ONNX Runtime through LangChain4j; the model file and its
 * tokenizer ship inside a Maven artifact, so nothing is downloaded at run time. The model is loaded on first use.
 */
abstract class OnnxEmbedder implements TextEmbedder {
    private final String name;
    private final String version;
    private final int dimension;
    private final Supplier<EmbeddingModel> loader;
    private volatile EmbeddingModel model;

    OnnxEmbedder(String name, String version, int dimension, Supplier<EmbeddingModel> loader) {
        this.name = name;
        this.version = version;
        this.dimension = dimension;
        this.loader = loader;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] embed(String text) {
        return model().embed(text.isBlank() ? " " : text).content().vector();
    }

    /**
     * LangChain4j finds the model file and ONNX Runtime's native library through the thread's context class loader,
     * which does not see this module when the launcher loads it on demand (its own class loader): so load with ours.
     */
    private static <T> T withOwnClassLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(OnnxEmbedder.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = withOwnClassLoader(loader);
                }
                loaded = model;
            }
        }
        return loaded;
    }
}
