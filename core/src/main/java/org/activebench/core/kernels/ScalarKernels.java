package org.activebench.core.kernels;

import java.util.Arrays;

/** The plain-Java reference implementation: written for clarity, the oracle every faster backend is tested against. */
public final class ScalarKernels implements ScoreKernels {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void argmax(float[] p, int n, int k, int[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = argmax(p, i * k, k);
        }
    }

    @Override
    public void leastConfidence(float[] p, int n, int k, float[] out) {
        for (int i = 0; i < n; i++) {
            float max = p[i * k];
            for (int c = 1; c < k; c++) {
                max = Math.max(max, p[i * k + c]);
            }
            out[i] = 1f - max;
        }
    }

    @Override
    public void margin(float[] p, int n, int k, float[] out) {
        for (int i = 0; i < n; i++) {
            float first = Float.NEGATIVE_INFINITY;
            float second = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                float v = p[i * k + c];
                if (v > first) {
                    second = first;
                    first = v;
                } else if (v > second) {
                    second = v;
                }
            }
            out[i] = first - Math.max(second, 0f);
        }
    }

    @Override
    public void entropy(float[] p, int n, int k, float[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = (float) entropyOf(p, i * k, k);
        }
    }

    @Override
    public void entropyFromLogits(float[] logits, int n, int k, float[] out) {
        for (int i = 0; i < n; i++) {
            int row = i * k;
            float max = logits[row];
            for (int c = 1; c < k; c++) {
                max = Math.max(max, logits[row + c]);
            }
            double sum = 0;
            double weighted = 0;
            for (int c = 0; c < k; c++) {
                double z = logits[row + c] - max;
                double e = Math.exp(z);
                sum += e;
                weighted += z * e;
            }
            out[i] = (float) Math.max(Math.log(sum) - weighted / sum, 0);
        }
    }

    @Override
    public void voteEntropy(float[][] members, int n, int k, float[] out) {
        int committee = members.length;
        int[] votes = new int[k];
        for (int i = 0; i < n; i++) {
            Arrays.fill(votes, 0);
            for (float[] member : members) {
                votes[argmax(member, i * k, k)]++;
            }
            double h = 0;
            for (int v : votes) {
                h -= xlogx((double) v / committee);
            }
            out[i] = (float) h;
        }
    }

    @Override
    public void klToConsensus(float[][] members, int n, int k, boolean max, float[] out) {
        double[] consensus = new double[k];
        for (int i = 0; i < n; i++) {
            Arrays.fill(consensus, 0);
            for (float[] member : members) {
                for (int c = 0; c < k; c++) {
                    consensus[c] += member[i * k + c];
                }
            }
            for (int c = 0; c < k; c++) {
                consensus[c] /= members.length;
            }
            double sum = 0;
            double worst = 0;
            for (float[] member : members) {
                double kl = 0;
                for (int c = 0; c < k; c++) {
                    double pc = member[i * k + c];
                    if (pc > 0) {
                        kl += pc * Math.log(pc / consensus[c]);
                    }
                }
                kl = Math.max(kl, 0); // rounding can push a zero divergence slightly negative
                sum += kl;
                worst = Math.max(worst, kl);
            }
            out[i] = (float) (max ? worst : sum / members.length);
        }
    }

    @Override
    public void topB(float[] scores, int n, int b, boolean largest, int[] out) {
        if (b < 1 || b > n) {
            throw new IllegalArgumentException("b = " + b + " outside [1, " + n + "]");
        }
        // Sort (score, index) pairs packed into longs: order-preserving float bits above, the row index below.
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = sortKey(scores[i], i, largest);
        }
        Arrays.sort(keys);
        for (int j = 0; j < b; j++) {
            out[j] = (int) keys[j];
        }
    }

    /**
     * A key whose ascending order is "best first, then lower index": the score's order-preserving int bits
     * (negated for largest-first) in the upper half, the index in the lower half. -0 is taken as +0.
     */
    static long sortKey(float score, int index, boolean largest) {
        int bits = Float.floatToIntBits(score + 0f);
        int ordered = bits < 0 ? bits ^ 0x7FFF_FFFF : bits;
        return ((long) (largest ? ~ordered : ordered) << 32) | index;
    }

    @Override
    public void dot(float[] x, int n, int d, float[] v, int vOffset, float[] out) {
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += (double) x[i * d + j] * v[vOffset + j];
            }
            out[i] = (float) sum;
        }
    }

    @Override
    public void squaredDistances(float[] x, int n, int d, float[] q, int qOffset, float[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = squaredDistance(x, i * d, q, qOffset, d);
        }
    }

    @Override
    public int updateMinDistances(float[] x, int n, int d, float[] c, int cOffset, float[] minDist) {
        int best = 0;
        for (int i = 0; i < n; i++) {
            minDist[i] = Math.min(minDist[i], squaredDistance(x, i * d, c, cOffset, d));
            if (minDist[i] > minDist[best]) {
                best = i;
            }
        }
        return best;
    }

    /** ||x[offset ..] - q[qOffset ..]||^2 over d values, summed in double: the reference every backend is held to. */
    public static float squaredDistance(float[] x, int offset, float[] q, int qOffset, int d) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
            double diff = (double) x[offset + j] - q[qOffset + j];
            sum += diff * diff;
        }
        return (float) sum;
    }

    static double entropyOf(float[] p, int offset, int k) {
        double h = 0;
        for (int c = 0; c < k; c++) {
            h -= xlogx(p[offset + c]);
        }
        return h;
    }

    /** x ln x with the limit 0 at 0. */
    static double xlogx(double x) {
        return x > 0 ? x * Math.log(x) : 0;
    }

    /** Index of the largest of {@code p[offset..offset+k)}, the lowest index among ties. */
    static int argmax(float[] p, int offset, int k) {
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (p[offset + c] > p[offset + best]) {
                best = c;
            }
        }
        return best;
    }
}
