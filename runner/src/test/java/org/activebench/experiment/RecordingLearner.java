package org.activebench.experiment;

import java.util.List;
import java.util.Set;
import org.activebench.core.learn.Learner;
import org.activebench.core.learn.Model;
import org.activebench.core.learn.TrainingSet;

/** The built-in logistic learner, recording every training set the loop hands it (for tests of the levers). */
final class RecordingLearner implements Learner {
    private final Learner logistic = Catalog.builtIn().learner(ComponentSpec.of("logistic"), "learner").instance();
    private final List<TrainingSet> seen;
    private final Set<TrainingSet.Feature> honours;

    RecordingLearner(List<TrainingSet> seen, Set<TrainingSet.Feature> honours) {
        this.seen = seen;
        this.honours = honours;
    }

    @Override
    public Model fit(float[] x, int d, int[] rows, int[] labels, int k, long seed) {
        throw new AssertionError("the loop fits training sets");
    }

    @Override
    public synchronized Model fit(TrainingSet set, long seed, Model previous) {
        seen.add(set);
        return logistic.fit(set, seed, previous);
    }

    @Override
    public Set<TrainingSet.Feature> honours() {
        return honours;
    }
}
