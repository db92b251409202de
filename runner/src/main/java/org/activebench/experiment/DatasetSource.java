package org.activebench.experiment;

import java.nio.file.Path;
import org.activebench.core.data.Dataset;
import org.activebench.core.data.DatasetLoader;
import org.activebench.core.data.MissingValues;
import org.activebench.core.data.TextCorpus;
import org.activebench.core.text.EmbeddingCache;
import org.activebench.core.text.Embeddings;
import org.activebench.core.text.TextEmbedder;
import org.activebench.core.text.TextEmbedders;

/** Loads the data set a config's entry describes: a file as it is, or a text file turned into sentence embeddings. */
public final class DatasetSource {
    private static final System.Logger LOG = System.getLogger("activebench");

    private DatasetSource() {
    }

    /**
     * @param baseDir what a relative path is relative to
     * @param key     the entry's config path, for error messages
     */
    public static Dataset load(ExperimentConfig.DatasetSpec spec, Path baseDir, String key, MissingValues missing) {
        Path path = spec.path() == null ? null : baseDir.resolve(spec.path());
        if (spec.features() == null) {
            return DatasetLoader.load(spec.name(), path, spec.format(), spec.label(), missing);
        }
        TextEmbedder embedder = TextEmbedders.byName(spec.features().embed(), key + ".features.embed");
        TextCorpus corpus = DatasetLoader.loadText(spec.name(), path, spec.format(), spec.features().text(), spec.label());
        int n = corpus.texts().size();
        LOG.log(System.Logger.Level.INFO, spec.name() + ": " + n + " texts, features from " + embedder.name()
                + " (embedding cache: " + EmbeddingCache.standard().dir() + ")");
        int[] reported = {0};
        float[] x = Embeddings.of(spec.name(), corpus.texts(), embedder, EmbeddingCache.standard(),
                Runtime.getRuntime().availableProcessors(), done -> {
                    synchronized (reported) {
                        if (done * 10L / n > reported[0]) {
                            reported[0] = (int) (done * 10L / n);
                            LOG.log(System.Logger.Level.INFO, "  embedded " + done + " / " + n);
                        }
                    }
                });
        return corpus.withFeatures(x, embedder.featureNames());
    }

    /** The embeddings of the paraphrase column ({@code features.paraphrase}) of a text data set, n x d as loaded. */
    public static float[] paraphrases(ExperimentConfig.DatasetSpec spec, Path baseDir, String key) {
        TextEmbedder embedder = TextEmbedders.byName(spec.features().embed(), key + ".features.embed");
        TextCorpus corpus = DatasetLoader.loadText(spec.name(), baseDir.resolve(spec.path()), spec.format(),
                spec.features().paraphrase(), spec.label());
        LOG.log(System.Logger.Level.INFO, spec.name() + ": " + corpus.texts().size() + " paraphrases ('"
                + spec.features().paraphrase() + "'), features from " + embedder.name());
        return Embeddings.of(spec.name() + "." + spec.features().paraphrase(), corpus.texts(), embedder,
                EmbeddingCache.standard(), Runtime.getRuntime().availableProcessors(), done -> { });
    }
}
