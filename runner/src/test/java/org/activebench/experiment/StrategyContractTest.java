package org.activebench.experiment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.activebench.core.spi.Registry;
import org.activebench.strategies.QueryStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registered strategy keeps the contract; strategies that break it are caught, each way it can be broken. */
class StrategyContractTest {
    static Stream<String> registered() {
        return Catalog.builtIn().strategies().entries().stream().map(e -> e.provider().name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registered")
    void everyRegisteredStrategyKeepsTheContract(String name) {
        StrategyContract.check(Catalog.builtIn(), name, Map.of());
    }

    @Test
    void qbcWithTheTeacherSeatedKeepsItToo() {
        StrategyContract.check(Catalog.builtIn(), "qbc", Map.of("committee", 3, "teacher", true, "disagreement", "kl_max"));
    }

    private static String broken(QueryStrategy strategy) {
        return assertThrows(AssertionError.class, () -> StrategyContract.check("broken", strategy)).getMessage();
    }

    @Test
    void eachWayOfBreakingItIsNamed() {
        String none = broken((context, batch) -> new int[0]);
        assertTrue(none.startsWith("broken on breast_cancer (2 classes), seed 1, kernels "), none);
        assertTrue(none.contains("round 0: java.lang.IllegalStateException: the strategy returned 0 rows of 5"), none);
        assertTrue(broken((context, batch) -> Arrays.copyOf(context.unlabelled(), 3 * batch)).contains("returned 15 rows of 5"));
        assertTrue(broken((context, batch) -> new int[] {-1, 1, 2, 3, 4})
                .contains("the strategy returned row -1, which is not a row of the data set (569 rows)"));
        int[] twice = {0, 0, 0, 0, 0};
        String duplicate = broken((context, batch) -> {
            Arrays.fill(twice, context.unlabelled()[7]);
            return twice;
        });
        assertTrue(duplicate.matches(".*the strategy returned row \\d+ twice"), duplicate);
        String labelled = broken((context, batch) -> {
            int[] rows = Arrays.copyOf(context.unlabelled(), batch);
            rows[0] = context.labelled()[0];
            return rows;
        });
        assertTrue(labelled.contains("which is not in the unlabelled pool"), labelled);
        AtomicInteger calls = new AtomicInteger();
        String drifting = broken((context, batch) -> Arrays.copyOfRange(context.unlabelled(), calls.get() % 7,
                calls.incrementAndGet() % 7 + batch - 1));
        assertTrue(drifting.contains("a second run with the same seed picked other rows")
                || drifting.contains("picked other rows than with kernels"), drifting);
    }

    @Test
    void aScoreOfNaNIsRefusedAndInfinitiesAreOrdinary() {
        String nan = broken((context, batch) -> {
            double[] scores = new double[context.unlabelled().length];
            scores[3] = Double.NaN;
            scores[9] = Double.NaN;
            return context.top(scores, batch);
        });
        assertTrue(nan.contains("the strategy's scores are NaN for 2 of "), nan);
        // +Infinity is the largest score, -Infinity the smallest: the same picks on every backend
        StrategyContract.check("infinities", (context, batch) -> {
            int n = context.unlabelled().length;
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                scores[i] = i % 3 == 0 ? Double.POSITIVE_INFINITY : i % 3 == 1 ? Double.NEGATIVE_INFINITY : 1e300 * (i % 5);
            }
            int[] rows = context.top(scores, batch);
            for (int row : rows) {
                int position = Arrays.binarySearch(context.unlabelled(), row);
                assertTrue(position % 3 == 0, "an infinite score is picked first");
            }
            return rows;
        });
        StrategyContract.check("huge", (context, batch) -> {
            int n = context.unlabelled().length;
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                scores[i] = i % 4 == 0 ? 1e300 * (i % 7) : -1e300; // beyond float: equal as floats, ranked in double
            }
            int[] rows = context.top(scores, batch);
            int best = Arrays.binarySearch(context.unlabelled(), rows[0]);
            assertTrue(best % 4 == 0 && best % 7 == 6, "the largest double wins though its float is +Infinity");
            return rows;
        });
    }

    @TempDir
    Path dir;

    @Test
    void aStudyWhoseStrategyReturnsNoRowFailsInsteadOfLoopingForever() {
        for (boolean labelsBudget : new boolean[] {true, false}) {
            Study study = Study.named("empty").dataset("iris").learner("logistic").strategy("lazy", (context, batch) -> new int[0])
                    .seeds(3).initial(6).batch(5).reference(false).threads(1);
            Study budgeted = labelsBudget ? study.labels(40) : study.rounds(100);
            TrialFailure failure = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> assertThrows(TrialFailure.class, () -> budgeted.run(dir.resolve("out-" + labelsBudget))));
            assertTrue(failure.getMessage().startsWith("iris / logistic / lazy / seed 3 failed in round 0: "
                    + "java.lang.IllegalStateException: the strategy returned 0 rows of 5"), failure.getMessage());
            assertFalse(failure.badInput(), "a strategy's bug, exit code 1");
        }
    }
}
