package org.activebench.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.activebench.core.ActiveBenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeacherPredictionsTest {
    private static final Dataset DATA = new Dataset("toy", new float[3], new int[] {0, 1, 2},
            List.of("cat", "dog", "eel"), List.of("f"));

    @TempDir
    Path dir;

    private float[] read(String file, String text, TeacherPredictions.Kind kind) throws IOException {
        Path path = dir.resolve(file);
        Files.writeString(path, text);
        return TeacherPredictions.read(path, kind, DATA);
    }

    private String error(String file, String text, TeacherPredictions.Kind kind) {
        return assertThrows(ActiveBenchException.class, () -> read(file, text, kind)).getMessage()
                .replace(dir.toString() + "/", "");
    }

    @Test
    void csvColumnsMayComeInAnyOrderAndAreRenormalised() throws IOException {
        float[] p = read("t.csv", "eel,cat,dog\n0.1,0.7,0.2\n0,0,1\n0.3334,0.3333,0.3333\n", TeacherPredictions.Kind.PROBABILITIES);
        assertArrayEquals(new float[] {0.7f, 0.2f, 0.1f, 0, 1, 0}, java.util.Arrays.copyOf(p, 6), 1e-6f);
        assertEquals(1.0, p[6] + p[7] + p[8], 1e-6);
    }

    @Test
    void logitsBecomeSoftmaxProbabilities() throws IOException {
        float[] p = read("t.csv", "cat,dog,eel\n0,0,0\n1,2,3\n-1000,0,1000\n", TeacherPredictions.Kind.LOGITS);
        assertEquals(1 / 3f, p[0], 1e-6f);
        assertEquals(Math.exp(1) / (Math.exp(1) + Math.exp(2) + Math.exp(3)), p[3], 1e-6);
        assertEquals(1f, p[8], 0f);
        float[] json = read("t.json", "{\"classes\": [\"cat\", \"dog\", \"eel\"], \"logits\": [[0,0,0], [1,2,3], [-1000,0,1000]]}",
                TeacherPredictions.Kind.PROBABILITIES);
        assertArrayEquals(p, json, 1e-7f);
    }

    @Test
    void badFilesAreNamedWithTheirLine() {
        TeacherPredictions.Kind probabilities = TeacherPredictions.Kind.PROBABILITIES;
        assertEquals("t.csv: 2 prediction rows, data set 'toy' has 3 samples",
                error("t.csv", "cat,dog,eel\n1,0,0\n0,1,0\n", probabilities));
        assertEquals("t.csv:5: more prediction rows than the 3 samples of data set 'toy'",
                error("t.csv", "cat,dog,eel\n1,0,0\n0,1,0\n0,0,1\n0,0,1\n", probabilities));
        assertEquals("t.csv:1: unknown class 'fox' (data set 'toy' has classes [cat, dog, eel])",
                error("t.csv", "cat,dog,fox\n1,0,0\n", probabilities));
        assertEquals("t.csv:1: no column for class 'eel'", error("t.csv", "cat,dog\n1,0\n", probabilities));
        assertEquals("t.csv:3: probabilities sum to 0.9000, not 1 (tolerance 0.001); if these are logits, say \"kind\": \"logits\"",
                error("t.csv", "cat,dog,eel\n1,0,0\n0.5,0.4,0\n0,0,1\n", probabilities));
        assertEquals("t.csv:2: probability -0.5 outside [0, 1]", error("t.csv", "cat,dog,eel\n-0.5,1.5,0\n", probabilities));
        assertEquals("t.json: \"probabilities\" has 1 rows, data set 'toy' has 3 samples",
                error("t.json", "{\"classes\": [\"cat\", \"dog\", \"eel\"], \"probabilities\": [[1,0,0]]}", probabilities));
        assertEquals("t.json: \"classes\": unknown class 'cow' (data set 'toy' has classes [cat, dog, eel])",
                error("t.json", "{\"classes\": [\"cat\", \"cow\", \"eel\"], \"probabilities\": []}", probabilities));
    }
}
