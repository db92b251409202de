package org.activebench.core.split;

import java.util.Arrays;

/**
 * One seed's partition of a data set's rows (all indices ascending): the pool the learner may query, the
 * held-out test set, and the initially labelled subset of the pool.
 *
 * @param listedPool the pool in the order a split file lists it (ascending for generated splits), for the
 *                   {@code pool_order} tie rule
 */
public record Split(int[] pool, int[] test, int[] initial, int[] listedPool) {

    public Split {
        listedPool = listedPool.clone();
        pool = sorted(pool);
        test = sorted(test);
        initial = sorted(initial);
    }

    public Split(int[] pool, int[] test, int[] initial) {
        this(pool, test, initial, sorted(pool));
    }

    private static int[] sorted(int[] rows) {
        int[] copy = rows.clone();
        Arrays.sort(copy);
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && Arrays.equals(pool, s.pool) && Arrays.equals(test, s.test)
                && Arrays.equals(initial, s.initial) && Arrays.equals(listedPool, s.listedPool);
    }

    @Override
    public int hashCode() {
        int hash = Arrays.hashCode(pool) * 31 * 31 + Arrays.hashCode(test) * 31 + Arrays.hashCode(initial);
        // the listed order counts only where it is not the ascending one, so that older fingerprints still match
        return Arrays.equals(listedPool, pool) ? hash : hash * 31 + Arrays.hashCode(listedPool);
    }

    @Override
    public String toString() {
        return "Split[pool=" + pool.length + ", test=" + test.length + ", initial=" + initial.length + "]";
    }
}
