package org.activebench.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.activebench.core.learn.TrainingSet;
import org.activebench.core.spi.Registry;
import org.junit.jupiter.api.Test;

/** Every augmenter: shapes, labels and weights carried, seeds, and its draws against their distributions. */
class AugmenterTest {
    private static final Registry<Augmenter> AUGMENTERS = Registry.load(AugmenterProvider.class, "augmenter",
            AugmenterTest.class.getClassLoader());

    private static Augmenter augmenter(String name, Map<String, Object> params) {
        return AUGMENTERS.create(name, params, "augment").instance();
    }

    @Test
    void noiseIsGaussianInUnitsOfEachFeaturesDeviation() {
        int n = 4000;
        SplittableRandom random = new SplittableRandom(1);
        float[] x = new float[n * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        int[] rows = java.util.stream.IntStream.range(0, n).toArray();
        int[] labels = java.util.stream.IntStream.range(0, n).map(i -> i % 3).toArray();
        AugmentContext context = new AugmentContext(TrainingSet.of(x, 2, rows, labels, 3), new double[] {1, 2}, 3, 42);
        Augmenter.Augmented a = augmenter("noise", Map.of("copies", 2, "sigma", 0.5, "weight", 0.25)).augment(context);
        assertEquals(2 * n, a.labels().length);
        double[] sum = new double[2];
        double[] squares = new double[2];
        for (int e = 0; e < 2 * n; e++) {
            int source = e / 2;
            assertEquals(labels[source], a.labels()[e]);
            assertEquals(0.25, a.weights()[e]);
            for (int j = 0; j < 2; j++) { // z = (x' - x) / (σ s_j) ~ N(0, 1)
                double z = (a.x()[e * 2 + j] - x[source * 2 + j]) / (0.5 * (j + 1));
                sum[j] += z;
                squares[j] += z * z;
            }
        }
        for (int j = 0; j < 2; j++) {
            double mean = sum[j] / (2 * n);
            double variance = squares[j] / (2 * n) - mean * mean;
            assertTrue(Math.abs(mean) < 4 / Math.sqrt(2 * n), "mean " + mean);
            assertTrue(Math.abs(variance - 1) < 4 * Math.sqrt(2.0 / (2 * n)), "variance " + variance);
        }
        assertArrayEquals(a.x(), augmenter("noise", Map.of("copies", 2, "sigma", 0.5, "weight", 0.25)).augment(context).x(),
                "the same seed, the same copies");
    }

    @Test
    void aRowGetsTheSameCopiesInARoundWhereverItStandsInTheLabelledSet() {
        float[] x = {0, 1, 2, 3, 4, 5};
        TrainingSet first = TrainingSet.of(x, 1, new int[] {0, 4, 5}, new int[] {0, 1, 1}, 2);
        TrainingSet other = TrainingSet.of(x, 1, new int[] {2, 5}, new int[] {0, 1}, 2);
        Augmenter noise = augmenter("noise", Map.of("sigma", 1.0));
        float[] a = noise.augment(new AugmentContext(first, new double[] {1}, 2, 7)).x();
        float[] b = noise.augment(new AugmentContext(other, new double[] {1}, 2, 7)).x();
        assertEquals(a[2], b[1], "row 5's copy, whichever strategy labelled it");
        float[] later = noise.augment(new AugmentContext(other, new double[] {1}, 3, 7)).x();
        assertTrue(later[1] != b[1], "another round, another draw");
    }

    @Test
    void interpolationMovesTowardsANearSameLabelRow() {
        float[] x = {0, 1, 10, 5};
        TrainingSet set = TrainingSet.of(x, 1, new int[] {0, 1, 2, 3}, new int[] {0, 0, 0, 1}, 2);
        Augmenter.Augmented a = augmenter("interpolation", Map.of("copies", 20, "neighbours", 1))
                .augment(new AugmentContext(set, new double[] {1}, 1, 3));
        assertEquals(80, a.labels().length);
        for (int c = 0; c < 20; c++) {
            assertTrue(a.x()[c] >= 0 && a.x()[c] <= 1, "row 0 towards its nearest, row 1: " + a.x()[c]);
            assertTrue(a.x()[20 + c] >= 0 && a.x()[20 + c] <= 1, "row 1 towards row 0");
            assertTrue(a.x()[40 + c] >= 1 && a.x()[40 + c] <= 10, "row 2 towards row 1");
            assertEquals(5f, a.x()[60 + c], "alone in its class: copied as it is");
            assertEquals(0, a.labels()[c]);
            assertEquals(1, a.labels()[60 + c]);
        }
        assertArrayEquals(new int[] {1, 2}, Interpolation.nearest(new float[][] {{0}, {1}, {3}, {2}}, new int[] {0, 0, 0, 1}, 0, 2));
    }

    @Test
    void aParaphraseIsItsRowsRecordedParaphraseWithTheRowsLabel() {
        float[] x = {0, 0, 1, 1, 2, 2};
        float[] paraphrases = {10, 11, 12, 13, 14, 15};
        TrainingSet set = TrainingSet.of(x, 2, new int[] {2, 0}, new int[] {1, 0}, 2);
        Augmenter.Augmented a = augmenter("paraphrase", Map.of("weight", 0.5))
                .augment(new AugmentContext(set, new double[] {1, 1}, 1, 3, paraphrases, null));
        assertArrayEquals(new float[] {14, 15, 10, 11}, a.x());
        assertArrayEquals(new int[] {1, 0}, a.labels());
        assertArrayEquals(new double[] {0.5, 0.5}, a.weights());
    }

    @Test
    void paraphrasesAreStandardisedWithTheTextsPoolStatistics() {
        float[] x = {0, 10, 2, 10, 4, 10, 100, 0}; // 4 rows, 2 features; pool rows 0-2: means 2 and 10, deviations sqrt(8/3) and 0
        float[] other = {2, 12, 6, 10};
        float[] z = org.activebench.core.split.Standardizer.fit(x, 2, new int[] {0, 1, 2}).apply(other, new float[4]);
        double sd = Math.sqrt(8 / 3.0);
        assertArrayEquals(new float[] {0, 2, (float) (4 / sd), 0}, z, 1e-6f, "a constant feature is centred, not scaled");
    }

    /** A 3 x 4 image with one bright pixel at (1, 1), standardised with mean 0.5 and scale 2 per pixel. */
    private static AugmentContext image(int round) {
        float[] raw = new float[12];
        raw[5] = 9;
        double[] mean = new double[12];
        float[] scale = new float[12];
        java.util.Arrays.fill(mean, 0.5);
        java.util.Arrays.fill(scale, 2f);
        org.activebench.core.split.Standardizer.Stats stats = new org.activebench.core.split.Standardizer.Stats(mean, scale);
        float[] z = stats.apply(raw, new float[12]);
        return new AugmentContext(TrainingSet.of(z, 12, new int[] {0}, new int[] {1}, 2), new double[12], round, 5, null, stats);
    }

    /** The raw image of copy e. */
    private static double[] raw(Augmenter.Augmented a, int e, AugmentContext context) {
        double[] out = new double[12];
        for (int j = 0; j < 12; j++) {
            out[j] = context.standardization().raw(a.x()[e * 12 + j], j);
        }
        return out;
    }

    @Test
    void pixelsShiftTheImageWithinItsBounds() {
        AugmentContext context = image(1);
        Augmenter still = augmenter("pixels", Map.of("shape", "3x4", "shift", 0, "degrees", 0.0));
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0}, raw(still.augment(context), 0, context), 1e-6,
                "no shift, no rotation: the image itself, back through the standardisation");
        Augmenter.Augmented shifted = augmenter("pixels", Map.of("shape", "3x4", "shift", 1, "degrees", 0.0, "copies", 50))
                .augment(context);
        java.util.Set<Integer> places = new java.util.HashSet<>();
        for (int e = 0; e < 50; e++) {
            double[] copy = raw(shifted, e, context);
            int bright = -1;
            for (int j = 0; j < 12; j++) {
                if (copy[j] > 4.5) {
                    assertEquals(-1, bright, "one bright pixel");
                    bright = j;
                }
            }
            int r = bright / 4;
            int c = bright % 4;
            assertTrue(Math.abs(r - 1) <= 1 && Math.abs(c - 1) <= 1, "moved by at most one pixel: " + bright);
            places.add(bright);
            assertEquals(1, shifted.labels()[e]);
        }
        assertEquals(9, places.size(), "every shift in -1..1 x -1..1 occurs in 50 draws");
        Augmenter.Augmented mirrored = augmenter("pixels", Map.of("shape", "3x4", "shift", 0, "degrees", 0.0, "flip", true,
                "copies", 20)).augment(context);
        for (int e = 0; e < 20; e++) {
            double[] copy = raw(mirrored, e, context);
            assertTrue(copy[5] > 4.5 ^ copy[6] > 4.5, "the image, or its mirror image (column 1 -> 2)");
        }
    }

    @Test
    void aShapeThatIsNotTheDataSetsIsNamed() {
        assertEquals("augment.params.shape: height x width is required, e.g. 28x28, got ''", org.junit.jupiter.api.Assertions
                .assertThrows(org.activebench.core.ActiveBenchException.class, () -> augmenter("pixels", null)).getMessage());
        assertEquals("levers[2].augment.params.shape: 28x28 is 784 pixels, but data set 'digits' has 64 features",
                org.junit.jupiter.api.Assertions.assertThrows(org.activebench.core.ActiveBenchException.class,
                        () -> augmenter("pixels", Map.of("shape", "28x28")).check(64, "digits", "levers[2].augment"))
                        .getMessage());
    }

    @Test
    void mixupMixesTwoRowsAndSplitsTheWeightByLambda() {
        int n = 10;
        float[] x = new float[n * 2];
        for (int i = 0; i < n; i++) {
            x[i * 2] = i;
            x[i * 2 + 1] = i * i;
        }
        int[] rows = java.util.stream.IntStream.range(0, n).toArray();
        int[] labels = java.util.stream.IntStream.range(0, n).map(i -> i % 2).toArray();
        TrainingSet set = TrainingSet.of(x, 2, rows, labels, 2);
        Augmenter.Augmented a = augmenter("mixup", Map.of("copies", 100, "alpha", 1.0, "weight", 2.0))
                .augment(new AugmentContext(set, new double[] {1, 1}, 1, 9));
        assertEquals(2000, a.labels().length);
        double lambdas = 0;
        for (int p = 0; p < 1000; p++) {
            int e = 2 * p;
            double lambda = a.weights()[e] / 2;
            assertEquals(2.0, a.weights()[e] + a.weights()[e + 1], 1e-12);
            assertEquals(a.x()[e * 2], a.x()[(e + 1) * 2], "both halves at the mixed point");
            int source = p / 100;
            assertEquals(labels[source], a.labels()[e]);
            // the partner is the row whose mix reproduces both features
            boolean found = false;
            for (int j = 0; j < n && !found; j++) {
                found = labels[j] == a.labels()[e + 1]
                        && Math.abs(lambda * x[source * 2] + (1 - lambda) * x[j * 2] - a.x()[e * 2]) < 1e-4
                        && Math.abs(lambda * x[source * 2 + 1] + (1 - lambda) * x[j * 2 + 1] - a.x()[e * 2 + 1]) < 1e-3;
            }
            assertTrue(found, "point " + p + " is λ x_i + (1 - λ) x_j of a row j labelled " + a.labels()[e + 1]);
            lambdas += lambda;
        }
        assertEquals(0.5, lambdas / 1000, 4 * Math.sqrt(1 / 12.0 / 1000), "Beta(1, 1) is uniform: mean 1/2");
    }
}
