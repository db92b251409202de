package org.activebench.core.spi;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.activebench.core.ActiveBenchException;

/** A class loader over plugin jars, on top of ActiveBench's own classes. */
public final class Plugins {
    private Plugins() {
    }

    /**
     * @param jars plugin jars; an empty list gives ActiveBench's own loader
     * @param key  where the jars were named (config key or option), for messages
     */
    public static ClassLoader loader(List<Path> jars, String key) {
        if (jars.isEmpty()) {
            return Plugins.class.getClassLoader();
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new ActiveBenchException(key + ": " + jar + ": no such plugin jar");
            }
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ActiveBenchException(key + ": " + jar + ": " + e.getMessage(), e);
            }
        }
        return new URLClassLoader("activebench-plugins", urls.toArray(URL[]::new), Plugins.class.getClassLoader());
    }
}
