package org.activebench.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.activebench.core.kernels.ScoreKernels;
import org.activebench.core.learn.Learner;
import org.activebench.core.learn.Model;
import org.activebench.core.spi.Capability;
import org.activebench.core.spi.Component;
import org.activebench.core.stop.StopContext;
import org.activebench.core.stop.StoppingCriterion;
import org.activebench.core.split.Seeds;
import org.activebench.strategies.QueryStrategy;
import org.activebench.strategies.Ties;

/**
 * One simulated active-learning run: fit on the initial set, then repeatedly query, reveal the true labels
 * (the oracle), refit and measure on the held-out test set, until the budget, the target accuracy or the pool
 * runs out.
 */
final class Trial {
    private final ExperimentConfig config;
    private final PreparedData prepared;
    private final Component<Learner> learner;
    private final Component<QueryStrategy> strategy;
    private final List<Component<StoppingCriterion>> stops;
    private final Annotation annotation;
    private final Levers levers;
    private final long seed;
    private final ScoreKernels kernels;

    /** @param stops the stopping criteria besides the budget; the first that says so names the stop reason */
    Trial(ExperimentConfig config, PreparedData prepared, Component<Learner> learner, Component<QueryStrategy> strategy,
          List<Component<StoppingCriterion>> stops, Annotation annotation, Levers levers, long seed, ScoreKernels kernels) {
        this.config = config;
        this.prepared = prepared;
        this.learner = learner;
        this.strategy = strategy;
        this.stops = stops;
        this.annotation = annotation;
        this.levers = levers;
        this.seed = seed;
        this.kernels = kernels;
    }

    /**
     * The smallest sample a reference fit warm-starts from: a learner that warm-starts fits every tenth row of the
     * pool, every hundredth, ... down to this many rows, then from the smallest up, each fit starting from the last
     * (1e6 x 32, 10 classes: 13.6 s cold, 9.0 s from a tenth, 7.5 s from a hundredth and a tenth).
     */
    static final int WARM_START_ROWS = 1000;

    /** The learner fitted on every row of the pool, measured on the trial's test set. */
    static PoolReference fullPool(ExperimentConfig config, PreparedData prepared, Component<Learner> learner, long seed,
                                  ScoreKernels kernels, String fingerprint) {
        int[] pool = prepared.split().pool();
        int[] y = prepared.data().y();
        Learner fitter = learner.instance();
        int d = prepared.data().dimension();
        int k = prepared.data().classCount();
        long fitSeed = Seeds.derive(seed, "fit", "full-pool");
        try {
            Model start = null;
            int stride = 1;
            while (fitter.warmStarts() && pool.length / (10L * stride) >= WARM_START_ROWS) {
                stride *= 10;
            }
            for (; stride > 1; stride /= 10) {
                int step = stride;
                int[] sample = IntStream.range(0, pool.length / step).map(i -> pool[step * i]).toArray();
                start = fitter.fit(prepared.x(), d, sample, Arrays.stream(sample).map(row -> y[row]).toArray(), k, fitSeed,
                        start);
            }
            Model model = fitter.fit(prepared.x(), d, pool, Arrays.stream(pool).map(row -> y[row]).toArray(), k, fitSeed,
                    start);
            return new PoolReference(prepared.data().name(), learner.label(), seed, fingerprint, pool.length,
                    new TestSet(prepared, config.metricList(), kernels).measure(model));
        } catch (RuntimeException e) {
            throw new TrialFailure(prepared.data().name(), learner.label(), null, seed, -1, e);
        }
    }

    /** What a finished trial yields. */
    record Outcome(TrialResult result, TrialTimings timings) {
    }

    /**
     * @param onRound called after every round, for progress reporting
     * @throws TrialFailure naming the trial and the round, whatever went wrong inside
     */
    Outcome run(String fingerprint, Runnable onRound) {
        int[] y = prepared.data().y();
        LoopEngine engine = null;
        Labelling labelling = Labelling.of(annotation, prepared, seed);
        try (LoopEngine loop = new LoopEngine(prepared, learner.instance(), strategy.instance(),
                strategy.capabilities().contains(Capability.READS_TRUE_LABELS), seed, kernels,
                Ties.of(config.tieRule(), prepared.split().listedPool(), y.length), config.metricList(),
                labelling.labelInitial(prepared.split().initial()), levers.weigher(), levers.augments())) {
            engine = loop;
            return run(loop, labelling, fingerprint, onRound);
        } catch (RuntimeException e) {
            throw new TrialFailure(prepared.data().name(), learner.label(), strategy.label(), seed,
                    engine == null ? 0 : engine.round(), e);
        }
    }

    private Outcome run(LoopEngine engine, Labelling labelling, String fingerprint, Runnable onRound) {
        long trialStart = System.nanoTime();
        List<TrialResult.Round> rounds = new ArrayList<>();
        StopContext history = new StopContext(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<TrialTimings.RoundTiming> timings = new ArrayList<>();
        int[] picked = new int[0];
        String stopReason;
        for (;;) {
            Map<String, Double> values = engine.fit();
            int labelled = engine.labelledCount();
            rounds.add(new TrialResult.Round(engine.round(), labelled, values, picked,
                    config.annotated() ? labelling.ledger() : null));
            timings.add(new TrialTimings.RoundTiming(engine.round(), engine.fitMs(),
                    engine.measureMs() + engine.poolPredictMs(), engine.queryMs()));
            onRound.run();
            history.labelled().add(labelled);
            history.metrics().add(values);
            history.predictions().add(engine.testPredictions());

            stopReason = stopReason(history.at(engine.view()));
            if (stopReason != null) {
                break;
            }
            if (engine.round() >= config.maxRounds() || labelled >= config.maxLabels() || labelling.cost() >= config.maxCost()) {
                stopReason = "budget";
                break;
            }
            int unlabelled = engine.unaskedCount();
            if (unlabelled == 0) {
                stopReason = "pool_exhausted";
                break;
            }
            int batch = Math.min(config.batchOrDefault(), Math.min(unlabelled, config.maxLabels() - labelled));
            picked = engine.query(batch); // checked: batch >= 1 rows leave the pool, so no round repeats
            engine.label("routing " + annotation.label(), picked, labelling.label(picked, engine.view()), true);
        }
        return new Outcome(result(fingerprint, stopReason, rounds), new TrialTimings(timings, TimeSplit.millisSince(trialStart)));
    }

    /** The label of the first criterion that stops the trial now, or null. */
    private String stopReason(StopContext history) {
        for (Component<StoppingCriterion> stop : stops) {
            if (stop.instance().shouldStop(history)) {
                return stop.label();
            }
        }
        return null;
    }

    private TrialResult result(String fingerprint, String stopReason, List<TrialResult.Round> rounds) {
        TrialKey key = new TrialKey(prepared.data().name(), learner.label(), config.annotated() ? annotation.label() : null,
                config.levers() != null ? levers.label() : null, strategy.label(), seed);
        return TrialResult.of(key, fingerprint, prepared.split().pool().length, prepared.split().test().length,
                prepared.split().initial().length, stopReason, rounds);
    }
}
