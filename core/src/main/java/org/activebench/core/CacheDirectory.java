package org.activebench.core;

import java.nio.file.Path;

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
}
