package org.activebench.experiment;

import org.activebench.core.data.Dataset;
import org.activebench.core.split.Split;

/** A data set prepared for one seed: its split and its features standardised on that split's pool. */
record PreparedData(Dataset data, Split split, float[] x) {
}
