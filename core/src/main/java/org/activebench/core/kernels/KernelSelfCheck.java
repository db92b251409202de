package org.activebench.core.kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A quick check of a backend against the scalar reference on one random input per operation (row counts that
 * leave a tail, k = 10, a committee of 5, d = 384), for {@code activebench kernels}. The unit tests are the
 * thorough version; this one tells whether the backend works in this JVM on this CPU.
 */
public final class KernelSelfCheck {
    private static final int N = 10_007;
    private static final int K = 10;
    private static final int COMMITTEE = 5;
    private static final int D = 384;
    private static final int B = 100;

    /** One operation's outcome: the largest difference from the reference, relative to max(1, |reference|). */
    public record Outcome(String operation, boolean exactRequired, double maxDifference) {
        public boolean passed() {
            return exactRequired ? maxDifference == 0 : maxDifference <= ScoreKernels.SCORE_TOLERANCE;
        }
    }

    private KernelSelfCheck() {
    }

    public static List<Outcome> run(ScoreKernels kernels) {
        ScoreKernels reference = new ScalarKernels();
        SplittableRandom random = new SplittableRandom(2026);
        float[] p = probabilities(N, random);
        float[][] committee = new float[COMMITTEE][];
        Arrays.setAll(committee, m -> probabilities(N, random));
        float[] x = new float[N * D];
        for (int j = 0; j < x.length; j++) {
            x[j] = (float) random.nextGaussian();
        }
        List<Outcome> outcomes = new ArrayList<>();
        int[] argA = new int[N];
        int[] argB = new int[N];
        kernels.argmax(p, N, K, argA);
        reference.argmax(p, N, K, argB);
        outcomes.add(new Outcome("argmax", true, Arrays.equals(argA, argB) ? 0 : 1));
        outcomes.add(compare("least_confidence", true, N, out -> kernels.leastConfidence(p, N, K, out),
                out -> reference.leastConfidence(p, N, K, out)));
        outcomes.add(compare("margin", true, N, out -> kernels.margin(p, N, K, out),
                out -> reference.margin(p, N, K, out)));
        outcomes.add(compare("entropy", false, N, out -> kernels.entropy(p, N, K, out),
                out -> reference.entropy(p, N, K, out)));
        outcomes.add(compare("entropy_from_logits", false, N, out -> kernels.entropyFromLogits(x, N, K, out),
                out -> reference.entropyFromLogits(x, N, K, out)));
        outcomes.add(compare("vote_entropy", false, N, out -> kernels.voteEntropy(committee, N, K, out),
                out -> reference.voteEntropy(committee, N, K, out)));
        outcomes.add(compare("kl_mean", false, N, out -> kernels.klToConsensus(committee, N, K, false, out),
                out -> reference.klToConsensus(committee, N, K, false, out)));
        outcomes.add(compare("kl_max", false, N, out -> kernels.klToConsensus(committee, N, K, true, out),
                out -> reference.klToConsensus(committee, N, K, true, out)));
        int[] topA = new int[B];
        int[] topB = new int[B];
        kernels.topB(p, N, B, true, topA);
        reference.topB(p, N, B, true, topB);
        outcomes.add(new Outcome("top_b", true, Arrays.equals(topA, topB) ? 0 : 1));
        // A dot product's rounding scales with ||x_i||·||v||, not with the result (see ScoreKernels#dot).
        float[] scale = new float[N];
        reference.squaredDistances(x, N, D, new float[D], 0, scale);
        for (int i = 0; i < N; i++) {
            scale[i] = (float) Math.sqrt(scale[i] * (double) scale[1]);
        }
        outcomes.add(compare("dot", N, scale, out -> kernels.dot(x, N, D, x, D, out),
                out -> reference.dot(x, N, D, x, D, out)));
        outcomes.add(compare("squared_distances", false, N, out -> kernels.squaredDistances(x, N, D, x, 0, out),
                out -> reference.squaredDistances(x, N, D, x, 0, out)));
        outcomes.add(compare("k_center_step", false, N, out -> {
            Arrays.fill(out, Float.POSITIVE_INFINITY);
            kernels.updateMinDistances(x, N, D, x, 7 * D, out);
        }, out -> {
            Arrays.fill(out, Float.POSITIVE_INFINITY);
            reference.updateMinDistances(x, N, D, x, 7 * D, out);
        }));
        outcomes.add(compare("k_center_search", false, N, out -> {
            try (KCenterSearch search = kernels.kCenter(x, N, D)) {
                search.add(search.add(7));
                System.arraycopy(search.distances(), 0, out, 0, N);
            }
        }, out -> {
            Arrays.fill(out, Float.POSITIVE_INFINITY);
            reference.updateMinDistances(x, N, D, x, reference.updateMinDistances(x, N, D, x, 7 * D, out) * D, out);
        }));
        return outcomes;
    }

    private interface Fill {
        void into(float[] out);
    }

    private static Outcome compare(String operation, boolean exact, int n, Fill actual, Fill expected) {
        Outcome outcome = compare(operation, n, null, actual, expected);
        return new Outcome(operation, exact, outcome.maxDifference());
    }

    /** Differences relative to max(1, scale[i]), or to max(1, |reference|) without a scale. */
    private static Outcome compare(String operation, int n, float[] scale, Fill actual, Fill expected) {
        float[] a = new float[n];
        float[] e = new float[n];
        actual.into(a);
        expected.into(e);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double size = scale == null ? Math.abs(e[i]) : scale[i];
            double difference = Math.abs((double) a[i] - e[i]) / Math.max(1, size);
            worst = Math.max(worst, Double.isNaN(difference) ? Double.POSITIVE_INFINITY : difference);
        }
        return new Outcome(operation, false, worst);
    }

    private static float[] probabilities(int n, SplittableRandom random) {
        float[] p = new float[n * K];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int c = 0; c < K; c++) {
                p[i * K + c] = (float) -Math.log(1 - random.nextDouble());
                sum += p[i * K + c];
            }
            for (int c = 0; c < K; c++) {
                p[i * K + c] /= (float) sum;
            }
        }
        return p;
    }
}
