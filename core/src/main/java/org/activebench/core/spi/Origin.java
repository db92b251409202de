package org.activebench.core.spi;

/**
 * Which code a component came from, recorded with results: ActiveBench itself, a plugin jar (with its version and
 * SHA-256, so that a rebuilt plugin makes new results instead of reusing old ones), or classes given in code.
 *
 * @param source  {@code activebench}, the jar's file name, or the class directory
 * @param version ActiveBench's version for built-ins; a jar's {@code Implementation-Version} (or {@code unversioned})
 * @param sha256  the jar's SHA-256 in hex; null for built-ins and for classes outside a jar
 */
public record Origin(String source, String version, String sha256) {
    public boolean builtIn() {
        return "activebench".equals(source);
    }
}
