package org.activebench.nativekernels;

import java.util.Objects;
import org.activebench.core.kernels.ScoreKernels;

/**
 * The kernels in C through JNI, one coarse call per operation (arrays pinned, no copies). Every bound is checked
 * here before the call: C reads whatever it is told to, so a wrong length must be an exception, not a crash.
 * Single-threaded.
 */
final class NativeKernels implements ScoreKernels {
    /** The C side counts a committee's votes in a fixed array. */
    private static final int MAX_COMMITTEE = 256;
    private final ThreadLocal<long[]> heaps = ThreadLocal.withInitial(() -> new long[0]);

    @Override
    public String name() {
        return "native";
    }

    static String cpuLevel() {
        return cpuLevel0();
    }

    @Override
    public void argmax(float[] p, int n, int k, int[] out) {
        rows(p, n, k, out.length);
        argmax0(p, n, k, out);
    }

    @Override
    public void leastConfidence(float[] p, int n, int k, float[] out) {
        rows(p, n, k, out.length);
        leastConfidence0(p, n, k, out);
    }

    @Override
    public void margin(float[] p, int n, int k, float[] out) {
        rows(p, n, k, out.length);
        margin0(p, n, k, out);
    }

    @Override
    public void entropy(float[] p, int n, int k, float[] out) {
        rows(p, n, k, out.length);
        entropy0(p, n, k, out);
    }

    @Override
    public void entropyFromLogits(float[] logits, int n, int k, float[] out) {
        rows(logits, n, k, out.length);
        entropyFromLogits0(logits, n, k, out);
    }

    @Override
    public void voteEntropy(float[][] members, int n, int k, float[] out) {
        committee(members, n, k, out.length);
        voteEntropy0(members, n, k, out);
    }

    @Override
    public void klToConsensus(float[][] members, int n, int k, boolean max, float[] out) {
        committee(members, n, k, out.length);
        klToConsensus0(members, n, k, max, out);
    }

    @Override
    public void topB(float[] scores, int n, int b, boolean largest, int[] out) {
        if (b < 1 || b > n) {
            throw new IllegalArgumentException("b = " + b + " outside [1, " + n + "]");
        }
        Objects.checkFromIndexSize(0, n, scores.length);
        Objects.checkFromIndexSize(0, b, out.length);
        long[] heap = heaps.get();
        if (heap.length < b) {
            heap = new long[b];
            heaps.set(heap);
        }
        topB0(scores, n, b, largest, heap, out);
    }

    @Override
    public void dot(float[] x, int n, int d, float[] v, int vOffset, float[] out) {
        features(x, n, d, v, vOffset, out.length);
        dot0(x, n, d, v, vOffset, out);
    }

    @Override
    public void squaredDistances(float[] x, int n, int d, float[] q, int qOffset, float[] out) {
        features(x, n, d, q, qOffset, out.length);
        squaredDistances0(x, n, d, q, qOffset, out);
    }

    @Override
    public int updateMinDistances(float[] x, int n, int d, float[] c, int cOffset, float[] minDist) {
        features(x, n, d, c, cOffset, minDist.length);
        return updateMinDistances0(x, n, d, c, cOffset, minDist);
    }

    private static void rows(float[] p, int n, int k, int outLength) {
        if (k < 1) {
            throw new IllegalArgumentException("k = " + k + " < 1");
        }
        Objects.checkFromIndexSize(0, Math.multiplyExact(n, k), p.length);
        Objects.checkFromIndexSize(0, n, outLength);
    }

    private static void committee(float[][] members, int n, int k, int outLength) {
        if (members.length < 1 || members.length > MAX_COMMITTEE) {
            throw new IllegalArgumentException("committee of " + members.length + " outside [1, " + MAX_COMMITTEE + "]");
        }
        for (float[] member : members) {
            rows(member, n, k, outLength);
        }
    }

    private static void features(float[] x, int n, int d, float[] v, int offset, int outLength) {
        rows(x, n, d, outLength);
        Objects.checkFromIndexSize(offset, d, v.length);
    }

    private static native void argmax0(float[] p, int n, int k, int[] out);

    private static native void leastConfidence0(float[] p, int n, int k, float[] out);

    private static native void margin0(float[] p, int n, int k, float[] out);

    private static native void entropy0(float[] p, int n, int k, float[] out);

    private static native void entropyFromLogits0(float[] logits, int n, int k, float[] out);

    private static native void voteEntropy0(float[][] members, int n, int k, float[] out);

    private static native void klToConsensus0(float[][] members, int n, int k, boolean max, float[] out);

    private static native void topB0(float[] scores, int n, int b, boolean largest, long[] heap, int[] out);

    private static native void dot0(float[] x, int n, int d, float[] v, int offset, float[] out);

    private static native void squaredDistances0(float[] x, int n, int d, float[] q, int offset, float[] out);

    private static native int updateMinDistances0(float[] x, int n, int d, float[] c, int offset, float[] min);

    private static native String cpuLevel0();
}
