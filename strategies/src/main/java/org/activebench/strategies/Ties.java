package org.activebench.strategies;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.activebench.core.ActiveBenchException;

/**
 * The rule for rows whose scores tie exactly at the batch boundary (config key {@code "ties"}), for a trial:
 * {@code random} draws them with the round's seed (the default: data files are often sorted by class, and the
 * lowest rows would hand every tie to one class); {@code index} takes the lowest row indices; {@code pool_order}
 * takes them in the order the split file lists the pool, so that a paper's protocol, which walks its own shuffled
 * pool, is replayed.
 *
 * @param rank each row's position in the listed pool order ({@code pool_order} only; null otherwise)
 */
public record Ties(Rule rule, int[] rank) {

    /** The values of the config key. */
    public enum Rule {
        RANDOM, INDEX, POOL_ORDER;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** @param configKey for the message */
        public static Rule parse(String text, String configKey) {
            if (text == null) {
                return RANDOM;
            }
            for (Rule r : values()) {
                if (r.key().equals(text)) {
                    return r;
                }
            }
            throw new ActiveBenchException(configKey + ": unknown rule '" + text + "' (valid: "
                    + Arrays.stream(values()).map(Rule::key).collect(Collectors.joining(", ")) + ")");
        }
    }

    public static final Ties RANDOM = new Ties(Rule.RANDOM, null);

    /** @param listedPool the pool rows in the order the split lists them; {@code rows} rows in the data set */
    public static Ties of(Rule rule, int[] listedPool, int rows) {
        if (rule != Rule.POOL_ORDER) {
            return new Ties(rule, null);
        }
        int[] rank = new int[rows];
        Arrays.fill(rank, Integer.MAX_VALUE);
        for (int i = 0; i < listedPool.length; i++) {
            rank[listedPool[i]] = i;
        }
        return new Ties(rule, rank);
    }

    /** Chooses among tied positions; {@code rowOf} maps a caller's position to its data-set row. */
    interface RowOf {
        int row(int position);
    }

    /**
     * {@code count} of the tied positions (ascending, hence ascending rows), in the order they are taken; all of
     * them, as given, when they all fit. The seed is used by {@code random} only.
     */
    int[] choose(int[] tied, int count, RowOf rowOf, long seed) {
        if (count == tied.length) {
            return tied;
        }
        int[] order = tied.clone();
        switch (rule) {
            case INDEX -> {
            }
            case POOL_ORDER -> order = Arrays.stream(tied).boxed()
                    .sorted(java.util.Comparator.comparingInt(p -> rank[rowOf.row(p)])).mapToInt(Integer::intValue).toArray();
            case RANDOM -> {
                SplittableRandom random = new SplittableRandom(seed);
                for (int j = 0; j < count; j++) { // partial Fisher-Yates over the tie group
                    int pick = j + random.nextInt(order.length - j);
                    int chosen = order[pick];
                    order[pick] = order[j];
                    order[j] = chosen;
                }
            }
        }
        return Arrays.copyOf(order, count);
    }
}
