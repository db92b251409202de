package org.activebench.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.activebench.core.CacheDirectory;
import org.activebench.core.Version;

/**
 * Full-pool references kept across results directories, since a study's variants (other strategies, more rounds)
 * fit the same reference again: an entry is named by a SHA-256 of the reference's fingerprint (data, split, learner
 * with every parameter, protocol), its seed, and the code that computed it (version and git commit). Off when the
 * commit is unknown or has uncommitted changes: then no entry could say which code made it.
 */
final class ReferenceCache {
    private static final System.Logger LOG = System.getLogger("activebench");
    private final Path dir;
    private final String code;

    private ReferenceCache(Path dir, String code) {
        this.dir = dir;
        this.code = code;
    }

    /** The cache of this build, if its commit is known and clean. */
    static Optional<ReferenceCache> standard() {
        String commit = System.getProperty("activebench.git", "unknown");
        if (commit.equals("unknown") || commit.endsWith("-dirty")) {
            return Optional.empty();
        }
        return Optional.of(new ReferenceCache(CacheDirectory.of("references"), Version.get() + "@" + commit));
    }

    private Path file(String fingerprint, long seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((code + "\0" + fingerprint + "\0" + seed)
                    .getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(hash) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reference of this trial key and fingerprint, if an earlier run of this code computed it. */
    Optional<PoolReference> read(TrialKey key, String fingerprint) {
        Path file = file(fingerprint, key.seed());
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            PoolReference cached = ResultStore.JSON.readValue(file.toFile(), PoolReference.class);
            boolean same = cached.fingerprint().equals(fingerprint) && cached.seed() == key.seed()
                    && cached.dataset().equals(key.dataset()) && cached.learner().equals(key.learner());
            return same ? Optional.of(cached) : Optional.empty();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "reference cache: " + file + " is unreadable (" + e.getMessage()
                    + "); fitting the reference again");
            return Optional.empty();
        }
    }

    void write(PoolReference reference) {
        try {
            AtomicFiles.write(file(reference.fingerprint(), reference.seed()), ResultStore.json(reference));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "reference cache: cannot write (" + e.getMessage() + ")");
        }
    }
}
