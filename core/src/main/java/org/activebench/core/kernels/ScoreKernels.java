package org.activebench.core.kernels;

/**
 * Every hot loop of query selection. Class probabilities (and logits) are one row-major n x k {@code float[]};
 * feature matrices one row-major n x d {@code float[]}. Implementations must agree with {@link ScalarKernels},
 * the reference: exactly for selections and for scores built from comparisons (argmax, least confidence, margin,
 * top-b), within {@link #SCORE_TOLERANCE} for scores built from logarithms or sums. Definitions (fixed once, see
 * README): entropy in nats with 0·log 0 = 0; least confidence = 1 - max p; margin = p(1) - p(2), the two largest;
 * a committee's vote goes to the lowest class index among its tied maxima; every tie between rows goes to the
 * lower row index. Kernels never allocate per call beyond a bounded per-thread scratch buffer.
 */
public interface ScoreKernels {

    /**
     * Largest difference allowed between a backend's score and the reference's, relative to max(1, |reference|):
     * logarithms, exponentials and sums may round differently on every backend. Selections stay exact because
     * callers let the reference arbitrate near-ties (see {@code Selection} in the strategies module).
     */
    float SCORE_TOLERANCE = 1e-5f;

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
     * Entropy of softmax(logits[i]) in one pass, without writing the probabilities:
     * {@code H = ln S - sum_c z_c e^z_c / S}, z = logits - max, S = sum_c e^z_c.
     */
    void entropyFromLogits(float[] logits, int n, int k, float[] out);

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
     * {@code scores[0..n)}, best first; equal scores are ordered by lower index; -0 equals +0. Scores must not be
     * NaN. Requires 1 <= b <= n.
     */
    void topB(float[] scores, int n, int b, boolean largest, int[] out);

    /**
     * {@code out[i] = sum_j x[i][j] * v[vOffset + j]}: the dot product of every row with one vector. Cancellation
     * makes the tolerance relative to max(1, ||x[i]||·||v||) here, not to the result.
     */
    void dot(float[] x, int n, int d, float[] v, int vOffset, float[] out);

    /** {@code out[i] = ||x[i] - q||^2} with q = {@code q[qOffset .. qOffset + d)}. */
    void squaredDistances(float[] x, int n, int d, float[] q, int qOffset, float[] out);

    /**
     * The k-center greedy step, fused: {@code minDist[i] = min(minDist[i], ||x[i] - c||^2)} for the new center
     * c = {@code c[cOffset .. cOffset + d)}, and returns the row with the largest updated distance (the next
     * center), the lowest index among ties. One pass over x; O(n·d), never n x n.
     */
    int updateMinDistances(float[] x, int n, int d, float[] c, int cOffset, float[] minDist);

    /**
     * A k-center search over the n x d rows of {@code x}, which must not change while the search is open. The
     * default runs {@link #updateMinDistances} on the heap; a GPU backend keeps x on the device.
     */
    default KCenterSearch kCenter(float[] x, int n, int d) {
        return new HeapKCenterSearch(this, x, n, d);
    }
}
