package org.activebench.core.annotate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.spi.Parameters;
import org.activebench.core.spi.Provider;
import org.junit.jupiter.api.Test;

/** Every built-in annotator and routing policy, on fixtures whose right answer is known by construction. */
class AnnotationTest {
    private static final AnnotationContext SMALL = new AnnotationContext(new int[] {2, 0, 1, 1, 0}, 3, null, Map.of(), 7);
    private static final int N = 20_000;

    private static <T> T create(Provider<T> provider, Map<String, ?> params) {
        Parameters resolved = Parameters.resolve(provider.params(), params, "x");
        provider.check(resolved, "x");
        return provider.create(resolved);
    }

    /** Within 5 binomial standard deviations of {@code p} out of {@code n}: fails by chance about once in 3.5 million. */
    private static void assertRate(double p, long count, long n, String what) {
        double bound = 5 * Math.sqrt(p * (1 - p) / n) + 1e-12;
        assertTrue(Math.abs(count / (double) n - p) <= bound, what + ": " + count + " of " + n + ", expected " + p + " +- " + bound);
    }

    private static int[] rows(int n) {
        return IntStream.range(0, n).toArray();
    }

    @Test
    void truthAnswersTheTrueClassAtItsCost() {
        Annotator.Answers answers = create(new Truth(), Map.of("cost", 2.5)).annotate(new int[] {4, 0, 2}, SMALL);
        assertArrayEquals(new int[] {0, 2, 1}, answers.classes());
        assertArrayEquals(new double[] {2.5, 2.5, 2.5}, answers.costs());
    }

    @Test
    void replayAnswersTheRecordedLabelAbstentionsIncluded() {
        AnnotationContext context = new AnnotationContext(new int[] {2, 0, 1}, 3, null,
                Map.of("gpt", new int[] {2, Annotator.ABSTAIN, 0}), 1);
        Annotator replay = create(new Replay(), Map.of("labels", "gpt", "cost", 0.01));
        Annotator.Answers answers = replay.annotate(new int[] {2, 1, 0}, context);
        assertArrayEquals(new int[] {0, Annotator.ABSTAIN, 2}, answers.classes());
        assertArrayEquals(new double[] {0.01, 0.01, 0.01}, answers.costs());
        assertEquals("annotator: no replayed label set 'llm' in this data set (it has: gpt)", assertThrows(ActiveBenchException.class,
                () -> create(new Replay(), Map.of("labels", "llm")).annotate(new int[] {0}, context)).getMessage());
    }

    @Test
    void symmetricNoiseIsWrongAtItsRateAndUniformOverTheOtherClasses() {
        int[] truth = IntStream.range(0, N).map(i -> i % 3).toArray();
        AnnotationContext context = new AnnotationContext(truth, 3, null, Map.of(), 11);
        int[] answers = create(new Noisy(), Map.of("rate", 0.2)).annotate(rows(N), context).classes();
        long wrong = IntStream.range(0, N).filter(i -> answers[i] != truth[i]).count();
        assertRate(0.2, wrong, N, "wrong");
        long toNext = IntStream.range(0, N).filter(i -> answers[i] == (truth[i] + 1) % 3).count();
        assertRate(0.1, toNext, N, "to the next class");
        int[] again = create(new Noisy(), Map.of("rate", 0.2)).annotate(new int[] {17, 3}, context).classes();
        assertArrayEquals(new int[] {answers[17], answers[3]}, again, "a row's draw depends on the trial and the row only");
    }

    @Test
    void fittedNoiseDrawsTheReplayedConfusionsAbstentionsIncluded() {
        // class 0: the replay says 0 on 70 %, 1 on 20 %, abstains on 10 %; class 1: always right
        int[] replayed = IntStream.range(0, 500).map(i -> i % 10 < 7 ? 0 : i % 10 < 9 ? 1 : Annotator.ABSTAIN).toArray();
        int[] bigTruth = IntStream.range(0, N).map(i -> i % 2).toArray();
        int[] bigReplayed = IntStream.range(0, N).map(i -> i % 2 == 1 ? 1 : replayed[(i / 2) % 500]).toArray();
        AnnotationContext context = new AnnotationContext(bigTruth, 2, null, Map.of("llm", bigReplayed), 5);
        int[] answers = create(new Noisy(), Map.of("noise", "fitted", "from", "llm")).annotate(rows(N), context).classes();
        int[] zeros = IntStream.range(0, N).filter(i -> bigTruth[i] == 0).toArray();
        assertRate(0.7, IntStream.of(zeros).filter(i -> answers[i] == 0).count(), zeros.length, "0 -> 0");
        assertRate(0.2, IntStream.of(zeros).filter(i -> answers[i] == 1).count(), zeros.length, "0 -> 1");
        assertRate(0.1, IntStream.of(zeros).filter(i -> answers[i] == Annotator.ABSTAIN).count(), zeros.length, "0 -> abstain");
        assertEquals(0, IntStream.range(0, N).filter(i -> bigTruth[i] == 1 && answers[i] != 1).count());
        assertTrue(assertThrows(ActiveBenchException.class, () -> create(new Noisy(), Map.of("noise", "fitted")))
                .getMessage().startsWith("x.params.from: "));
    }

    @Test
    void instanceNoiseFlipsHardRowsOnlyAtTheMeanRate() {
        // half the rows easy (teacher 1.0 on the truth), half hard (0.5): mean hardness 0.25, rate 0.1
        int k = 2;
        int[] truth = IntStream.range(0, N).map(i -> i % 2).toArray();
        float[] teacher = new float[N * k];
        for (int i = 0; i < N; i++) {
            float p = i % 4 < 2 ? 1f : 0.5f;
            teacher[i * k + truth[i]] = p;
            teacher[i * k + 1 - truth[i]] = 1 - p;
        }
        AnnotationContext context = new AnnotationContext(truth, k, teacher, Map.of(), 3);
        int[] answers = create(new Noisy(), Map.of("noise", "instance", "rate", 0.1)).annotate(rows(N), context).classes();
        assertEquals(0, IntStream.range(0, N).filter(i -> i % 4 < 2 && answers[i] != truth[i]).count(), "easy rows never flip");
        assertRate(0.2, IntStream.range(0, N).filter(i -> i % 4 >= 2 && answers[i] != truth[i]).count(), N / 2, "hard rows");
    }

    @Test
    void majorityOfThreeIsRightAsTheBinomialSays() {
        int[] truth = IntStream.range(0, N).map(i -> i % 2).toArray();
        Annotator.Answers answers = create(new Majority(), Map.of("votes", 3, "rate", 0.2, "cost", 2.0))
                .annotate(rows(N), new AnnotationContext(truth, 2, null, Map.of(), 9));
        double right = 0.8 * 0.8 * 0.8 + 3 * 0.8 * 0.8 * 0.2;
        assertRate(right, IntStream.range(0, N).filter(i -> answers.classes()[i] == truth[i]).count(), N, "majority right");
        assertEquals(6.0, answers.costs()[0]);
    }

    @Test
    void theLargeModelAnswersTheTeachersArgmaxWithItsProbability() {
        float[] teacher = {0.2f, 0.7f, 0.1f, 0.5f, 0.2f, 0.3f};
        Annotator.Answers answers = create(new LargeModel(), Map.of())
                .annotate(new int[] {1, 0}, new AnnotationContext(new int[] {0, 0}, 3, teacher, Map.of(), 1));
        assertArrayEquals(new int[] {0, 1}, answers.classes());
        assertArrayEquals(new double[] {0.5f, 0.7f}, answers.confidences());
    }

    /** Answers fixed per row: class, confidence; counts who was asked for which rows. */
    private static Annotator fixed(int[] classes, double[] confidences, double cost, List<int[]> asked) {
        return (rows, context) -> {
            asked.add(rows);
            double[] costs = new double[rows.length];
            java.util.Arrays.fill(costs, cost);
            return new Annotator.Answers(IntStream.of(rows).map(r -> classes[r]).toArray(), costs,
                    IntStream.of(rows).mapToDouble(r -> confidences[r]).toArray());
        };
    }

    private static final double NAN = Double.NaN;

    @Test
    void routingPoliciesDecideAsDescribed() {
        int A = Annotator.ABSTAIN;
        List<int[]> cheapAsked = new java.util.ArrayList<>();
        List<int[]> secondAsked = new java.util.ArrayList<>();
        List<int[]> expertAsked = new java.util.ArrayList<>();
        Annotator cheap = fixed(new int[] {0, A, 1, 1}, new double[] {0.95, NAN, 0.6, 0.99}, 0.01, cheapAsked);
        Annotator second = fixed(new int[] {0, 1, 0, 1}, new double[] {NAN, NAN, NAN, NAN}, 0.1, secondAsked);
        Annotator expert = fixed(new int[] {2, 2, 2, 2}, new double[] {NAN, NAN, NAN, NAN}, 1, expertAsked);
        int[] rows = {0, 1, 2, 3};

        Routing.Routed fallback = create(new Fallback(), Map.of()).route(rows, List.of(cheap, expert), SMALL);
        assertArrayEquals(new int[] {0, 2, 1, 1}, fallback.classes());
        assertArrayEquals(new int[] {0, 1, 0, 0}, fallback.by());
        assertArrayEquals(new double[] {0.01, 1.01, 0.01, 0.01}, fallback.costs());
        assertArrayEquals(new int[] {1}, expertAsked.getLast());

        Routing.Routed confident = create(new ConfidenceRouting(), Map.of("tau", 0.9)).route(rows, List.of(cheap, expert), SMALL);
        assertArrayEquals(new int[] {0, 2, 2, 1}, confident.classes(), "0.95 and 0.99 kept; the abstention and 0.6 escalated");
        assertArrayEquals(new int[] {1, 2}, expertAsked.getLast());

        Routing.Routed agreed = create(new Agreement(), Map.of()).route(rows, List.of(cheap, second, expert), SMALL);
        assertArrayEquals(new int[] {0, 2, 2, 1}, agreed.classes(), "rows 0 and 3 agree; 1 abstains; 2 disagrees");
        assertArrayEquals(new int[] {0, 2, 2, 0}, agreed.by());
        assertArrayEquals(new double[] {0.11, 1.11, 1.11, 0.11}, agreed.costs(), 1e-12);

        Routing.Routed all = create(new Recheck(), Map.of("share", 1.0)).route(rows, List.of(cheap, expert), SMALL);
        assertArrayEquals(new int[] {2, 2, 2, 2}, all.classes(), "share 1: every label re-checked");
        Routing.Routed none = create(new Recheck(), Map.of("share", 0.0)).route(rows, List.of(cheap, expert), SMALL);
        assertArrayEquals(new int[] {0, 2, 1, 1}, none.classes(), "share 0: only the abstention goes to the expert");
        int[] many = rows(N);
        int[] zeros = new int[N];
        double[] sure = new double[N];
        Routing.Routed share = create(new Recheck(), Map.of("share", 0.1)).route(many,
                List.of(fixed(zeros, sure, 0, new java.util.ArrayList<>()), fixed(IntStream.range(0, N).map(i -> 1).toArray(), sure, 1,
                        new java.util.ArrayList<>())), new AnnotationContext(zeros, 2, null, Map.of(), 4));
        assertRate(0.1, IntStream.of(share.by()).filter(b -> b == 1).count(), N, "re-checked");

        Routing.Routed fixedAll = create(new Fixed(), Map.of()).route(rows, List.of(cheap, expert), SMALL);
        assertArrayEquals(new int[] {0, A, 1, 1}, fixedAll.classes(), "an abstention stays one");
        assertEquals(3, create(new Agreement(), Map.of()).annotators());
    }
}
