package org.activebench.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.activebench.core.ActiveBenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs of a careless user or an attacker (issue 17): each ends in one line naming the file and line, before memory
 * runs out, or is read as what it says; none is silently read as something else.
 */
class HostileInputTest {
    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private String error(Path file) {
        return assertThrows(ActiveBenchException.class,
                () -> DatasetLoader.load("t", file, null, null, MissingValues.ERROR)).getMessage();
    }

    /** Runs {@code body} with one input limit lowered, as {@code -Dactivebench.NAME=VALUE} would. */
    private static void withLimit(String name, String value, Runnable body) {
        String key = InputLimits.PREFIX + name;
        String before = System.getProperty(key);
        System.setProperty(key, value);
        try {
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1); // one byte per char: \u00e9 is the lone byte 0xe9
    }

    @Test
    void invalidUtf8IsAnErrorNamingTheLineNotAMergedClass() throws IOException {
        Path file = write("latin1.csv", bytes("a,label\n1,tea\n2,caf\u00e9\n3,caf\u00e8\n"));
        assertEquals(file + ":3: not valid UTF-8 (bytes 0xe9); save the file as UTF-8", error(file));
        Path later = write("late.csv", bytes("a,label\n" + "1,x\n".repeat(40_000) + "2,caf\u00e9\n"));
        assertEquals(later + ":40002: not valid UTF-8 (bytes 0xe9); save the file as UTF-8", error(later),
                "the line is exact beyond the first buffer too");
        Path truncated = write("end.csv", bytes("a,label\n1,x\n2,\u00c3"));
        assertTrue(error(truncated).startsWith(truncated + ":3: not valid UTF-8"), "a sequence cut off by the end");
    }

    @Test
    void validUtf8LabelsStayDistinct() throws IOException {
        Path file = write("utf8.csv", "a,label\n1,café\n2,cafè\n3,café\n".getBytes(StandardCharsets.UTF_8));
        Dataset d = DatasetLoader.load("t", file, null, null, MissingValues.ERROR);
        assertEquals(List.of("cafè", "café"), d.classNames(), "in code point order");
    }

    @Test
    void byteOrderMarkIsStripped() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "label,a\nx,1\ny,2\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, file, 0, 3);
        System.arraycopy(text, 0, file, 3, text.length);
        Dataset d = DatasetLoader.load("t", write("bom.csv", file), null, "label", MissingValues.ERROR);
        assertEquals(List.of("a"), d.featureNames(), "the label column is found by its name");
        assertArrayEquals(new float[] {1, 2}, d.x());
    }

    @Test
    void onlyDecimalNumbersAreNumbers() throws IOException {
        for (String bad : List.of("5.1f", "0x1p3", "1\u0000", "1d", "1_000", "١", "1e", ".", "+", "1.2.3", "--1", "e5")) {
            Path file = write("bad.csv", ("a,label\n1,x\n" + bad + ",y\n").getBytes(StandardCharsets.UTF_8));
            String message = error(file);
            assertTrue(message.startsWith(file + ":3: column 'a' is not a number: '"), bad + ": " + message);
        }
        Path fine = write("fine.csv", "a,label\n1,x\n-2.5,y\n+3e2,x\n.5,y\n7.,x\n1E-2,y\n\" 4 \",x\n".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(new float[] {1, -2.5f, 300, 0.5f, 7, 0.01f, 4},
                DatasetLoader.load("t", fine, null, null, MissingValues.ERROR).x());
        Path nan = write("nan.csv", "a,label\n1,x\n-inf,y\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(nan + ":3: column 'a' is -inf (not finite); leave the field empty to mark a missing value", error(nan));
    }

    @Test
    void libsvmIndexBeyondTheLimitFailsBeforeAllocating() throws IOException {
        Path file = write("huge.libsvm", bytes("1 1:0.5 2000000000:1\n0 3:1\n"));
        assertEquals(file + ":1: feature index 2000000000: 2000000000 features, more than the limit of 100000"
                + " (-Dactivebench.maxFeatures=N raises it; features are held densely, as floats)", error(file));
        Path arabic = write("digits.libsvm", "1 ١:0.5\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(error(arabic).startsWith(arabic + ":1: feature index is not an integer"), error(arabic));
    }

    @Test
    void tooManyCsvColumnsFailOnTheHeader() throws IOException {
        StringBuilder header = new StringBuilder();
        for (int j = 0; j < 60; j++) {
            header.append('f').append(j).append(',');
        }
        Path file = write("wide.csv", bytes(header + "label\n" + "1,".repeat(60) + "x\n"));
        withLimit("maxFeatures", "50", () -> assertEquals(file + ":1: more than 51 fields, the limit (the label and at"
                + " most -Dactivebench.maxFeatures=50 features)", error(file)));
        assertEquals(60, DatasetLoader.load("t", file, null, null, MissingValues.ERROR).dimension(), "within the default");
    }

    @Test
    void aRecordBeyondTheLimitFails() throws IOException {
        Path file = write("long.csv", bytes("a,label\n1,x\n1,\"" + "x\n".repeat(5) + "\"\n"));
        withLimit("maxLineChars", "10", () -> assertEquals(file + ":3: a record longer than 10 characters, the limit"
                + " (-Dactivebench.maxLineChars=N raises it)", error(file)));
        Path line = write("long.libsvm", bytes("1 1:0.5 2:0.25\n"));
        withLimit("maxLineChars", "10", () -> assertTrue(error(line).startsWith(line + ":1: a line longer than 10"),
                error(line)));
    }

    @Test
    void aGzipBombStopsAtTheDecompressedLimit() throws IOException {
        Path file = dir.resolve("bomb.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes("a,label\n"));
            byte[] rows = bytes("1,x\n2,y\n".repeat(1 << 16));
            for (int i = 0; i < 64; i++) {
                out.write(rows); // 32 MiB of text in about 100 KiB
            }
        }
        assertTrue(Files.size(file) < 1 << 20);
        withLimit("maxInputBytes", Integer.toString(1 << 20), () -> {
            String message = error(file);
            assertTrue(message.matches("\\Q" + file + "\\E:\\d+: more than 1048576 bytes after decompression, the limit"
                    + " for one input file \\(-Dactivebench.maxInputBytes=N raises it\\)"), message);
        });
    }

    @Test
    void dataBeyondTheMemoryLimitFailsBeforeAllocating() throws IOException {
        String limit = " need more than 0.0 MiB of memory, the limit (-Dactivebench.maxDataBytes; by default a third of"
                + " the JVM's heap: give Java more with ACTIVEBENCH_JAVA_OPTS=-Xmx...)";
        Path csv = write("big.csv", bytes("a,b,label\n" + "1,2,x\n3,4,y\n".repeat(100)));
        // (4 x 2 + 16) bytes per row: row 42, on line 43, passes 1000
        withLimit("maxDataBytes", "1000", () -> assertEquals(csv + ":43: 42 rows of 2 features" + limit, error(csv)));
        Path libsvm = write("big.libsvm", bytes("1 1:1 5000:1\n".repeat(200)));
        // the sparse rows fit, densifying them is checked before it allocates
        withLimit("maxDataBytes", "100000", () -> assertEquals(libsvm + ": 200 rows of 5000 features need more than"
                + " 0.1 MiB of memory, the limit (-Dactivebench.maxDataBytes; by default a third of the JVM's heap: give"
                + " Java more with ACTIVEBENCH_JAVA_OPTS=-Xmx...)", error(libsvm)));
        // (2 x 8 + 96) bytes per sparse row: row 9 passes 1000
        withLimit("maxDataBytes", "1000", () -> assertEquals(libsvm + ":9: 9 rows" + limit, error(libsvm)));
        Path texts = write("texts.csv", bytes("text,label\n\"" + "w".repeat(600) + "\",x\n"));
        // a text of 600 characters takes 1200 bytes
        withLimit("maxDataBytes", "1000", () -> assertEquals(texts + ":2: 1 rows of 0 features" + limit,
                assertThrows(ActiveBenchException.class, () -> DatasetLoader.loadText("t", texts, null, null, null))
                        .getMessage()));
        assertEquals(200, DatasetLoader.load("t", libsvm, null, null, MissingValues.ERROR).size(), "within the default");
    }

    @Test
    void aBadLimitIsNamed() {
        withLimit("maxFeatures", "lots", () -> assertEquals("-Dactivebench.maxFeatures: must be a positive whole number,"
                + " got 'lots'", assertThrows(ActiveBenchException.class, InputLimits::current).getMessage()));
    }
}
