package org.activebench.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.activebench.core.data.Dataset;
import org.activebench.core.data.DatasetLoader;
import org.activebench.core.data.TextCorpus;
import org.activebench.core.text.EmbeddingCache;
import org.activebench.core.text.Embeddings;
import org.activebench.core.text.TextEmbedder;
import org.activebench.core.text.TextEmbedders;
import org.activebench.experiment.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code activebench embed TEXTS --out FILE}: sentence embeddings of a labelled text file, as a numeric CSV. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Embed the texts of a CSV (a text column) or ARFF file (a string attribute) with a pre-trained "
                + "sentence transformer shipped in the jar (no download), and write a CSV of the embeddings with the "
                + "label last, ready for a config's \"path\". Texts are cut to their first " + Embeddings.MAX_CHARS
                + " characters. Results are cached on disk (~/.cache/activebench/embeddings, or $ACTIVEBENCH_CACHE); "
                + "a config can also embed directly with \"features\": {\"embed\": MODEL}."})
final class EmbedCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TEXTS", description = "A .csv, .arff (optionally .gz) file of labelled texts.")
    Path texts;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV to write (gzipped if it ends in .gz).")
    Path out;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "all-minilm-l6-v2",
            description = "all-minilm-l6-v2 (default) or bge-small-en-v1.5.")
    String model;

    @Option(names = "--text", paramLabel = "COLUMN", description = "The text column (CSV: default \"text\"; ARFF: the only string attribute).")
    String textColumn;

    @Option(names = "--label", paramLabel = "COLUMN", description = "The label column (default: the last).")
    String label;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TextEmbedder embedder = TextEmbedders.byName(model, "--model");
        TextCorpus corpus = DatasetLoader.loadText(texts.getFileName().toString(), texts, null, textColumn, label);
        float[] x;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("embedding").setInitialMax(corpus.texts().size())
                .setStyle(ProgressBarStyle.ASCII).setUnit(" texts", 1).continuousUpdate().build()) {
            x = Embeddings.of(texts.toString(), corpus.texts(), embedder, EmbeddingCache.standard(), threads, bar::stepTo);
            bar.stepTo(corpus.texts().size());
        }
        Dataset labels = corpus.labels();
        int d = embedder.dimension();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream stream = out.toString().endsWith(".gz") ? new GZIPOutputStream(bytes) : bytes;
             Writer csv = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
            csv.write(String.join(",", embedder.featureNames()) + ",label\n");
            for (int i = 0; i < labels.size(); i++) {
                for (int j = 0; j < d; j++) {
                    csv.write(Float.toString(x[i * d + j]));
                    csv.write(',');
                }
                csv.write(CsvField.of(labels.classNames().get(labels.y()[i])));
                csv.write('\n');
            }
        }
        AtomicFiles.write(out, bytes.toByteArray());
        spec.commandLine().getOut().println(labels.size() + " texts x " + d + " dimensions (" + embedder.name() + ") -> " + out);
        return 0;
    }
}
