package org.activebench.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.activebench.core.ActiveBenchException;

/**
 * The cells of a sharded study that processes hold, and what they did, under {@code claims/} of its results
 * directory: {@code claims/ID.claim} while a process computes cell {@code ID} (a {@link Claim}, with heartbeat),
 * {@code claims/ID.failed} after its trial failed (the line and stack trace; removed once it succeeds), and one
 * journal per process, {@code claims/journal/HOST.PID.TOKEN.log}, a tab-separated line (time, event, cell id,
 * who) per cell it claimed, computed or failed. Each process appends only to its own journal, which is safe on NFS; together they show that no cell
 * was computed twice.
 */
final class CellClaims {
    static final String DIRECTORY = "claims";
    private final Path root;
    private final String works;
    private final Duration timeout;
    private final Path journal;

    /**
     * @param works   who the claims are for, as claim files and {@code status} name it ({@code shard 1/4, slurm job 7_1})
     * @param timeout how old a heartbeat makes a claim stale
     */
    CellClaims(Path results, String works, Duration timeout) {
        this.root = results.resolve(DIRECTORY);
        this.works = works;
        this.timeout = timeout;
        Claim.Owner self = Claim.Owner.current(works);
        this.journal = root.resolve("journal").resolve(self.host() + "." + self.pid() + "." + self.token().substring(0, 8) + ".log");
    }

    static Path claimFile(Path results, String id) {
        return results.resolve(DIRECTORY).resolve(id + ".claim");
    }

    static Path failureFile(Path results, String id) {
        return results.resolve(DIRECTORY).resolve(id + ".failed");
    }

    /** Claims the cell, taking over a stale claim; empty while a live process holds it. */
    Optional<Claim> take(StudyPlan.Cell cell) {
        Optional<Claim> claim = Claim.tryTake(root.resolve(cell.id() + ".claim"), works, timeout);
        claim.ifPresent(c -> record("claimed", cell));
        return claim;
    }

    void computed(StudyPlan.Cell cell) {
        record("computed", cell);
        try {
            Files.deleteIfExists(root.resolve(cell.id() + ".failed"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root.resolve(cell.id() + ".failed") + ": " + e.getMessage(), e);
        }
    }

    void failed(StudyPlan.Cell cell, TrialFailure failure) {
        record("failed", cell);
        StringWriter trace = new StringWriter();
        failure.getCause().printStackTrace(new PrintWriter(trace));
        AtomicFiles.write(root.resolve(cell.id() + ".failed"), (failure.getMessage() + "\n" + trace)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Where this process's failures are kept, for the message. */
    Path directory() {
        return root;
    }

    private void record(String event, StudyPlan.Cell cell) {
        String line = Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\t" + event + "\t" + cell.id() + "\t" + works + "\n";
        try {
            Files.createDirectories(journal.getParent());
            Files.writeString(journal, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + journal + ": " + e.getMessage(), e);
        }
    }

    /** Every live (not stale) cell claim under {@code results}, by cell id. */
    static List<Live> live(Path results, Duration timeout) {
        Path dir = results.resolve(DIRECTORY);
        List<Live> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".claim")).sorted().toList()) {
                String id = dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                Claim.holder(file).filter(h -> !h.staleAfter(timeout))
                        .ifPresent(h -> found.add(new Live(id.substring(0, id.length() - ".claim".length()), h)));
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return found;
    }

    record Live(String id, Claim.Holder holder) {
    }

    /** Refuses to go on while shards compute in {@code results}: a run that holds the whole directory's lock. */
    static void requireNoShards(Path results, Duration timeout) {
        List<Live> live = live(results, timeout);
        if (!live.isEmpty()) {
            throw new ActiveBenchException(results + " is being computed by shards: " + live.size() + " cell(s) held,"
                    + " e.g. " + live.getFirst().id() + " by " + live.getFirst().holder().describe()
                    + "; wait for them (`activebench status " + results + "`)");
        }
    }

    /** The journal lines of every process: time, event, cell id and who, tab-separated. */
    static List<String> journals(Path results) {
        Path dir = results.resolve(DIRECTORY).resolve("journal");
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        return lines;
    }
}
