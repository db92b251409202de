package org.activebench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.activebench.core.ActiveBenchException;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {
    private static final String VALID = """
            {"datasets": [{"name": "iris"}], "learner": {"name": "knn"}, "strategies": ["random"],
             "seeds": [1], "budget": {"rounds": 2}}""";

    private static String error(String json) {
        return assertThrows(ActiveBenchException.class, () -> ConfigReader.parse(json, "c.json")).getMessage();
    }

    @Test
    void defaultsApply() {
        ExperimentConfig c = ConfigReader.parse(VALID, "c.json");
        assertEquals(0.3, c.testFractionOrDefault());
        assertEquals(10, c.batchOrDefault());
        assertEquals(20, c.initialSize());
        assertEquals(3, c.metricList().size());
    }

    @Test
    void unknownKeyIsNamedWithItsPathAndPosition() {
        assertEquals("c.json:1:41: datasets[0].pth: unknown key (valid: features, format, label, labels, missing, name, path, split, teacher)",
                error(VALID.replace("{\"name\": \"iris\"}", "{\"name\": \"iris\", \"pth\": 1}")));
        String seed = error(VALID.replace("\"seeds\"", "\"seed\""));
        assertEquals(true, seed.startsWith("c.json:2:") && seed.contains(": seed: unknown key (valid: annotators, augment, batch, budget,"), seed);
    }

    @Test
    void invalidJsonGivesLineAndColumn() {
        String message = error("{\"datasets\": [\n  {\"name\": \"iris\",}\n]}");
        assertEquals(true, message.startsWith("c.json:2:19: invalid JSON:"), message);
    }

    @Test
    void wrongTypesAndMissingKeysAreNamed() {
        assertEquals("c.json:2:37: budget.rounds: a whole number is required, got \"two\"",
                error(VALID.replace("\"rounds\": 2", "\"rounds\": \"two\"")));
        assertEquals("c.json: budget: give exactly one of \"rounds\", \"labels\" or \"cost\"",
                error(VALID.replace("\"budget\": {\"rounds\": 2}", "\"budget\": {}")));
        assertEquals("c.json: seeds: at least one seed is required", error(VALID.replace("[1]", "[]")));
        assertEquals("c.json: metrics: unknown metric 'auc' (valid: accuracy, macro_f1, balanced_accuracy)",
                error(VALID.replace("\"seeds\"", "\"metrics\": [\"auc\"], \"seeds\"")));
        assertEquals("c.json: datasets[0].missing: unknown missing-value policy 'zero' (valid: error, drop, mean)",
                error(VALID.replace("{\"name\": \"iris\"}", "{\"name\": \"iris\", \"missing\": \"zero\"}")));
        assertEquals("c.json: testFraction: must be in (0, 1), got 1.5", error(VALID.replace("\"seeds\"", "\"testFraction\": 1.5, \"seeds\"")));
        assertEquals("c.json: the config is empty", error("null"));
    }

    @Test
    void valuesAreNotCoercedAndKeysNotRepeated() {
        assertEquals("c.json:2:11: batch: a whole number is required, got \"10\"",
                error(VALID.replace("\"seeds\"", "\"batch\": \"10\", \"seeds\"")));
        assertEquals("c.json:2:10: name: a string (in quotes) is required, got 5",
                error(VALID.replace("\"seeds\"", "\"name\": 5, \"seeds\"")));
        assertEquals("c.json:2:36: initial.atLeastOnePerClass: true or false is required, got \"true\"",
                error(VALID.replace("\"seeds\"", "\"initial\": {\"atLeastOnePerClass\": \"true\"}, \"seeds\"")));
        assertEquals("c.json:2:23: invalid JSON: Duplicate field 'seeds'",
                error(VALID.replace("\"budget\"", "\"seeds\": [2], \"budget\"")));
        assertEquals("c.json:1:38: invalid JSON: Duplicate field 'name'",
                error(VALID.replace("{\"name\": \"iris\"}", "{\"name\": \"iris\", \"name\": \"wine\"}")));
        assertEquals(0.5, ConfigReader.parse(VALID.replace("\"seeds\"", "\"testFraction\": 0.5, \"seeds\""), "c.json")
                .testFractionOrDefault(), "a number is still a number");
    }

    @Test
    void missingConfigFile() {
        assertEquals("nope.json: no such file",
                assertThrows(ActiveBenchException.class, () -> ConfigReader.read(Path.of("nope.json"))).getMessage());
    }
}
