package org.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.activebench.experiment.Experiment;
import org.activebench.experiment.Study;
import org.activebench.experiment.TrialResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin's strategy and learner, found by ServiceLoader on the class path, in a study beside the built-ins. */
class CompareStudyTest {
    @TempDir
    Path dir;

    @Test
    void theHybridAndTheAdapterRunBesideMarginAndRandom() throws Exception {
        Path out = dir.resolve("compare");
        Experiment.Result result = Study.named("plugin-example").dataset("wine")
                .learner("logistic").learner("nearest_centroid", Map.of("temperature", 2.0))
                .strategies("random", "margin").strategy("margin_density", Map.of("beta", 2.0))
                .seeds(1, 2).initial(6).batch(4).rounds(5).run(out);
        assertEquals(2 * 3 * 2, result.trials());
        assertEquals(Set.of("logistic", "nearest_centroid[temperature=2]"),
                result.results().stream().map(TrialResult::learner).collect(Collectors.toSet()));
        for (String learner : List.of("logistic", "nearest_centroid[temperature=2]")) {
            for (String strategy : List.of("random", "margin", "margin_density[beta=2]")) {
                for (int seed : new int[] {1, 2}) {
                    assertTrue(Files.isRegularFile(out.resolve("trials/wine/" + learner + "/" + strategy + "/seed-" + seed + ".json")));
                }
            }
            assertTrue(Files.isRegularFile(out.resolve("reference/wine/" + learner + "/seed-1.json")));
        }
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(1 + 12 * 6 * 3, csv.size(), "12 trials x 6 rounds x 3 metrics");
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("wine,nearest_centroid[temperature=2],margin_density[beta=2],2,5,26,")));

        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        JsonNode hybrid = manifest.get("strategies").get(2);
        assertEquals("margin_density[beta=2]", hybrid.get("label").asText());
        assertEquals(2.0, hybrid.get("params").get("beta").asDouble());
        assertTrue(!hybrid.get("source").asText().equals("activebench"), "a plugin is not a built-in: " + hybrid);
        for (TrialResult r : result.results()) {
            double accuracy = r.finalMetrics().get("accuracy");
            assertTrue(accuracy > 0.5, r.learner() + " " + r.strategy() + " learns wine: " + accuracy);
        }
    }
}
