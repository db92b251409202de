package org.activebench.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.activebench.core.spi.Component;
import org.activebench.core.train.Augmenter;
import org.activebench.core.train.Weighting;

/**
 * One setting of the training levers: the weighting scheme that weighs the labelled rows before each fit, and the
 * augmenter that adds extra rows made from them; either may be absent. A study has one setting for every trial, or
 * several ({@code levers}: a grid axis).
 *
 * @param weighting null: every row 1
 * @param augmenter null: no extra rows
 */
record Levers(Component<Weighting> weighting, Component<Augmenter> augmenter) {
    /** No lever: the results are those of a study without levers, byte for byte. */
    static final Levers NONE = new Levers(null, null);

    /** What a trial's result depends on, for its fingerprint; empty without levers (fingerprints as before them). */
    Map<String, Object> ref() {
        Map<String, Object> ref = new LinkedHashMap<>();
        if (weighting != null) {
            ref.put("weighting", weighting.ref());
        }
        if (augmenter != null) {
            ref.put("augment", augmenter.ref());
        }
        return ref;
    }

    /** What results call this setting: its components' labels joined by {@code +}, or {@code none}. */
    String label() {
        if (weighting == null && augmenter == null) {
            return "none";
        }
        return weighting == null ? augmenter.label() : augmenter == null ? weighting.label()
                : weighting.label() + "+" + augmenter.label();
    }

    /** The weighting's instance, or null. */
    Weighting weigher() {
        return weighting == null ? null : weighting.instance();
    }

    /** The augmenter's instance, or null. */
    Augmenter augments() {
        return augmenter == null ? null : augmenter.instance();
    }
}
