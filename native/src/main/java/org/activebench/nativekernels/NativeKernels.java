package org.activebench.nativekernels;

import java.util.List;
import org.activebench.core.kernels.ScoreKernels;

/**
 * The kernels in C through JNI, one coarse call per operation (arrays pinned, no copies), run by the compilation
 * for one instruction-set level. Every bound is checked here before the call: C reads whatever it is told to, so a
 * wrong length must be an exception, not a crash. Single-threaded.
 */
public final class NativeKernels implements ScoreKernels {
    /** Instruction-set levels the library is compiled for, in the order the C side indexes them. */
    static final List<String> LEVELS = List.of("sse2", "avx2", "avx512");
    private final ThreadLocal<long[]> heaps = ThreadLocal.withInitial(() -> new long[0]);
    private final int level;

    private NativeKernels(int level) {
        this.level = level;
    }

    /**
     * The kernels compiled for {@code level} (one of {@link #LEVELS}), for tests and comparisons of levels.
     *
     * @throws IllegalArgumentException for an unknown level or one this CPU lacks
     * @throws IllegalStateException when the library is not loaded
     */
    public static NativeKernels atLevel(String level) {
        if (NativeLibrary.KERNELS.problem() != null) {
            throw new IllegalStateException(NativeLibrary.KERNELS.problem());
        }
        int index = LEVELS.indexOf(level);
        if (index < 0) {
            throw new IllegalArgumentException("unknown native level '" + level + "', expected one of " + LEVELS);
        }
        if (index > bestLevel0()) {
            throw new IllegalArgumentException("this CPU lacks native level " + level + "; it runs up to "
                    + bestLevel());
        }
        return new NativeKernels(index);
    }

    /** The best level this CPU runs. */
    public static String bestLevel() {
        return LEVELS.get(bestLevel0());
    }

    @Override
    public String name() {
        return "native";
    }

    /** This instance's level. */
    public String level() {
        return LEVELS.get(level);
    }

    @Override
    public void argmax(float[] p, int n, int k, int[] out) {
        Bounds.rows(p, n, k, out.length);
        argmax0(level, p, n, k, out);
    }

    @Override
    public void leastConfidence(float[] p, int n, int k, float[] out) {
        Bounds.rows(p, n, k, out.length);
        leastConfidence0(level, p, n, k, out);
    }

    @Override
    public void margin(float[] p, int n, int k, float[] out) {
        Bounds.rows(p, n, k, out.length);
        margin0(level, p, n, k, out);
    }

    @Override
    public void entropy(float[] p, int n, int k, float[] out) {
        Bounds.rows(p, n, k, out.length);
        entropy0(level, p, n, k, out);
    }

    @Override
    public void entropyFromLogits(float[] logits, int n, int k, float[] out) {
        Bounds.rows(logits, n, k, out.length);
        entropyFromLogits0(level, logits, n, k, out);
    }

    @Override
    public void voteEntropy(float[][] members, int n, int k, float[] out) {
        Bounds.committee(members, n, k, out.length);
        voteEntropy0(level, members, n, k, out);
    }

    @Override
    public void klToConsensus(float[][] members, int n, int k, boolean max, float[] out) {
        Bounds.committee(members, n, k, out.length);
        klToConsensus0(level, members, n, k, max, out);
    }

    @Override
    public void topB(float[] scores, int n, int b, boolean largest, int[] out) {
        Bounds.topB(scores, n, b, out.length);
        long[] heap = heaps.get();
        if (heap.length < b) {
            heap = new long[b];
            heaps.set(heap);
        }
        topB0(level, scores, n, b, largest, heap, out);
    }

    @Override
    public void dot(float[] x, int n, int d, float[] v, int vOffset, float[] out) {
        Bounds.features(x, n, d, v, vOffset, out.length);
        dot0(level, x, n, d, v, vOffset, out);
    }

    @Override
    public void squaredDistances(float[] x, int n, int d, float[] q, int qOffset, float[] out) {
        Bounds.features(x, n, d, q, qOffset, out.length);
        squaredDistances0(level, x, n, d, q, qOffset, out);
    }

    @Override
    public int updateMinDistances(float[] x, int n, int d, float[] c, int cOffset, float[] minDist) {
        Bounds.features(x, n, d, c, cOffset, minDist.length);
        return updateMinDistances0(level, x, n, d, c, cOffset, minDist);
    }

    private static native void argmax0(int level, float[] p, int n, int k, int[] out);

    private static native void leastConfidence0(int level, float[] p, int n, int k, float[] out);

    private static native void margin0(int level, float[] p, int n, int k, float[] out);

    private static native void entropy0(int level, float[] p, int n, int k, float[] out);

    private static native void entropyFromLogits0(int level, float[] logits, int n, int k, float[] out);

    private static native void voteEntropy0(int level, float[][] members, int n, int k, float[] out);

    private static native void klToConsensus0(int level, float[][] members, int n, int k, boolean max, float[] out);

    private static native void topB0(int level, float[] scores, int n, int b, boolean largest, long[] heap, int[] out);

    // The three feature calls share one C shape; only the k-center step's int (its farthest row) means something.
    private static native int dot0(int level, float[] x, int n, int d, float[] v, int offset, float[] out);

    private static native int squaredDistances0(int level, float[] x, int n, int d, float[] q, int offset, float[] out);

    private static native int updateMinDistances0(int level, float[] x, int n, int d, float[] c, int offset, float[] min);

    private static native int bestLevel0();
}
