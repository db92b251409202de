package org.activebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code teacher --zero-shot}: a teacher file from class descriptions alone, read back by a study's annotator. */
class ZeroShotTeacherTest {
    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ActiveBenchCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void descriptionsScoreTextsAndBadFilesAreOneLine() throws IOException {
        Path texts = Files.writeString(dir.resolve("t.csv"), """
                text,label
                "the cat sat on the mat and purred",animal
                "a dog barked at the postman all morning",animal
                "the central bank raised interest rates again",money
                "stock markets fell as bond yields rose",money
                """);
        Path classes = Files.writeString(dir.resolve("c.csv"), """
                class,description
                animal,"a sentence about pets and animals"
                money,"a sentence about finance, banks and markets"
                """);
        System.setProperty("activebench.cache", dir.resolve("cache").toString());
        try {
            String[] ok = run("teacher", "--data", texts.toString(), "--zero-shot", classes.toString(), "--embed",
                    "all-minilm-l6-v2", "--out", dir.resolve("z.csv").toString());
            assertEquals("0", ok[0], ok[2]);
            assertTrue(ok[1].contains("zero-shot, all-minilm-l6-v2, temperature 0.05") && ok[1].contains("accuracy against the"
                    + " data set's labels 1.0000"), ok[1]);
            List<String> lines = Files.readAllLines(dir.resolve("z.csv"));
            assertEquals("animal,money", lines.get(0));
            assertEquals(5, lines.size());
            for (String line : lines.subList(1, 5)) {
                String[] p = line.split(",");
                assertEquals(1.0, Double.parseDouble(p[0]) + Double.parseDouble(p[1]), 1e-5);
            }

            Files.writeString(classes, "class,description\nanimal,\"pets\"\nplants,\"trees\"\n");
            String[] bad = run("teacher", "--data", texts.toString(), "--zero-shot", classes.toString(), "--embed",
                    "all-minilm-l6-v2", "--out", dir.resolve("bad.csv").toString());
            assertEquals("2", bad[0]);
            assertEquals("error: " + classes + ":3: 'plants' is not a class of the data set (animal, money)\n", bad[2]);
            String[] noEmbed = run("teacher", "--data", texts.toString(), "--zero-shot", classes.toString(), "--out",
                    dir.resolve("bad.csv").toString());
            assertTrue(noEmbed[2].startsWith("error: --zero-shot: needs --embed MODEL"), noEmbed[2]);
            assertTrue(Files.notExists(dir.resolve("bad.csv")));
        } finally {
            System.clearProperty("activebench.cache");
        }
    }
}
