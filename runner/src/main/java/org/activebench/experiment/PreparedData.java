package org.activebench.experiment;

import org.activebench.core.data.Dataset;
import org.activebench.core.split.Split;

/**
 * A data set prepared for one seed: its split, its features standardised on that split's pool, and the teacher's
 * probabilities (n x k, or null).
 */
record PreparedData(Dataset data, Split split, float[] x, float[] teacher) {
}
