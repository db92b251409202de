package org.activebench.core.spi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.activebench.core.ActiveBenchException;

/** A class loader over plugin jars, on top of ActiveBench's own classes. */
public final class Plugins {
    private Plugins() {
    }

    /**
     * @param jars     plugin jars; an empty list gives ActiveBench's own loader
     * @param key      where the jars were named (config key or option), for messages
     * @param services the provider interfaces a jar may declare in {@code META-INF/services}: one at least
     * @throws ActiveBenchException naming the jar: missing, not a zip (or truncated), or declaring no provider
     */
    public static ClassLoader loader(List<Path> jars, String key, List<Class<?>> services) {
        if (jars.isEmpty()) {
            return Plugins.class.getClassLoader();
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new ActiveBenchException(key + ": " + jar + ": no such plugin jar");
            }
            requireProviders(jar, key, services);
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ActiveBenchException(key + ": " + jar + ": " + e.getMessage(), e);
            }
        }
        return new URLClassLoader("activebench-plugins", urls.toArray(URL[]::new), Plugins.class.getClassLoader());
    }

    /** The jar opens as a zip and lists at least one provider class for one of the services. */
    private static void requireProviders(Path jar, String key, List<Class<?>> services) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Class<?> service : services) {
                ZipEntry entry = zip.getEntry("META-INF/services/" + service.getName());
                if (entry != null && declaresOne(zip, entry)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new ActiveBenchException(key + ": " + jar + ": not a readable jar (" + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()) + "); is it truncated, or not a jar?", e);
        }
        throw new ActiveBenchException(key + ": " + jar + ": declares no provider: none of "
                + String.join(", ", services.stream().map(s -> "META-INF/services/" + s.getName()).toList())
                + " lists a class");
    }

    private static boolean declaresOne(ZipFile zip, ZipEntry entry) throws IOException {
        try (var reader = new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
            return reader.lines().map(line -> line.replaceFirst("#.*", "").strip()).anyMatch(line -> !line.isEmpty());
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
