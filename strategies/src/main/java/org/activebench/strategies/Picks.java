package org.activebench.strategies;

import java.util.Arrays;

/**
 * The promise every strategy makes: {@code select(context, batch)} returns exactly {@code batch} distinct rows of the
 * unlabelled pool. Checked after every call, built-in or plugin, so that a broken strategy fails its trial with the
 * reason instead of giving curves that cannot be compared (or, returning no row, a loop that never ends).
 */
public final class Picks {
    private Picks() {
    }

    /**
     * @param unlabelled the round's unlabelled pool, ascending
     * @param rows       how many rows the data set has, for the range check, which runs before any array access
     * @throws IllegalStateException (the strategy's bug: its trial fails, exit code 1) saying what was wrong, e.g.
     *                               "returned 0 rows of 5", "row 113 twice"
     */
    public static void check(int[] picked, int batch, int[] unlabelled, int rows) {
        if (picked == null) {
            throw new IllegalStateException("the strategy returned null instead of " + batch + " rows");
        }
        if (picked.length != batch) {
            throw new IllegalStateException("the strategy returned " + picked.length + (picked.length == 1 ? " row" : " rows")
                    + " of " + batch);
        }
        for (int row : picked) {
            if (row < 0 || row >= rows) {
                throw new IllegalStateException("the strategy returned row " + row + ", which is not a row of the data set ("
                        + rows + " rows)");
            }
        }
        int[] sorted = picked.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new IllegalStateException("the strategy returned row " + sorted[i] + " twice");
            }
        }
        for (int row : sorted) {
            if (Arrays.binarySearch(unlabelled, row) < 0) {
                throw new IllegalStateException("the strategy returned row " + row
                        + ", which is not in the unlabelled pool (labelled already, or a test row)");
            }
        }
    }
}
