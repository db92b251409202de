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

    /** The entry's name: a SHA-256 of the code, the fingerprint and the seed. */
    private String key(String fingerprint, long seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((code + "\0" + fingerprint + "\0" + seed)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path file(String key) {
        return dir.resolve(key + ".json");
    }

    /**
     * An entry as stored: its own key (an entry copied or linked under another name is refused) and a SHA-256 of
     * the reference's JSON (one changed digit of a metric is refused).
     */
    record Entry(String key, String sha256, PoolReference reference) {
    }

    private static String sha256(PoolReference reference) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ResultStore.json(reference)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reference of this trial key and fingerprint, if an earlier run of this code computed it. */
    Optional<PoolReference> read(TrialKey key, String fingerprint) {
        String name = key(fingerprint, key.seed());
        Path file = file(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String problem;
        try {
            Entry entry = ResultStore.JSON.readValue(file.toFile(), Entry.class);
            PoolReference cached = entry.reference();
            if (!name.equals(entry.key())) {
                problem = "it holds the entry " + entry.key();
            } else if (cached == null || !sha256(cached).equals(entry.sha256())) {
                problem = "its checksum does not match its content";
            } else if (!cached.fingerprint().equals(fingerprint) || cached.seed() != key.seed()
                    || !cached.dataset().equals(key.dataset()) || !cached.learner().equals(key.learner())) {
                problem = "it holds another reference";
            } else {
                return Optional.of(cached);
            }
        } catch (IOException | RuntimeException e) {
            problem = "unreadable: " + e.getMessage().lines().findFirst().orElse("");
        }
        LOG.log(System.Logger.Level.WARNING, "reference cache: " + file + " is not usable (" + problem
                + "); fitting the reference again");
        return Optional.empty();
    }

    void write(PoolReference reference) {
        String name = key(reference.fingerprint(), reference.seed());
        try {
            AtomicFiles.write(file(name), ResultStore.json(new Entry(name, sha256(reference), reference)));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "reference cache: cannot write " + file(name) + " (" + e.getMessage()
                    + "); going on without it");
        }
    }
}
