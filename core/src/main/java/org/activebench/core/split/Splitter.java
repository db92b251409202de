package org.activebench.core.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.data.Dataset;

/**
 * Makes the per-seed split: a stratified pool/test partition and an initial labelled set drawn from the pool.
 * It depends on the seed only, so every strategy run with that seed sees the same split (paired design).
 */
public final class Splitter {
    /** How the initial labelled set is drawn from the pool. */
    public enum InitialMode { RANDOM, STRATIFIED }

    private final double testFraction;
    private final int initialSize;
    private final InitialMode mode;
    private final boolean atLeastOnePerClass;

    public Splitter(double testFraction, int initialSize, InitialMode mode, boolean atLeastOnePerClass) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new ActiveBenchException("testFraction: must be in (0, 1), got " + testFraction);
        }
        if (initialSize < 1) {
            throw new ActiveBenchException("initial.size: must be at least 1, got " + initialSize);
        }
        this.testFraction = testFraction;
        this.initialSize = initialSize;
        this.mode = mode;
        this.atLeastOnePerClass = atLeastOnePerClass;
    }

    public Split split(Dataset data, long seed) {
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "split"));
        List<Integer> pool = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int[] members : byClass(data.y(), data.classCount(), allRows(data.size()))) {
            shuffle(members, random);
            // Round per class, but keep a class with 2+ samples on both sides so the test set can measure it.
            int inTest = (int) Math.round(members.length * testFraction);
            if (members.length >= 2) {
                inTest = Math.clamp(inTest, 1, members.length - 1);
            }
            for (int i = 0; i < members.length; i++) {
                (i < inTest ? test : pool).add(members[i]);
            }
        }
        int[] poolRows = toSortedArray(pool);
        return new Split(poolRows, toSortedArray(test), initial(data, poolRows, seed));
    }

    /** Draws the initial labelled set from {@code pool}; also used when a split file gives no initial set. */
    public int[] initial(Dataset data, int[] pool, long seed) {
        if (initialSize > pool.length) {
            throw new ActiveBenchException("initial.size: " + initialSize + " is larger than the pool of "
                    + data.name() + " (" + pool.length + " rows)");
        }
        SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "initial"));
        int[][] classes = byClass(data.y(), data.classCount(), pool);
        int present = (int) Arrays.stream(classes).filter(c -> c.length > 0).count();
        if (atLeastOnePerClass && initialSize < present) {
            throw new ActiveBenchException("initial.size: " + initialSize + " cannot hold one row of each of the "
                    + present + " classes of " + data.name() + " (initial.atLeastOnePerClass is true)");
        }
        for (int[] members : classes) {
            shuffle(members, random);
        }
        int[] quota = new int[classes.length];
        if (atLeastOnePerClass) {
            for (int c = 0; c < classes.length; c++) {
                quota[c] = classes[c].length > 0 ? 1 : 0;
            }
        }
        if (mode == InitialMode.STRATIFIED) {
            addProportionalQuota(classes, quota, pool.length);
        }
        List<Integer> chosen = new ArrayList<>();
        boolean[] taken = new boolean[data.size()];
        for (int c = 0; c < classes.length; c++) {
            for (int i = 0; i < quota[c]; i++) {
                chosen.add(classes[c][i]);
                taken[classes[c][i]] = true;
            }
        }
        // The rest uniformly from the pool rows not yet taken.
        int[] shuffled = pool.clone();
        shuffle(shuffled, random);
        for (int i = 0; i < shuffled.length && chosen.size() < initialSize; i++) {
            if (!taken[shuffled[i]]) {
                chosen.add(shuffled[i]);
            }
        }
        return toSortedArray(chosen);
    }

    /** Raises each class's quota toward its share of the initial set (largest remainders first, ties by class). */
    private void addProportionalQuota(int[][] classes, int[] quota, int poolSize) {
        int assigned = Arrays.stream(quota).sum();
        double[] remainder = new double[classes.length];
        for (int c = 0; c < classes.length; c++) {
            double share = (double) initialSize * classes[c].length / poolSize;
            int floor = Math.min(classes[c].length, (int) Math.floor(share));
            int raise = Math.min(floor - quota[c], initialSize - assigned);
            if (raise > 0) {
                assigned += raise;
                quota[c] += raise;
            }
            remainder[c] = share - Math.floor(share);
        }
        while (assigned < initialSize) {
            int best = -1;
            for (int c = 0; c < classes.length; c++) {
                if (quota[c] < classes[c].length && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            if (best < 0) {
                return;
            }
            quota[best]++;
            remainder[best] = -1;
            assigned++;
        }
    }

    private static int[] allRows(int n) {
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        return rows;
    }

    /** The given rows grouped by class, each group in ascending row order. */
    private static int[][] byClass(int[] y, int k, int[] rows) {
        int[] counts = new int[k];
        for (int r : rows) {
            counts[y[r]]++;
        }
        int[][] groups = new int[k][];
        for (int c = 0; c < k; c++) {
            groups[c] = new int[counts[c]];
        }
        int[] fill = new int[k];
        for (int r : rows) {
            groups[y[r]][fill[y[r]]++] = r;
        }
        return groups;
    }

    static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static int[] toSortedArray(List<Integer> rows) {
        int[] a = rows.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }
}
