package org.activebench.core.kernels;

/**
 * Every hot loop of query selection, over class probabilities held as one row-major n x k {@code float[]}.
 * Implementations must agree with {@link ScalarKernels}, the reference: exactly for selections, within a stated
 * float tolerance for scores. Definitions (fixed once, see README): entropy in nats with 0·log 0 = 0; least
 * confidence = 1 - max p; margin = p(1) - p(2), the two largest; a committee's vote goes to the lowest class index
 * among its tied maxima.
 */
public interface ScoreKernels {

    /** Short backend name, written into every result manifest. */
    String name();

    /** {@code out[i]} = the most probable class of row i, the lowest index among ties. */
    void argmax(float[] p, int n, int k, int[] out);

    /** {@code out[i] = 1 - max_c p[i][c]}. */
    void leastConfidence(float[] p, int n, int k, float[] out);

    /** {@code out[i] = p[i](1) - p[i](2)}, largest minus second largest ({@code p[i](1)} when k = 1). */
    void margin(float[] p, int n, int k, float[] out);

    /** {@code out[i] = -sum_c p[i][c] ln p[i][c]}, with 0·ln 0 = 0. */
    void entropy(float[] p, int n, int k, float[] out);

    /**
     * Vote entropy of a committee: each member votes for its most probable class, and
     * {@code out[i] = -sum_c (v[c]/C) ln (v[c]/C)} over the vote counts v of row i, C = members.length.
     */
    void voteEntropy(float[][] members, int n, int k, float[] out);

    /**
     * Disagreement as KL divergence of each member from the consensus (the members' mean distribution):
     * {@code out[i] = mean_m KL(p_m || p_mean)}, or the maximum over members when {@code max}.
     */
    void klToConsensus(float[][] members, int n, int k, boolean max, float[] out);

    /**
     * Writes into {@code out[0..b)} the indices of the b largest (or, if {@code !largest}, smallest) of
     * {@code scores[0..n)}, best first; equal scores are ordered by lower index. Requires 1 <= b <= n.
     */
    void topB(float[] scores, int n, int b, boolean largest, int[] out);
}
