package org.activebench.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.activebench.core.data.Dataset;
import org.activebench.core.data.DatasetLoader;
import org.activebench.core.kernels.KernelProvider;
import org.activebench.core.kernels.ScoreKernels;

/**
 * The contract every strategy must keep, checked on real data: each query returns exactly {@code batch} distinct rows
 * of the unlabelled pool, the same rows for the same seed, on every kernel backend of this JVM and with split
 * kernels, on binary (breast_cancer) and multiclass (wine, digits) data, starting from one labelled row per class,
 * with a teacher (so that the strategies that read one can run). Built-ins are held to it by ActiveBench's own
 * tests; a plugin author calls it from a test of theirs:
 * <pre>{@code
 * StrategyContract.check(Catalog.builtIn().plus(List.of(Path.of("target/my.jar")), "plugin"), "margin_density", Map.of());
 * StrategyContract.check("minority_margin", (context, batch) -> ...);
 * }</pre>
 * A broken promise is an {@link AssertionError} naming the strategy, data set, backend, seed and round.
 */
public final class StrategyContract {
    /** Rows queried per round: more than one, so that distinctness is tested. */
    static final int BATCH = 5;
    static final int ROUNDS = 3;
    static final List<String> DATASETS = List.of("breast_cancer", "wine", "digits");
    static final long[] SEEDS = {1, 2};

    private StrategyContract() {
    }

    /** Checks a strategy of {@code catalog} by name and parameters, as a config names it. */
    public static void check(Catalog catalog, String name, Map<String, ?> params) {
        check(name, (builder) -> builder.catalog(catalog).strategy(name, params));
    }

    /** Checks a strategy object, e.g. a lambda. */
    public static void check(String label, org.activebench.strategies.QueryStrategy strategy) {
        check(label, (builder) -> builder.strategy(strategy));
    }

    private static void check(String label, Function<ActiveLoop.Builder, ActiveLoop.Builder> strategy) {
        for (String name : DATASETS) {
            Dataset data = DatasetLoader.bundled(name);
            float[] teacher = teacher(data);
            for (long seed : SEEDS) {
                List<int[]> expected = null;
                String expectedFrom = null;
                for (String backend : backends()) {
                    String where = label + " on " + name + " (" + data.classCount() + " classes), seed " + seed + ", kernels "
                            + backend;
                    List<int[]> picks = picks(strategy, data, teacher, seed, backend, where);
                    if (expected == null) {
                        expected = picks;
                        expectedFrom = backend;
                        List<int[]> again = picks(strategy, data, teacher, seed, backend, where);
                        compare(expected, again, where + ": a second run with the same seed picked other rows");
                    } else {
                        compare(expected, picks, where + ": picked other rows than with kernels " + expectedFrom);
                    }
                }
            }
        }
    }

    /** The rows picked in each round of a loop from one labelled row per class. */
    private static List<int[]> picks(Function<ActiveLoop.Builder, ActiveLoop.Builder> strategy, Dataset data,
                                     float[] teacher, long seed, String backend, String where) {
        ScoreKernels kernels = backend.endsWith("x2") ? KernelProvider.byName(backend.substring(0, backend.length() - 3), 2)
                : KernelProvider.byName(backend, 1);
        List<int[]> rounds = new ArrayList<>();
        int round = 0;
        try (ActiveLoop loop = strategy.apply(ActiveLoop.on(data).learner("logistic")).seed(seed).initial(data.classCount())
                .teacher(teacher).kernels(kernels).start()) {
            for (; round < ROUNDS; round++) {
                int[] rows = loop.query(BATCH);
                rounds.add(rows);
                loop.reveal(rows);
            }
        } catch (RuntimeException e) {
            throw new AssertionError(where + ", round " + round + ": " + e, e);
        }
        return rounds;
    }

    private static void compare(List<int[]> expected, List<int[]> actual, String what) {
        for (int r = 0; r < expected.size(); r++) {
            if (!Arrays.equals(expected.get(r), actual.get(r))) {
                throw new AssertionError(what + " in round " + r + ": " + Arrays.toString(actual.get(r)) + " instead of "
                        + Arrays.toString(expected.get(r)));
            }
        }
    }

    /** Every backend that serves in this JVM, and Panama with its calls split over two threads. */
    static List<String> backends() {
        List<String> names = new ArrayList<>();
        for (String name : KernelProvider.backends()) {
            if (KernelProvider.unavailable(name) == null) {
                names.add(name);
            }
        }
        if (names.contains("panama")) {
            names.add("panama x2");
        }
        return names;
    }

    /** A stand-in large model: 0.6 on the true class, the rest spread evenly; rows that differ in label differ here. */
    private static float[] teacher(Dataset data) {
        int k = data.classCount();
        float[] p = new float[data.size() * k];
        for (int i = 0; i < data.size(); i++) {
            for (int c = 0; c < k; c++) {
                p[i * k + c] = c == data.y()[i] ? 0.6f : 0.4f / (k - 1);
            }
        }
        return p;
    }
}
