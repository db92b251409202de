package org.activebench.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.activebench.core.data.DatasetLoader;
import org.activebench.experiment.ConfigReader;
import org.activebench.experiment.ExperimentConfig;
import org.junit.jupiter.api.Test;

/** Every example config finds its files inside the repository: a user's clone runs it without any other folder. */
class ExampleConfigsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyExampleResolvesItsDataFromTheCloneAlone() throws IOException {
        List<Path> configs;
        try (Stream<Path> files = Files.walk(ROOT.resolve("examples"))) {
            configs = files.filter(f -> f.toString().endsWith(".json") && !f.toString().contains("/target/")).sorted().toList();
        }
        assertTrue(configs.size() >= 4, configs.toString());
        int checked = 0;
        for (Path config : configs) {
            ExperimentConfig parsed = ConfigReader.read(config);
            List<String> paths = new ArrayList<>();
            for (ExperimentConfig.DatasetSpec data : parsed.datasets()) {
                if (data.path() == null) {
                    assertTrue(DatasetLoader.BUNDLED.contains(data.name()), config + ": " + data.name());
                }
                paths.add(data.path());
                paths.add(data.split());
                paths.add(data.teacher() == null ? null : data.teacher().path());
            }
            for (String path : paths) {
                if (path == null) {
                    continue;
                }
                Path file = config.getParent().resolve(path).toAbsolutePath().normalize();
                assertTrue(file.startsWith(ROOT), config + ": " + path + " lies outside the repository");
                assertFalse(ROOT.relativize(file).toString().contains("target"), config + ": " + path + " is a build output");
                assertTrue(Files.isRegularFile(file), config + ": " + path + " is missing");
                checked++;
            }
        }
        assertTrue(checked >= 6, "data files and teachers checked: " + checked);
    }
}
