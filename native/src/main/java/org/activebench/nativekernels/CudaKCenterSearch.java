package org.activebench.nativekernels;

import java.util.Objects;
import org.activebench.core.kernels.KCenterSearch;

/** A k-center search whose matrix and distances live on the GPU until {@link #close()}. */
final class CudaKCenterSearch implements KCenterSearch {
    private final int n;
    private long handle;

    CudaKCenterSearch(float[] x, int n, int d) {
        Bounds.rows(x, n, d, n);
        if (n < 1) {
            throw new IllegalArgumentException("a k-center search needs at least one row");
        }
        this.n = n;
        this.handle = CudaKernels.kCenterOpen0(x, n, d);
    }

    @Override
    public synchronized int add(int center) {
        Objects.checkIndex(center, n);
        return CudaKernels.kCenterAdd0(open(), center);
    }

    @Override
    public synchronized float[] distances() {
        float[] out = new float[n];
        CudaKernels.kCenterDistances0(open(), out);
        return out;
    }

    @Override
    public synchronized void close() {
        if (handle != 0) {
            CudaKernels.kCenterClose0(handle);
            handle = 0;
        }
    }

    private long open() {
        if (handle == 0) {
            throw new IllegalStateException("k-center search used after close()");
        }
        return handle;
    }
}
