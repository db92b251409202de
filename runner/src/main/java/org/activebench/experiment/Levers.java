package org.activebench.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.activebench.core.spi.Component;
import org.activebench.core.train.Weighting;

/**
 * The training levers of a study, the same for every trial: the weighting scheme that weighs the labelled rows
 * before each fit, or none.
 *
 * @param weighting null: every row 1, and the results are those of a study without levers, byte for byte
 */
record Levers(Component<Weighting> weighting) {
    static final Levers NONE = new Levers(null);

    /** What a trial's result depends on, for its fingerprint; empty without levers (fingerprints as before them). */
    Map<String, Object> ref() {
        Map<String, Object> ref = new LinkedHashMap<>();
        if (weighting != null) {
            ref.put("weighting", weighting.ref());
        }
        return ref;
    }

    /** The weighting's instance, or null. */
    Weighting weigher() {
        return weighting == null ? null : weighting.instance();
    }
}
