package org.activebench.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.activebench.core.ActiveBenchException;

/**
 * A results directory as written by {@link Experiment} (layout in {@link ResultStore}), read back for reports.
 * Trials come in the config's order (data sets, then learners, routings, strategies, seeds), so that colours and tables follow
 * the order the researcher wrote. A file that cannot be read is an error naming it and its line. AUBCs are
 * recomputed from each stored curve, so results of older versions read under today's definitions.
 *
 * @param manifest   provenance: config, versions, machine, kernel backend
 * @param references full-pool references; empty for directories written before they existed
 * @param leftOut    trials in the directory outside the manifest's config (of an earlier, larger config), not read:
 *                   the report describes exactly the trials of the config in the manifest, as results.csv does
 */
public record ResultsDirectory(Path root, JsonNode manifest, List<StoredTrial> trials, List<PoolReference> references,
                               int leftOut) {

    public ResultsDirectory(Path root, JsonNode manifest, List<StoredTrial> trials, List<PoolReference> references) {
        this(root, manifest, trials, references, 0);
    }

    /** A completed trial and its measured times (null when the timings file is missing). */
    public record StoredTrial(TrialResult result, TrialTimings timings) {
    }

    public static ResultsDirectory read(Path root) {
        Path manifestFile = root.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new ActiveBenchException(root + ": not a results directory (no manifest.json); "
                    + "`activebench run CONFIG --out DIR` writes one");
        }
        ResultStore.requireNoLinks(root);
        JsonNode manifest = JsonFiles.read(manifestFile, JsonNode.class, "a valid manifest file");
        List<String> datasets = names(manifest, "datasets");
        List<String> learners = names(manifest, "learners");
        List<String> strategies = names(manifest, "strategies");
        List<String> routings = names(manifest, "routings");
        List<String> levers = names(manifest, "levers");
        List<String> seeds = names(manifest, "seeds");
        List<StoredTrial> trials = new ArrayList<>();
        int leftOut = 0;
        for (Path file : jsonFiles(root.resolve("trials"))) {
            TrialResult result = JsonFiles.read(file, TrialResult.class, "a valid TrialResult file").withAubcFromCurve();
            if (!listed(datasets, result.dataset()) || !listed(learners, result.learner())
                    || !listed(strategies, result.strategy()) || !listed(seeds, Long.toString(result.seed()))
                    || result.routing() != null && !listed(routings, result.routing())
                    || result.levers() != null && !listed(levers, result.levers())) {
                leftOut++;
                continue;
            }
            Path timingFile = root.resolve("timings").resolve(root.resolve("trials").relativize(file));
            trials.add(new StoredTrial(result,
                    Files.exists(timingFile) ? JsonFiles.read(timingFile, TrialTimings.class, "a valid TrialTimings file") : null));
        }
        if (trials.isEmpty()) {
            throw new ActiveBenchException(root.resolve("trials") + ": no completed trial to report on"
                    + (leftOut == 0 ? "" : " (" + leftOut + " trials there are not of the config in manifest.json)"));
        }
        trials.sort(Comparator.<StoredTrial>comparingInt(t -> position(datasets, t.result().dataset()))
                .thenComparing(t -> t.result().dataset())
                .thenComparingInt(t -> position(learners, t.result().learner()))
                .thenComparing(t -> t.result().learner())
                .thenComparingInt(t -> position(routings, t.result().routing()))
                .thenComparing(t -> String.valueOf(t.result().routing()))
                .thenComparingInt(t -> position(levers, t.result().levers()))
                .thenComparing(t -> String.valueOf(t.result().levers()))
                .thenComparingInt(t -> position(strategies, t.result().strategy()))
                .thenComparing(t -> t.result().strategy())
                .thenComparingLong(t -> t.result().seed()));
        List<PoolReference> references = new ArrayList<>();
        for (Path file : jsonFiles(root.resolve("reference"))) {
            PoolReference reference = JsonFiles.read(file, PoolReference.class, "a valid PoolReference file");
            if (listed(datasets, reference.dataset()) && listed(learners, reference.learner())
                    && listed(seeds, Long.toString(reference.seed()))) {
                references.add(reference);
            }
        }
        return new ResultsDirectory(root, manifest, List.copyOf(trials), List.copyOf(references), leftOut);
    }

    /** Every {@code .json} file under {@code dir}, sorted; none if it does not exist. */
    static List<Path> jsonFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The role of the strategy labelled {@code strategy}, as the manifest records it. Manifests written before roles
     * were recorded say nothing: there the built-in baseline and skyline are known by their names, as those versions
     * knew them.
     */
    public Role role(String strategy) {
        for (JsonNode s : manifest.path("strategies")) {
            if (s.isObject() && s.path("label").asText().equals(strategy) && s.has("role")) {
                return Role.parse(s.path("role").asText());
            }
        }
        return strategy.equals("random") ? Role.BASELINE
                : strategy.equals("oracle_skyline") || strategy.startsWith("oracle_skyline[") ? Role.SKYLINE : Role.STRATEGY;
    }

    /** The names listed under {@code key}: components by their label, or plain strings (older manifests). */
    private static List<String> names(JsonNode manifest, String key) {
        List<String> names = new ArrayList<>();
        manifest.path(key).forEach(n -> names.add(n.isObject() ? n.path("label").asText() : n.asText()));
        return names;
    }

    /** Whether a name is among those of the manifest; manifests of old versions may not list some kinds at all. */
    private static boolean listed(List<String> names, String name) {
        return names.isEmpty() || names.contains(name);
    }

    /** Unlisted names (older manifests) sort after listed ones, alphabetically by the comparator's next key. */
    private static int position(List<String> order, String name) {
        int i = order.indexOf(name);
        return i < 0 ? order.size() : i;
    }
}
