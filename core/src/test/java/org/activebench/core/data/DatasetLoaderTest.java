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

class DatasetLoaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private Dataset csv(String content) throws IOException {
        return DatasetLoader.load("t", write("t.csv", content), null, null, MissingValues.ERROR);
    }

    private String error(String name, String content, String label, MissingValues missing) throws IOException {
        Path file = write(name, content);
        return assertThrows(ActiveBenchException.class,
                () -> DatasetLoader.load("t", file, null, label, missing)).getMessage();
    }

    @Test
    void bundledDataSetsHaveTheDocumentedShapes() {
        assertShape(DatasetLoader.bundled("iris"), 150, 4, 3);
        assertShape(DatasetLoader.bundled("wine"), 178, 13, 3);
        assertShape(DatasetLoader.bundled("breast_cancer"), 569, 30, 2);
        Dataset digits = DatasetLoader.bundled("digits");
        assertShape(digits, 1797, 64, 10);
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), digits.classNames());
        assertEquals(List.of("setosa", "versicolor", "virginica"), DatasetLoader.bundled("iris").classNames());
    }

    private static void assertShape(Dataset d, int n, int features, int classes) {
        assertEquals(n, d.size());
        assertEquals(features, d.dimension());
        assertEquals(classes, d.classCount());
        assertEquals(n * features, d.x().length);
    }

    @Test
    void csvWithQuotesLabelColumnByNameAndNumericLabelOrder() throws IOException {
        Path file = write("q.csv", "\"a,1\",label,b\n1.5,10,\"2\"\n-3,9,4e1\n\"0\",10,\"1\"\n");
        Dataset d = DatasetLoader.load("q", file, null, "label", MissingValues.ERROR);
        assertEquals(List.of("a,1", "b"), d.featureNames());
        assertEquals(List.of("9", "10"), d.classNames(), "numeric labels sort as numbers");
        assertArrayEquals(new float[] {1.5f, 2f, -3f, 40f, 0f, 1f}, d.x());
        assertArrayEquals(new int[] {1, 0, 1}, d.y());
    }

    @Test
    void csvFieldLargerThan128KiBAndQuotedLineBreaks() throws IOException {
        String big = "x".repeat(200 * 1024) + "\"\"quoted\"\"\nnext line";
        Dataset d = csv("f1,label\n1,\"" + big + "\"\n2,short\n3,\"" + big + "\"\n");
        assertEquals(2, d.classCount());
        String expected = "x".repeat(200 * 1024) + "\"quoted\"\nnext line";
        assertEquals(List.of("short", expected), d.classNames(), "a 200 KiB field keeps its quotes and line break");
        assertArrayEquals(new int[] {1, 0, 1}, d.y());
    }

    @Test
    void wrongFieldCountNamesFileAndLine() throws IOException {
        String message = error("bad.csv", "a,b,label\n1,2,x\n3,4\n", null, MissingValues.ERROR);
        assertEquals(dir.resolve("bad.csv") + ":3: 2 fields, the header has 3", message);
    }

    @Test
    void lineNumbersCountLinesInsideQuotedFields() throws IOException {
        String message = error("lines.csv", "a,label\n1,\"two\nlines\"\nzz,y\n", null, MissingValues.ERROR);
        assertEquals(dir.resolve("lines.csv") + ":4: column 'a' is not a number: 'zz'", message);
    }

    @Test
    void nanAndInfinityAreRejected() throws IOException {
        assertEquals(dir.resolve("nan.csv") + ":2: column 'a' is NaN (not finite); "
                + "leave the field empty to mark a missing value", error("nan.csv", "a,label\nNaN,x\n", null, MissingValues.ERROR));
        String inf = error("inf.csv", "a,label\n1,x\n-Infinity,y\n", null, MissingValues.ERROR);
        assertEquals(true, inf.startsWith(dir.resolve("inf.csv") + ":3: column 'a' is -Infinity"), inf);
        String huge = error("huge.csv", "a,label\n1e39,x\n", null, MissingValues.ERROR);
        assertEquals(true, huge.startsWith(dir.resolve("huge.csv") + ":2: column 'a' is 1e39"), huge);
    }

    @Test
    void unknownLabelColumn() throws IOException {
        assertEquals(dir.resolve("l.csv") + ":1: no label column 'class' in the header [a, label]",
                error("l.csv", "a,label\n1,x\n", "class", MissingValues.ERROR));
    }

    @Test
    void missingFileAndUnknownExtension() {
        Path absent = dir.resolve("absent.csv");
        assertEquals(absent + ": no such file", assertThrows(ActiveBenchException.class,
                () -> DatasetLoader.load("t", absent, null, null, MissingValues.ERROR)).getMessage());
        assertThrows(ActiveBenchException.class, () -> DatasetLoader.load("t", dir.resolve("x.txt"), null, null, MissingValues.ERROR));
        assertThrows(ActiveBenchException.class, () -> DatasetLoader.bundled("mnist"));
    }

    @Test
    void missingValuesErrorDropOrMean() throws IOException {
        String content = "a,b,label\n1,,x\n3,4,y\n5,8,x\n";
        assertEquals(dir.resolve("m.csv") + ":2: missing value in column 'b' (set \"missing\": \"drop\" or \"mean\" in the dataset config)",
                error("m.csv", content, null, MissingValues.ERROR));
        Path file = write("m.csv", content);
        Dataset dropped = DatasetLoader.load("t", file, null, null, MissingValues.DROP);
        assertArrayEquals(new float[] {3, 4, 5, 8}, dropped.x());
        assertArrayEquals(new int[] {1, 0}, dropped.y());
        Dataset imputed = DatasetLoader.load("t", file, null, null, MissingValues.MEAN);
        assertArrayEquals(new float[] {1, 6, 3, 4, 5, 8}, imputed.x());
    }

    @Test
    void singleClassIsRejectedWhenTwoAreRequired() throws IOException {
        Dataset d = csv("a,label\n1,x\n2,x\n");
        assertEquals("dataset 't' has 1 class(es); active learning needs at least 2",
                assertThrows(ActiveBenchException.class, d::requireTwoClasses).getMessage());
    }

    @Test
    void arffNumericAndNominalOneHot() throws IOException {
        Path file = write("w.arff", """
                % a comment
                @relation weather
                @attribute outlook {sunny, overcast, 'rainy day'}
                @attribute temperature numeric
                @attribute play {yes, no}
                @data
                sunny, 85, no
                'rainy day',70,yes
                % in between
                overcast,?,yes
                """);
        Dataset d = DatasetLoader.load("w", file, null, null, MissingValues.MEAN);
        assertEquals(List.of("outlook=sunny", "outlook=overcast", "outlook=rainy day", "temperature"), d.featureNames());
        assertEquals(List.of("yes", "no"), d.classNames(), "declared order");
        assertArrayEquals(new float[] {1, 0, 0, 85, 0, 0, 1, 70, 0, 1, 0, 77.5f}, d.x());
        assertArrayEquals(new int[] {1, 0, 0}, d.y());
    }

    @Test
    void arffErrorsNameTheLine() throws IOException {
        String body = "@relation r\n@attribute a {p,q}\n@attribute c {x,y}\n@data\np,x\nr,y\n";
        assertEquals(dir.resolve("e.arff") + ":6: 'r' is not a declared value of nominal attribute 'a'",
                error("e.arff", body, null, MissingValues.ERROR));
        assertEquals(dir.resolve("s.arff") + ":2: attribute 'd' has type 'date'; only numeric, nominal and string attributes are supported",
                error("s.arff", "@relation r\n@attribute d date\n@attribute c {x,y}\n@data\n", null, MissingValues.ERROR));
    }

    @Test
    void sharedArffWithMixedAttributesLoads() {
        Path credit = Path.of("../../shared/data/tabular/credit-g.arff");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(credit), "shared data not present");
        Dataset d = DatasetLoader.load("credit", credit, null, null, MissingValues.ERROR);
        assertEquals(1000, d.size());
        assertEquals(2, d.classCount());
        assertEquals(true, d.dimension() > 20, "nominal attributes are one-hot encoded");
    }

    @Test
    void libsvmSparseRows() throws IOException {
        Path file = write("s.libsvm", "+1 1:0.5 3:2 # comment\n-1 2:1\n\n+1 3:-1\n");
        Dataset d = DatasetLoader.load("s", file, null, null, MissingValues.ERROR);
        assertEquals(List.of("-1", "+1"), d.classNames());
        assertArrayEquals(new float[] {0.5f, 0, 2, 0, 1, 0, 0, 0, -1}, d.x());
        assertArrayEquals(new int[] {1, 0, 1}, d.y());
        assertEquals(dir.resolve("b.libsvm") + ":2: feature indices must be >= 1 and strictly ascending",
                error("b.libsvm", "1 1:1\n0 3:1 2:1\n", null, MissingValues.ERROR));
    }

    @Test
    void gzippedCsvLoads() throws IOException {
        Path file = dir.resolve("z.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("a,label\n1,x\n2,y\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(2, DatasetLoader.load("z", file, null, null, MissingValues.ERROR).size());
    }

    @Test
    void textsComeFromAnArffStringAttributeWithItsEscapesOrACsvColumn() throws IOException {
        String arff = """
                @relation news
                @attribute Text string
                @attribute class {no,yes}
                @data
                'Wheat \\'rose\\'\\nsharply',yes
                'Corn, flat',no
                """;
        TextCorpus news = DatasetLoader.loadText("news", write("n.arff", arff), null, null, null);
        assertEquals(List.of("Wheat 'rose'\nsharply", "Corn, flat"), news.texts());
        assertArrayEquals(new int[] {1, 0}, news.labels().y());
        assertEquals(List.of("no", "yes"), news.labels().classNames());
        assertEquals(dir.resolve("n.arff") + ":2: attribute 'Text' is text; give the data set \"features\": {\"embed\":"
                + " \"all-minilm-l6-v2\"} to embed it", error("n.arff", arff, null, MissingValues.ERROR));

        TextCorpus mail = DatasetLoader.loadText("mail", write("m.csv", "text,label\n\"Hi,\nthere\",ham\nBuy now,spam\n"),
                null, null, null);
        assertEquals(List.of("Hi,\nthere", "Buy now"), mail.texts());
        String missing = assertThrows(ActiveBenchException.class, () -> DatasetLoader.loadText("mail",
                write("m2.csv", "body,label\nHi,ham\n"), null, null, null)).getMessage();
        assertEquals(dir.resolve("m2.csv") + ":1: no text column 'text' in the header [body, label]", missing);
        String unlabelled = assertThrows(ActiveBenchException.class, () -> DatasetLoader.loadText("mail",
                write("m3.csv", "text,label\nHi,ham\nYo,\n"), null, null, null)).getMessage();
        assertEquals(dir.resolve("m3.csv") + ":3: missing class label", unlabelled);
    }
}
