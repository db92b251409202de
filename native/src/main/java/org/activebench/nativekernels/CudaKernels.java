package org.activebench.nativekernels;

import org.activebench.core.kernels.KCenterSearch;
import org.activebench.core.kernels.ScoreKernels;

/**
 * The kernels on an NVIDIA GPU where a GPU pays, and on a CPU backend everywhere else. A k-center search keeps its
 * matrix resident on the device (uploaded once, then one fused distance-update + argmax per pick); least
 * confidence, margin, entropy and top-b go to the GPU from {@code minGpuValues} rows x classes, smaller calls stay
 * on the CPU, where the upload alone would cost more than the work. Results follow the same reference: top-b and
 * the comparison scores exactly, sums within {@link #SCORE_TOLERANCE}. CUDA errors throw {@link CudaException}.
 */
public final class CudaKernels implements ScoreKernels {
    /** Row scores of the CUDA library's score0, as it numbers them. */
    private static final int LEAST_CONFIDENCE = 0;
    private static final int MARGIN = 1;
    private static final int ENTROPY = 2;
    private static String probed;
    private final ScoreKernels cpu;
    private final long minGpuValues;

    private CudaKernels(ScoreKernels cpu, long minGpuValues) {
        this.cpu = cpu;
        this.minGpuValues = minGpuValues;
    }

    /**
     * GPU kernels over {@code cpu}; calls of fewer than {@code minGpuValues} values stay on the CPU (0: none do).
     *
     * @throws IllegalStateException with the reason when no CUDA device can be used
     */
    public static CudaKernels create(ScoreKernels cpu, long minGpuValues) {
        String problem = problem();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        return new CudaKernels(cpu, minGpuValues);
    }

    /** Why CUDA cannot serve (library missing, no driver, no device), or null when it can. */
    static synchronized String problem() {
        String library = NativeLibrary.CUDA.problem();
        if (library != null) {
            return library;
        }
        if (probed == null) {
            String device = probe0();
            probed = device == null ? "" : device;
        }
        return probed.isEmpty() ? null : probed;
    }

    /** Device 0 in one line: name, memory, SMs, compute capability, driver and runtime versions. */
    static String device() {
        return describe0();
    }

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public void argmax(float[] p, int n, int k, int[] out) {
        cpu.argmax(p, n, k, out);
    }

    @Override
    public void leastConfidence(float[] p, int n, int k, float[] out) {
        if (onGpu(p, n, k, out)) {
            score0(LEAST_CONFIDENCE, p, n, k, out);
        } else {
            cpu.leastConfidence(p, n, k, out);
        }
    }

    @Override
    public void margin(float[] p, int n, int k, float[] out) {
        if (onGpu(p, n, k, out)) {
            score0(MARGIN, p, n, k, out);
        } else {
            cpu.margin(p, n, k, out);
        }
    }

    @Override
    public void entropy(float[] p, int n, int k, float[] out) {
        if (onGpu(p, n, k, out)) {
            score0(ENTROPY, p, n, k, out);
        } else {
            cpu.entropy(p, n, k, out);
        }
    }

    @Override
    public void entropyFromLogits(float[] logits, int n, int k, float[] out) {
        cpu.entropyFromLogits(logits, n, k, out);
    }

    @Override
    public void voteEntropy(float[][] members, int n, int k, float[] out) {
        cpu.voteEntropy(members, n, k, out);
    }

    @Override
    public void klToConsensus(float[][] members, int n, int k, boolean max, float[] out) {
        cpu.klToConsensus(members, n, k, max, out);
    }

    @Override
    public void topB(float[] scores, int n, int b, boolean largest, int[] out) {
        Bounds.topB(scores, n, b, out.length);
        if (n < minGpuValues) {
            cpu.topB(scores, n, b, largest, out);
        } else {
            topB0(scores, n, b, largest, out);
        }
    }

    @Override
    public void dot(float[] x, int n, int d, float[] v, int vOffset, float[] out) {
        cpu.dot(x, n, d, v, vOffset, out);
    }

    @Override
    public void squaredDistances(float[] x, int n, int d, float[] q, int qOffset, float[] out) {
        cpu.squaredDistances(x, n, d, q, qOffset, out);
    }

    @Override
    public int updateMinDistances(float[] x, int n, int d, float[] c, int cOffset, float[] minDist) {
        return cpu.updateMinDistances(x, n, d, c, cOffset, minDist);
    }

    /** Always on the device: one upload serves every pick of the search. */
    @Override
    public KCenterSearch kCenter(float[] x, int n, int d) {
        return new CudaKCenterSearch(x, n, d);
    }

    /** Whether a row-scoring call is large enough for the GPU (bounds checked first, as for every native call). */
    private boolean onGpu(float[] p, int n, int k, float[] out) {
        Bounds.rows(p, n, k, out.length);
        return n > 0 && (long) n * k >= minGpuValues;
    }

    private static native String probe0();

    private static native String describe0();

    private static native void score0(int op, float[] p, int n, int k, float[] out);

    private static native void topB0(float[] scores, int n, int b, boolean largest, int[] out);

    static native long kCenterOpen0(float[] x, int n, int d);

    static native int kCenterAdd0(long handle, int center);

    static native void kCenterDistances0(long handle, float[] out);

    static native void kCenterClose0(long handle);
}
