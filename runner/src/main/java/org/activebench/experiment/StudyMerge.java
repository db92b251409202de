package org.activebench.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.activebench.core.ActiveBenchException;

/**
 * {@code activebench merge DIR}: once every shard of a study is done, writes what a single run writes at its end —
 * {@code results.csv} (byte for byte the same) and {@code manifest.json} — from the cell files, holding the
 * directory's lock. It refuses a directory that holds results of another study (a file that is no cell of
 * {@code study.json}, or a cell of another configuration) and one with cells still missing.
 */
public final class StudyMerge {
    private StudyMerge() {
    }

    /** What was merged: the study's cells, of which {@code trials} trials. */
    public record Merged(Path dir, String study, int cells, int trials) {
    }

    public static Merged merge(Path dir) {
        ResultStore store = new ResultStore(dir);
        StudyRecord study = StudyRecord.read(dir);
        try (Claim _ = store.lock()) {
            CellClaims.requireNoShards(dir, Claim.DEFAULT_TIMEOUT);
            Map<String, String> fingerprints = study.cells().stream()
                    .collect(Collectors.toMap(StudyRecord.CellEntry::id, StudyRecord.CellEntry::fingerprint));
            for (String area : List.of("trials", "reference")) {
                for (Path file : ResultsDirectory.jsonFiles(dir.resolve(area))) {
                    String id = dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                    if (!fingerprints.containsKey(id.substring(0, id.length() - ".json".length()))) {
                        throw new ActiveBenchException(dir + " mixes studies: " + file + " is no cell of study '"
                                + study.name() + "' (" + dir.resolve(StudyRecord.FILE) + "); merge only a directory"
                                + " that the shards of one study wrote");
                    }
                }
            }
            List<TrialResult> results = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (StudyRecord.CellEntry cell : study.cells()) {
                Path file = dir.resolve(cell.id() + ".json");
                if (!Files.exists(file)) {
                    missing.add(cell.id());
                    continue;
                }
                String fingerprint;
                if (cell.id().startsWith("trials/")) {
                    TrialResult result = JsonFiles.read(file, TrialResult.class, "a valid TrialResult file");
                    results.add(result);
                    fingerprint = result.fingerprint();
                } else {
                    fingerprint = JsonFiles.read(file, PoolReference.class, "a valid PoolReference file").fingerprint();
                }
                if (!fingerprint.equals(cell.fingerprint())) {
                    throw new ActiveBenchException(dir + " mixes studies: " + file + " holds a result of another"
                            + " configuration than study '" + study.name() + "' plans for it");
                }
            }
            if (!missing.isEmpty()) {
                long failed = missing.stream().filter(id -> Files.exists(CellClaims.failureFile(dir, id))).count();
                throw new ActiveBenchException(dir + ": " + missing.size() + " of " + study.cells().size() + " cells are"
                        + " not done (" + failed + " failed), e.g. " + missing.getFirst() + "; `activebench status " + dir
                        + "` lists them: run the shards again (they compute only what is missing), then merge");
            }
            AtomicFiles.write(dir.resolve("results.csv"), TidyCsv.of(results));
            ObjectNode manifest = study.manifest().deepCopy();
            manifest.put("merged", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            manifest.putPOJO("computedBy", CellClaims.journals(dir).stream().map(line -> line.split("\t", 4))
                    .filter(f -> f.length == 4 && f[1].equals("computed")).map(f -> f[3])
                    .collect(Collectors.toCollection(TreeSet::new)));
            AtomicFiles.write(dir.resolve("manifest.json"), ResultStore.json(manifest));
            store.clearFailures();
            return new Merged(dir, study.study(), study.cells().size(), results.size());
        }
    }
}
