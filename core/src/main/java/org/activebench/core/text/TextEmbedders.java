package org.activebench.core.text;

import java.util.ArrayList;
import java.util.List;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.activebench.core.ActiveBenchException;

/**
 * The sentence-embedding models by name: those on the class path, else those of the jars that the system property
 * {@code activebench.embeddings.path} lists (jars and directories of jars, separated as on a class path). The
 * launcher names the embeddings module there, so that its 160 MB are loaded only when a config embeds texts.
 */
public final class TextEmbedders {
    /** The property that names the embedding stack's jars. */
    public static final String PATH_PROPERTY = "activebench.embeddings.path";
    private static ClassLoader onDemand;

    private TextEmbedders() {
    }

    public static List<TextEmbedder> available() {
        List<TextEmbedder> embedders = new ArrayList<>();
        ServiceLoader.load(TextEmbedder.class, TextEmbedders.class.getClassLoader()).forEach(embedders::add);
        if (embedders.isEmpty() && System.getProperty(PATH_PROPERTY) != null) {
            ServiceLoader.load(TextEmbedder.class, onDemandLoader()).forEach(embedders::add);
        }
        return embedders;
    }

    private static synchronized ClassLoader onDemandLoader() {
        if (onDemand == null) {
            List<URL> urls = new ArrayList<>();
            for (String entry : System.getProperty(PATH_PROPERTY).split(File.pathSeparator)) {
                Path path = Path.of(entry);
                try (Stream<Path> files = Files.isDirectory(path) ? Files.list(path) : Stream.of(path)) {
                    for (Path jar : files.filter(f -> f.toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                } catch (IOException e) {
                    throw new ActiveBenchException(PATH_PROPERTY + ": " + entry + ": " + e.getMessage(), e);
                }
            }
            onDemand = new URLClassLoader("activebench-embeddings", urls.toArray(URL[]::new),
                    TextEmbedders.class.getClassLoader());
        }
        return onDemand;
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
                + (embedders.isEmpty() ? "none; module activebench-embeddings is neither on the class path nor in " + PATH_PROPERTY
                        + " (the launcher's embeddings/target)"
                        : String.join(", ", embedders.stream().map(TextEmbedder::name).toList())) + ")");
    }
}
