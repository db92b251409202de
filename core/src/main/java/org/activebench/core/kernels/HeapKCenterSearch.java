package org.activebench.core.kernels;

import java.util.Arrays;
import java.util.Objects;

/** A k-center search on the Java heap: each center is one fused {@link ScoreKernels#updateMinDistances} pass. */
final class HeapKCenterSearch implements KCenterSearch {
    private final ScoreKernels kernels;
    private final float[] x;
    private final int n;
    private final int d;
    private float[] distances;

    HeapKCenterSearch(ScoreKernels kernels, float[] x, int n, int d) {
        Objects.checkFromIndexSize(0, Math.multiplyExact(n, d), x.length);
        this.kernels = kernels;
        this.x = x;
        this.n = n;
        this.d = d;
        this.distances = new float[n];
        Arrays.fill(distances, Float.POSITIVE_INFINITY);
    }

    @Override
    public int add(int center) {
        Objects.checkIndex(center, n);
        return kernels.updateMinDistances(x, n, d, x, center * d, open());
    }

    @Override
    public float[] distances() {
        return open().clone();
    }

    @Override
    public void close() {
        distances = null;
    }

    private float[] open() {
        if (distances == null) {
            throw new IllegalStateException("k-center search used after close()");
        }
        return distances;
    }
}
