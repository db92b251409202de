package org.activebench.core.kernels;

/**
 * The k-center (core-set) greedy search over the rows of one n x d matrix, as a session: each
 * {@link #add(int) added} center updates every row's squared distance to its nearest center and names the row now
 * farthest from all centers, the next pick. A backend may keep the matrix where it computes (a GPU uploads it
 * once), so a search is closed when done; results equal {@link ScoreKernels#updateMinDistances} steps.
 */
public interface KCenterSearch extends AutoCloseable {

    /** Makes row {@code center} a center; returns the row farthest from every center so far, lowest index on ties. */
    int add(int center);

    /** Every row's squared distance to its nearest center (+infinity before the first center), a copy. */
    float[] distances();

    /** Frees what the search holds; it cannot be used afterwards. */
    @Override
    void close();
}
