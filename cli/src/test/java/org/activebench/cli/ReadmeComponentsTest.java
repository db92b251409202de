package org.activebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.activebench.core.spi.Registry;
import org.activebench.experiment.Catalog;
import org.activebench.experiment.ComponentKind;
import org.activebench.experiment.ComponentListing;
import org.junit.jupiter.api.Test;

/**
 * The README's strategy, learner and stopping tables name exactly the registered components, each with the
 * parameters and defaults its provider declares: the tables cannot drift from the code. Prose columns are free.
 */
class ReadmeComponentsTest {
    private static final Path README = Path.of("..", "README.md");

    /** Per component name, the README's params cell, from the table after {@code <!-- components: KIND}. */
    private static Map<String, String> table(String kind) throws IOException {
        List<String> lines = Files.readAllLines(README);
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("<!-- components: " + kind + " ")) {
                start = i;
            }
        }
        assertTrue(start >= 0, "README has a '<!-- components: " + kind + "' table");
        Map<String, String> rows = new TreeMap<>();
        for (int i = start + 3; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> cells = cells(lines.get(i));
            for (String name : cells.get(0).split(", ")) {
                assertEquals(null, rows.put(name.replace("`", ""), cells.get(1)), name + " is listed twice");
            }
        }
        return rows;
    }

    /** The cells of a Markdown table row; {@code \|} is a literal bar. */
    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        for (String c : row.substring(1, row.length() - 1).split("(?<!\\\\)\\|")) {
            cells.add(c.strip());
        }
        return cells;
    }

    private static Map<String, String> declared(Registry<?> registry) {
        Map<String, String> rows = new TreeMap<>();
        registry.entries().forEach(e -> rows.put(e.provider().name(), ComponentListing.paramsCell(e.provider().params())));
        return rows;
    }

    @Test
    void readmeTablesMatchTheDeclarations() throws IOException {
        Catalog catalog = Catalog.builtIn();
        for (ComponentKind<?> kind : ComponentKind.ALL) {
            assertEquals(declared(catalog.registry(kind)), table(kind.plural()), kind.plural());
        }
    }

    @Test
    void listPrintsEveryComponentWithItsParameters() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, ActiveBenchCli.execute(new String[] {"list", "strategies", "--markdown"}, new PrintWriter(out),
                new PrintWriter(err)), err.toString());
        assertEquals(ComponentListing.markdown(Catalog.builtIn().strategies()), out.toString());
        assertTrue(out.toString().contains("| `qbc` | query by committee"), out.toString());
        assertTrue(out.toString().contains("`committee` = 5 in [2, 1000]: members"), out.toString());

        StringWriter all = new StringWriter();
        assertEquals(0, ActiveBenchCli.execute(new String[] {"list"}, new PrintWriter(all), new PrintWriter(err)));
        assertTrue(all.toString().contains("# learners\n") && all.toString().contains("\nstabilizing_predictions\n"));

        StringWriter bad = new StringWriter();
        assertEquals(2, ActiveBenchCli.execute(new String[] {"list", "models"}, new PrintWriter(out), new PrintWriter(bad)));
        assertEquals("error: list: unknown kind 'models' (valid: strategies, learners, stopping, annotators, routing, weighting, augmenters)\n",
                bad.toString());
    }
}
