package org.activebench.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where ActiveBench keeps what it can compute again (text embeddings, parsed data sets): {@code activebench.cache}
 * (system property), else {@code ACTIVEBENCH_CACHE}, else {@code ~/.cache/activebench}. Every entry is named by a
 * hash of what it was computed from and checked when read, so a stale or damaged entry is never used.
 */
public final class CacheDirectory {
    private CacheDirectory() {
    }

    /** The cache's subdirectory {@code name}. */
    public static Path of(String name) {
        String configured = System.getProperty("activebench.cache", System.getenv("ACTIVEBENCH_CACHE"));
        Path root = configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".cache", "activebench");
        return root.resolve(name);
    }

    /** Writes an entry whole or not at all: to a temporary file beside it, then moved into place. */
    public static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
        Files.write(temp, content);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
