package org.activebench.core.split;

import java.util.Arrays;

/**
 * One seed's partition of a data set's rows (all indices ascending): the pool the learner may query, the
 * held-out test set, and the initially labelled subset of the pool.
 */
public record Split(int[] pool, int[] test, int[] initial) {

    public Split {
        pool = sorted(pool);
        test = sorted(test);
        initial = sorted(initial);
    }

    private static int[] sorted(int[] rows) {
        int[] copy = rows.clone();
        Arrays.sort(copy);
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && Arrays.equals(pool, s.pool) && Arrays.equals(test, s.test)
                && Arrays.equals(initial, s.initial);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pool) * 31 * 31 + Arrays.hashCode(test) * 31 + Arrays.hashCode(initial);
    }

    @Override
    public String toString() {
        return "Split[pool=" + pool.length + ", test=" + test.length + ", initial=" + initial.length + "]";
    }
}
