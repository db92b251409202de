package org.activebench.core.stop;

import java.util.List;
import java.util.Map;
import org.activebench.core.learn.RoundView;

/**
 * What a stopping criterion may read after a round.
 *
 * @param labelled    labelled rows per round so far, the current round last
 * @param metrics     the test-set metrics per round (keyed as in the config), the current round last; a criterion
 *                    that reads them uses the held-out labels, which a deployed learner would not have
 * @param predictions per round, the model's predicted class of every test row: an unlabelled stop set as in
 *                    Bloodgood and Vijay-Shanker (2009), whose labels are never read
 * @param pool        the current round: the unlabelled pool and the model's probabilities for it, shared with the
 *                    strategy and the routing (computed once per round); null where no loop is running
 */
public record StopContext(List<Integer> labelled, List<Map<String, Double>> metrics, List<int[]> predictions,
                          RoundView pool) {

    /** A history without a current round. */
    public StopContext(List<Integer> labelled, List<Map<String, Double>> metrics, List<int[]> predictions) {
        this(labelled, metrics, predictions, null);
    }

    /** This history at the round {@code pool} describes. */
    public StopContext at(RoundView pool) {
        return new StopContext(labelled, metrics, predictions, pool);
    }

    /** The round just finished, 0 for the initial fit. */
    public int round() {
        return labelled.size() - 1;
    }
}
