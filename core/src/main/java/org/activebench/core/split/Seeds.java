package org.activebench.core.split;

/**
 * Derives independent random streams from one experiment seed, so that each use (split, initial set, a
 * strategy's draws, a learner's bootstrap) is fixed by the seed and by nothing else: not by thread count, not by
 * the order in which trials run.
 */
public final class Seeds {
    private Seeds() {
    }

    /** A well-mixed 64-bit value from a seed and a list of labels (SplitMix64 finaliser over each part). */
    public static long derive(long seed, Object... parts) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (Object part : parts) {
            long v = part instanceof Number n ? n.longValue() : part.toString().hashCode();
            h = mix(h ^ mix(v + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
