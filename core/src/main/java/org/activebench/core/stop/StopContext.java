package org.activebench.core.stop;

import java.util.List;
import java.util.Map;

/**
 * What a stopping criterion may read after a round.
 *
 * @param labelled    labelled rows per round so far, the current round last
 * @param metrics     the test-set metrics per round (keyed as in the config), the current round last; a criterion
 *                    that reads them uses the held-out labels, which a deployed learner would not have
 * @param predictions per round, the model's predicted class of every test row: an unlabelled stop set as in
 *                    Bloodgood and Vijay-Shanker (2009), whose labels are never read
 */
public record StopContext(List<Integer> labelled, List<Map<String, Double>> metrics, List<int[]> predictions) {

    /** The round just finished, 0 for the initial fit. */
    public int round() {
        return labelled.size() - 1;
    }
}
