package org.activebench.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.activebench.core.ActiveBenchException;

/**
 * The layout of a results directory:
 * <pre>
 * manifest.json                                        provenance: config, versions, machine, kernel backend
 * trials/DATASET/LEARNER/STRATEGY/seed-S.json          one {@link TrialResult} per trial (deterministic)
 * timings/DATASET/LEARNER/STRATEGY/seed-S.json         its {@link TrialTimings} (measured)
 * reference/DATASET/LEARNER/seed-S.json                the learner fitted on the whole pool ({@link PoolReference})
 * results.csv                                          tidy: dataset,learner,strategy,seed,round,labelled,metric,value
 * failures.txt                                         only after failed trials: each one's line and stack trace
 * study.json                                           the study: every cell's id and fingerprint ({@link StudyRecord})
 * claims/                                              a sharded study's cell claims and journals ({@link CellClaims})
 * slurm/                                               the job scripts and logs of {@code activebench slurm}
 * report/                                              written by the reports module (HTML, markdown, charts)
 * </pre>
 * A trial file exists only once complete (it is written last, atomically), which is what makes resuming safe.
 * A run holds {@code .activebench.lock} ({@link Claim}) throughout. No path of this layout may be a symbolic link
 * (the root itself may): results are written and read only inside the directory the user named. Other files in
 * the directory are not ActiveBench's and are never listed, checked or removed.
 */
final class ResultStore {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final String FAILURES = "failures.txt";
    private static final List<String> DIRECTORIES = List.of("trials", "timings", "reference", "report",
            CellClaims.DIRECTORY, "slurm");
    private static final List<String> FILES = List.of("manifest.json", "results.csv", FAILURES, Claim.LOCK_FILE,
            StudyRecord.FILE);
    private static final Logger LOG = Logger.getLogger(ResultStore.class.getName());
    private final Path root;

    ResultStore(Path root) {
        this.root = root;
    }

    Path trialFile(TrialKey key) {
        return root.resolve("trials").resolve(key.relativePath());
    }

    Path timingFile(TrialKey key) {
        return root.resolve("timings").resolve(key.relativePath());
    }

    Path referenceFile(TrialKey key) {
        return root.resolve("reference").resolve(key.referencePath());
    }

    /** Refuses a trial whose files would have paths longer than the file system takes, before anything is written. */
    void requireStorable(TrialKey key) {
        FileNames.requireShortEnough(key.strategy() == null ? referenceFile(key) : timingFile(key));
    }

    /**
     * Claims the directory for this run (creating it), after checking it holds no symbolic link; only then are
     * temporaries that an interrupted run left behind removed, since no other run can be writing them.
     */
    Claim lock() {
        createRoot();
        List<Path> files = own(root);
        requireNoLinks(root, files);
        Claim lock = Claim.take(root.resolve(Claim.LOCK_FILE), root.toString());
        boolean cleaned = false;
        try {
            for (Path file : files) {
                if (AtomicFiles.isTemporary(file)) {
                    Files.deleteIfExists(file);
                }
            }
            cleaned = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + root + ": " + e.getMessage(), e);
        } finally {
            if (!cleaned) {
                lock.close();
            }
        }
        return lock;
    }

    /**
     * Joins the directory as one shard of a study (creating it): checks it holds no symbolic link and that no run of
     * the whole study holds its lock. Temporaries are left alone: other shards may be writing them; {@code merge},
     * which takes the lock, removes those left behind.
     */
    void join(Duration timeout) {
        createRoot();
        requireNoLinks(root, own(root));
        requireUnlocked(timeout);
    }

    /** Refuses to go on while a live run of the whole study holds the directory's lock. */
    void requireUnlocked(Duration timeout) {
        Path lock = root.resolve(Claim.LOCK_FILE);
        Claim.holder(lock).filter(h -> !h.staleAfter(timeout)).ifPresent(h -> {
            throw new ActiveBenchException(root + " is in use by " + h.describe() + ", which runs or merges the"
                    + " whole study; a shard waits for it to finish (or, if it is gone, delete " + lock + ")");
        });
    }

    private void createRoot() {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new ActiveBenchException(root + ": exists and is not a directory; a results directory is needed here");
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a results directory with a symbolic link among its files: writes or reads would leave it. */
    static void requireNoLinks(Path root) {
        requireNoLinks(root, own(root));
    }

    private static void requireNoLinks(Path root, List<Path> files) {
        files.stream().filter(Files::isSymbolicLink).findFirst().ifPresent(link -> {
            throw new ActiveBenchException(link + ": a symbolic link inside a results directory; ActiveBench reads"
                    + " and writes only real files and directories under " + root + " (replace the link by what it"
                    + " points to, or give that as the directory)");
        });
    }

    /**
     * Every path of the layout above that exists under {@code root}, temporaries included; nothing else, so that a
     * results directory given as, say, a project directory has none of its other files listed, checked or removed.
     */
    private static List<Path> own(Path root) {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> top = Files.list(root)) {
            for (Path entry : top.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (DIRECTORIES.contains(name)) {
                    try (Stream<Path> tree = Files.walk(entry)) {
                        tree.forEach(paths::add);
                    }
                } else if (FILES.stream().anyMatch(name::startsWith)) {
                    paths.add(entry);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
        return paths;
    }

    /** The stored result of a completed trial with this fingerprint, if any. */
    Optional<TrialResult> completed(TrialKey key, String fingerprint) {
        if (!Files.exists(timingFile(key))) {
            return Optional.empty();
        }
        return stored(trialFile(key), TrialResult.class, TrialResult::fingerprint, fingerprint);
    }

    /** The stored full-pool reference with this fingerprint, if any. */
    Optional<PoolReference> completedReference(TrialKey key, String fingerprint) {
        return stored(referenceFile(key), PoolReference.class, PoolReference::fingerprint, fingerprint);
    }

    private static <T> Optional<T> stored(Path file, Class<T> type, Function<T, String> fingerprintOf, String fingerprint) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        T result;
        try {
            result = JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            LOG.warning(file + " is unreadable (" + e.getMessage() + "); it is computed again");
            return Optional.empty();
        }
        if (!fingerprint.equals(fingerprintOf.apply(result))) {
            throw new ActiveBenchException(file + ": holds a result of a different configuration of this trial (or of an"
                    + " ActiveBench whose results differ from this one's); "
                    + "write to another --out directory (or delete this one) to run the changed config");
        }
        return Optional.of(result);
    }

    /** Stores a finished trial: timings first, then the result that marks the trial complete. */
    void save(TrialKey key, Trial.Outcome outcome) {
        AtomicFiles.write(timingFile(key), json(outcome.timings()));
        AtomicFiles.write(trialFile(key), json(outcome.result()));
    }

    /** Writes each failure's line and stack trace to failures.txt; returns that file. */
    Path saveFailures(List<TrialFailure> failures) {
        StringBuilder text = new StringBuilder();
        for (TrialFailure f : failures) {
            StringWriter trace = new StringWriter();
            f.getCause().printStackTrace(new PrintWriter(trace));
            text.append(f.getMessage()).append('\n').append(trace).append('\n');
        }
        Path file = root.resolve(FAILURES);
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        return file;
    }

    void clearFailures() {
        try {
            Files.deleteIfExists(root.resolve(FAILURES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root.resolve(FAILURES) + ": " + e.getMessage(), e);
        }
    }

    void saveReference(TrialKey key, PoolReference reference) {
        AtomicFiles.write(referenceFile(key), json(reference));
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
