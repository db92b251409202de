package org.activebench.experiment;

import java.util.List;
import org.activebench.core.learn.Learner;
import org.activebench.core.spi.Component;
import org.activebench.strategies.QueryStrategy;

/**
 * A study as a canonical list of cells, in config order: every full-pool reference and every trial (data set x
 * learner x strategy x seed), each with the key its files are named by and the fingerprint of everything its
 * result depends on. The runner executes it here; the plan is also the unit a study is cut into for running on
 * many machines.
 */
record StudyPlan(List<Cell> cells) {

    /** @param strategy null for a full-pool reference */
    record Cell(TrialKey key, String fingerprint, PreparedData data, Component<Learner> learner,
                Component<QueryStrategy> strategy) {
        boolean isReference() {
            return strategy == null;
        }
    }
}
