package org.activebench.experiment;

import java.util.Map;
import org.activebench.core.data.Dataset;
import org.activebench.core.split.Split;
import org.activebench.core.split.Standardizer;

/**
 * A data set prepared for one seed: its split, its features standardised on that split's pool (with
 * {@code standardization}: the pool's statistics, which augmenters of raw values undo), and the teacher's
 * probabilities (n x k, or null). {@code data}'s own features may have been standardised in place for the last
 * seed (one copy fewer), so they are read only through {@code x}; {@code featureHash} is their hash as loaded;
 * {@code replayed} the recorded label sets of replay annotators, by name; {@code paraphrases} the embedded
 * paraphrases of the texts (n x d, standardised as {@code x}), or null.
 */
record PreparedData(Dataset data, Split split, float[] x, Standardizer.Stats standardization, float[] teacher,
                    int featureHash, Map<String, int[]> replayed, float[] paraphrases) {
}
