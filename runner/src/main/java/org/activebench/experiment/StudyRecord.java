package org.activebench.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.Version;

/**
 * {@code study.json}: which study a results directory holds — every cell's id and fingerprint, the ActiveBench
 * that computes them, and the manifest {@code merge} writes. The first shard of a study creates it (atomically:
 * a complete temporary hard-linked into place, which NFS does atomically too); every later shard, on any host,
 * compares itself with it and refuses to write into a directory of another study or another ActiveBench.
 *
 * @param study the plan's id: a SHA-256 of every cell's id and fingerprint, in plan order
 */
record StudyRecord(int format, String study, String name, String activebench, String gitCommit, List<CellEntry> cells,
                   JsonNode manifest) {
    static final String FILE = "study.json";

    record CellEntry(String id, String fingerprint) {
    }

    static StudyRecord of(String name, StudyPlan plan, Map<String, Object> manifest) {
        List<CellEntry> cells = plan.cells().stream().map(c -> new CellEntry(c.id(), c.fingerprint())).toList();
        return new StudyRecord(1, idOf(cells), name, Version.get(), System.getProperty("activebench.git", "unknown"),
                cells, ResultStore.JSON.valueToTree(manifest));
    }

    private static String idOf(List<CellEntry> cells) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (CellEntry c : cells) {
                sha.update((c.id() + " " + c.fingerprint() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static StudyRecord read(Path root) {
        Path file = root.resolve(FILE);
        if (!Files.exists(file)) {
            throw new ActiveBenchException(root + ": no " + FILE + " here; this is not the results directory of a study"
                    + " (written by `activebench run CONFIG --shard I/N` or a plain run)");
        }
        return JsonFiles.read(file, StudyRecord.class, "a valid " + FILE);
    }

    /** Writes this record over any earlier one: for a plain run, which holds the directory's lock. */
    void write(Path root) {
        AtomicFiles.write(root.resolve(FILE), ResultStore.json(this));
    }

    /** Creates {@code study.json} if no shard has yet, or checks that the one there is this study's. */
    void createOrCheck(Path root) {
        Path file = root.resolve(FILE);
        Path temp = root.resolve(FILE + "." + ProcessHandle.current().pid() + ".0" + AtomicFiles.TEMP_SUFFIX);
        try {
            Files.write(temp, ResultStore.json(this));
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException there) {
                requireSame(read(root), file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void requireSame(StudyRecord there, Path file) {
        if (!there.activebench().equals(activebench) || !there.gitCommit().equals(gitCommit)) {
            throw new ActiveBenchException(file + ": this study is computed by ActiveBench " + there.activebench()
                    + " (commit " + there.gitCommit() + "), this is " + activebench + " (commit " + gitCommit + "); every"
                    + " shard must run the same ActiveBench (one build on the shared file system)");
        }
        if (!there.study().equals(study)) {
            throw new ActiveBenchException(file + ": holds study '" + there.name() + "' (" + there.cells().size()
                    + " cells, id " + there.study() + "); this config plans '" + name + "' (" + cells.size() + " cells,"
                    + " id " + study + "): every shard must run the same config; give another study another --out");
        }
    }
}
