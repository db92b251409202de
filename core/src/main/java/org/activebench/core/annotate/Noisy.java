package org.activebench.core.annotate;

import java.util.List;
import java.util.SplittableRandom;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;

/**
 * A simulated imperfect annotator; each row's draw is seeded by the trial and the row alone, so a row asked twice,
 * or by two strategies of the same seed, gets the same answer.
 * <ul>
 * <li>{@code symmetric}: with probability {@code rate} a class other than the true one, uniformly;</li>
 * <li>{@code fitted}: the answer drawn from P(answer | true class), abstention included, counted over every row of
 * the replayed label set {@code from} (a large model's confusions, asymmetries and all, on rows it never saw);</li>
 * <li>{@code instance}: row i flips with probability min(1, rate x h_i / mean h), h_i = 1 - the teacher's probability
 * of the true class (rows a reference model finds hard flip more often; the mean flip rate stays {@code rate} unless
 * capped), to the teacher's most probable other class.</li>
 * </ul>
 */
public final class Noisy implements AnnotatorProvider {
    static final ParamSpec<Double> RATE = ParamSpec.real("rate", 0.1, 0, 1, "share of wrong labels (symmetric, instance)");
    static final ParamSpec<String> NOISE = ParamSpec.choice("noise", "symmetric", List.of("symmetric", "fitted", "instance"),
            "how the wrong labels are drawn");
    static final ParamSpec<String> FROM = ParamSpec.text("from", "", "fitted: the replayed label set to fit the confusions on");

    @Override
    public String name() {
        return "noisy";
    }

    @Override
    public String description() {
        return "the true class, wrong by a symmetric rate, by confusions fitted on a replayed label set, or more often"
                + " on rows the teacher finds hard";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(RATE, NOISE, FROM, Truth.COST);
    }

    @Override
    public void check(Parameters params, String key) {
        if (params.get(NOISE).equals("fitted") == params.get(FROM).isEmpty()) {
            throw new ActiveBenchException(key + ".params.from: give the replayed label set to fit on with \"noise\":"
                    + " \"fitted\", and only then");
        }
    }

    @Override
    public java.util.Set<org.activebench.core.spi.Capability> capabilities(Parameters params) {
        return params.get(NOISE).equals("instance") ? java.util.Set.of(org.activebench.core.spi.Capability.NEEDS_TEACHER)
                : java.util.Set.of();
    }

    @Override
    public Annotator create(Parameters params) {
        double rate = params.get(RATE);
        String noise = params.get(NOISE);
        String from = params.get(FROM);
        double cost = params.get(Truth.COST);
        return (rows, context) -> {
            int[] classes = new int[rows.length];
            double[][] confusion = noise.equals("fitted") ? confusion(context.replayed(from), context) : null;
            double meanHardness = noise.equals("instance") ? meanHardness(context) : 0;
            for (int i = 0; i < rows.length; i++) {
                SplittableRandom random = new SplittableRandom(context.rowSeed("noisy", rows[i]));
                int truth = context.truth()[rows[i]];
                classes[i] = switch (noise) {
                    case "symmetric" -> random.nextDouble() < rate ? other(truth, context.k(), random) : truth;
                    case "fitted" -> draw(confusion[truth], random);
                    default -> random.nextDouble() < Math.min(1, rate * hardness(context, rows[i]) / meanHardness)
                            ? likeliestOther(context, rows[i]) : truth;
                };
            }
            return Annotator.Answers.at(classes, cost);
        };
    }

    /** A class other than {@code truth}, uniformly. */
    static int other(int truth, int k, SplittableRandom random) {
        int c = random.nextInt(k - 1);
        return c >= truth ? c + 1 : c;
    }

    /** Row c: P(answer | true class c) over k classes and, last, abstention; a class never seen answers itself. */
    static double[][] confusion(int[] replayed, AnnotationContext context) {
        int k = context.k();
        double[][] counts = new double[k][k + 1];
        for (int row = 0; row < replayed.length; row++) {
            int answer = replayed[row];
            counts[context.truth()[row]][answer == Annotator.ABSTAIN ? k : answer]++;
        }
        for (int c = 0; c < k; c++) {
            double total = java.util.Arrays.stream(counts[c]).sum();
            if (total == 0) {
                counts[c][c] = 1;
                total = 1;
            }
            for (int a = 0; a <= k; a++) {
                counts[c][a] /= total;
            }
        }
        return counts;
    }

    private static int draw(double[] distribution, SplittableRandom random) {
        double u = random.nextDouble();
        double sum = 0;
        for (int a = 0; a < distribution.length; a++) {
            sum += distribution[a];
            if (u < sum) {
                return a == distribution.length - 1 ? Annotator.ABSTAIN : a;
            }
        }
        return lastNonZero(distribution); // u beyond a sum rounded below 1
    }

    private static int lastNonZero(double[] distribution) {
        for (int a = distribution.length - 1; a >= 0; a--) {
            if (distribution[a] > 0) {
                return a == distribution.length - 1 ? Annotator.ABSTAIN : a;
            }
        }
        return 0;
    }

    private static double hardness(AnnotationContext context, int row) {
        return 1 - context.requireTeacher()[row * context.k() + context.truth()[row]];
    }

    private static double meanHardness(AnnotationContext context) {
        int n = context.truth().length;
        double sum = 0;
        for (int row = 0; row < n; row++) {
            sum += hardness(context, row);
        }
        return Math.max(sum / n, 1e-12);
    }

    private static int likeliestOther(AnnotationContext context, int row) {
        float[] p = context.requireTeacher();
        int k = context.k();
        int truth = context.truth()[row];
        int best = truth == 0 ? 1 : 0;
        for (int c = 0; c < k; c++) {
            if (c != truth && p[row * k + c] > p[row * k + best]) {
                best = c;
            }
        }
        return best;
    }
}
