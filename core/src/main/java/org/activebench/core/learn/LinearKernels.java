package org.activebench.core.learn;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The hot loops of a linear model, in double on the Panama Vector API: logits Z = X·Wᵀ + b and the gradient Rᵀ·X
 * of a block of rows, and the dot products of the optimiser. Parameters are laid out class by class as
 * [w_c (d values), b_c]. Vectors are 256 bits on every CPU, so sums are added in the same order (and rounded the
 * same way) on AVX2 and AVX-512 machines. Only operations that round the same in every implementation are used
 * (loads, add, multiply, fused multiply-add, lane reads): {@code reduceLanes} may add in any order and the vector
 * EXP is not {@code Math.exp}, and both differ between C2's intrinsics and the interpreter's fallback, which made a
 * fit depend on how far the JIT had got; exponentials come from {@link Exp}, built from those operations. Rows go
 * in blocks of {@link #BLOCK}, a fixed size, so that results do not
 * depend on how many threads run the blocks.
 */
final class LinearKernels {
    /** Rows per block: a block's features and logits stay in cache from the logits to the gradient. */
    static final int BLOCK = 256;
    /** Below this many multiply-adds per call, a second thread costs more than it saves. */
    private static final long PARALLEL_WORK = 1 << 18;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
    private static final int L = D.length();
    /** Rows that share one load of a weight vector; each has its own accumulator, so latency is hidden too. */
    private static final int ROWS = 4;
    /**
     * Vectors of one row the gradient accumulates at once, for two classes: eight independent chains hide the FMA
     * latency, and each loaded vector feeds two of them (twelve registers of AVX2's sixteen).
     */
    private static final int SLAB = 4;

    private LinearKernels() {
    }

    /**
     * Runs {@code block} for every block of {@code n} rows ({@code [b·BLOCK, min(n, (b+1)·BLOCK))}), on the common
     * pool when there are several blocks and enough work ({@code workPerRow} multiply-adds each).
     */
    static void forEachBlock(int n, long workPerRow, IntConsumer block) {
        forEach(blocks(n), (long) Math.min(n, BLOCK) * workPerRow, block);
    }

    /** Runs {@code task} for each of {@code count} independent items, on the common pool when there is enough work. */
    static void forEach(int count, long workPerItem, IntConsumer task) {
        IntStream ids = IntStream.range(0, count);
        (count > 1 && count * workPerItem >= PARALLEL_WORK ? ids.parallel() : ids).forEach(task);
    }

    static int blocks(int n) {
        return (n + BLOCK - 1) / BLOCK;
    }

    /** Rows {@code rows[from .. from+count)} of the n x d float matrix x, as doubles packed row-major into out. */
    static void gather(float[] x, int d, int[] rows, int from, int count, double[] out) {
        for (int i = 0; i < count; i++) {
            int source = rows[from + i] * d;
            int target = i * d;
            for (int j = 0; j < d; j++) {
                out[target + j] = x[source + j];
            }
        }
    }

    /** a · b over four accumulators, always combined in the same order. */
    static double dot(double[] a, double[] b) {
        return dot(a, 0, b, 0, a.length);
    }

    /** a[aFrom ..] · b[bFrom ..] over {@code n} values, four accumulators always combined in the same order. */
    static double dot(double[] a, int aFrom, double[] b, int bFrom, int n) {
        int wide = n - n % (4 * L);
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        for (int i = 0; i < wide; i += 4 * L) {
            s0 = DoubleVector.fromArray(D, a, aFrom + i).fma(DoubleVector.fromArray(D, b, bFrom + i), s0);
            s1 = DoubleVector.fromArray(D, a, aFrom + i + L).fma(DoubleVector.fromArray(D, b, bFrom + i + L), s1);
            s2 = DoubleVector.fromArray(D, a, aFrom + i + 2 * L).fma(DoubleVector.fromArray(D, b, bFrom + i + 2 * L), s2);
            s3 = DoubleVector.fromArray(D, a, aFrom + i + 3 * L).fma(DoubleVector.fromArray(D, b, bFrom + i + 3 * L), s3);
        }
        double sum = sum(s0.add(s1).add(s2.add(s3)));
        for (int i = wide; i < n; i++) {
            sum = Math.fma(a[aFrom + i], b[bFrom + i], sum);
        }
        return sum;
    }

    /** y += a · x. */
    static void axpy(double a, double[] x, double[] y) {
        axpy(a, x, 0, y, 0, x.length);
    }

    /** {@code y[yFrom + j] += a · x[xFrom + j]} for j < length. */
    static void axpy(double a, double[] x, int xFrom, double[] y, int yFrom, int length) {
        int bound = D.loopBound(length);
        DoubleVector av = DoubleVector.broadcast(D, a);
        for (int j = 0; j < bound; j += L) {
            DoubleVector.fromArray(D, x, xFrom + j).fma(av, DoubleVector.fromArray(D, y, yFrom + j)).intoArray(y, yFrom + j);
        }
        for (int j = bound; j < length; j++) {
            y[yFrom + j] = Math.fma(x[xFrom + j], a, y[yFrom + j]);
        }
    }

    /**
     * The lower triangle of Σ_i weight_i·(x_i, 1)(x_i, 1)ᵀ added into the row-major (d+1) x (d+1) matrix a, over the
     * n rows of x (row-major, d wide). Four rows go into each pass over a row of a, so a is loaded and stored a
     * quarter as often as by rank-one updates.
     */
    static void addWeightedGram(double[] x, int d, int n, double[] weight, double[] a) {
        int q = d + 1;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            int x0 = i * d;
            int x1 = x0 + d;
            int x2 = x1 + d;
            int x3 = x2 + d;
            for (int j = 0; j <= d; j++) { // row j of a; row d is the intercept's, whose feature is 1
                double c0 = weight[i] * (j < d ? x[x0 + j] : 1);
                double c1 = weight[i + 1] * (j < d ? x[x1 + j] : 1);
                double c2 = weight[i + 2] * (j < d ? x[x2 + j] : 1);
                double c3 = weight[i + 3] * (j < d ? x[x3 + j] : 1);
                int length = Math.min(j + 1, d);
                int bound = D.loopBound(length);
                int aj = j * q;
                DoubleVector v0 = DoubleVector.broadcast(D, c0);
                DoubleVector v1 = DoubleVector.broadcast(D, c1);
                DoubleVector v2 = DoubleVector.broadcast(D, c2);
                DoubleVector v3 = DoubleVector.broadcast(D, c3);
                for (int k = 0; k < bound; k += L) {
                    DoubleVector sum = DoubleVector.fromArray(D, a, aj + k);
                    sum = DoubleVector.fromArray(D, x, x0 + k).fma(v0, sum);
                    sum = DoubleVector.fromArray(D, x, x1 + k).fma(v1, sum);
                    sum = DoubleVector.fromArray(D, x, x2 + k).fma(v2, sum);
                    sum = DoubleVector.fromArray(D, x, x3 + k).fma(v3, sum);
                    sum.intoArray(a, aj + k);
                }
                for (int k = bound; k < length; k++) {
                    a[aj + k] = Math.fma(x[x3 + k], c3, Math.fma(x[x2 + k], c2, Math.fma(x[x1 + k], c1,
                            Math.fma(x[x0 + k], c0, a[aj + k]))));
                }
                if (j == d) {
                    a[aj + d] += c0 + c1 + c2 + c3;
                }
            }
        }
        for (; i < n; i++) {
            int xi = i * d;
            for (int j = 0; j < d; j++) {
                axpy(weight[i] * x[xi + j], x, xi, a, j * q, j + 1);
            }
            axpy(weight[i], x, xi, a, d * q, d);
            a[d * q + d] += weight[i];
        }
    }

    /**
     * {@code z[i·m + c] = w_c · x_i + b_c} for the {@code rows} rows of {@code x} (row-major, d wide) that start at
     * {@code offset}. A row's logits do not depend on which other rows are in the block.
     */
    static void logits(double[] w, int m, double[] x, int offset, int rows, int d, double[] z) {
        int stride = d + 1;
        int bound = D.loopBound(d);
        int i = 0;
        for (; i + ROWS <= rows; i += ROWS) { // four rows stay in L1 while every class's weights pass by
            int x0 = offset + i * d;
            int x1 = x0 + d;
            int x2 = x1 + d;
            int x3 = x2 + d;
            int c = 0;
            for (; c + 2 <= m; c += 2) { // two classes per pass: each row vector loaded feeds two FMAs
                int wc = c * stride;
                int wd = wc + stride;
                DoubleVector a0 = DoubleVector.zero(D);
                DoubleVector a1 = a0;
                DoubleVector a2 = a0;
                DoubleVector a3 = a0;
                DoubleVector b0 = a0;
                DoubleVector b1 = a0;
                DoubleVector b2 = a0;
                DoubleVector b3 = a0;
                for (int j = 0; j < bound; j += L) {
                    DoubleVector wv = DoubleVector.fromArray(D, w, wc + j);
                    DoubleVector vv = DoubleVector.fromArray(D, w, wd + j);
                    DoubleVector r0 = DoubleVector.fromArray(D, x, x0 + j);
                    DoubleVector r1 = DoubleVector.fromArray(D, x, x1 + j);
                    DoubleVector r2 = DoubleVector.fromArray(D, x, x2 + j);
                    DoubleVector r3 = DoubleVector.fromArray(D, x, x3 + j);
                    a0 = r0.fma(wv, a0);
                    a1 = r1.fma(wv, a1);
                    a2 = r2.fma(wv, a2);
                    a3 = r3.fma(wv, a3);
                    b0 = r0.fma(vv, b0);
                    b1 = r1.fma(vv, b1);
                    b2 = r2.fma(vv, b2);
                    b3 = r3.fma(vv, b3);
                }
                double bias = w[wc + d];
                z[i * m + c] = tail(w, wc, x, x0, bound, d, sum(a0)) + bias;
                z[(i + 1) * m + c] = tail(w, wc, x, x1, bound, d, sum(a1)) + bias;
                z[(i + 2) * m + c] = tail(w, wc, x, x2, bound, d, sum(a2)) + bias;
                z[(i + 3) * m + c] = tail(w, wc, x, x3, bound, d, sum(a3)) + bias;
                bias = w[wd + d];
                z[i * m + c + 1] = tail(w, wd, x, x0, bound, d, sum(b0)) + bias;
                z[(i + 1) * m + c + 1] = tail(w, wd, x, x1, bound, d, sum(b1)) + bias;
                z[(i + 2) * m + c + 1] = tail(w, wd, x, x2, bound, d, sum(b2)) + bias;
                z[(i + 3) * m + c + 1] = tail(w, wd, x, x3, bound, d, sum(b3)) + bias;
            }
            for (; c < m; c++) {
                int wc = c * stride;
                DoubleVector a0 = DoubleVector.zero(D);
                DoubleVector a1 = a0;
                DoubleVector a2 = a0;
                DoubleVector a3 = a0;
                for (int j = 0; j < bound; j += L) {
                    DoubleVector wv = DoubleVector.fromArray(D, w, wc + j);
                    a0 = DoubleVector.fromArray(D, x, x0 + j).fma(wv, a0);
                    a1 = DoubleVector.fromArray(D, x, x1 + j).fma(wv, a1);
                    a2 = DoubleVector.fromArray(D, x, x2 + j).fma(wv, a2);
                    a3 = DoubleVector.fromArray(D, x, x3 + j).fma(wv, a3);
                }
                double bias = w[wc + d];
                z[i * m + c] = tail(w, wc, x, x0, bound, d, sum(a0)) + bias;
                z[(i + 1) * m + c] = tail(w, wc, x, x1, bound, d, sum(a1)) + bias;
                z[(i + 2) * m + c] = tail(w, wc, x, x2, bound, d, sum(a2)) + bias;
                z[(i + 3) * m + c] = tail(w, wc, x, x3, bound, d, sum(a3)) + bias;
            }
        }
        for (; i < rows; i++) { // the same sums as above, one row at a time
            int xi = offset + i * d;
            for (int c = 0; c < m; c++) {
                int wc = c * stride;
                DoubleVector a = DoubleVector.zero(D);
                for (int j = 0; j < bound; j += L) {
                    a = DoubleVector.fromArray(D, x, xi + j).fma(DoubleVector.fromArray(D, w, wc + j), a);
                }
                z[i * m + c] = tail(w, wc, x, xi, bound, d, sum(a)) + w[wc + d];
            }
        }
    }

    /** {@code sum} plus the products of features {@code [from, d)} that do not fill a vector. */
    private static double tail(double[] w, int wc, double[] x, int xi, int from, int d, double sum) {
        for (int j = from; j < d; j++) {
            sum = Math.fma(x[xi + j], w[wc + j], sum);
        }
        return sum;
    }

    /**
     * {@code g_c[j] += Σ_i r[i·m + c] · x_i[j]} and {@code g_c[d] += Σ_i r[i·m + c]} over the {@code rows} rows of
     * {@code x} that start at {@code offset}. Every sum runs over the rows in order as a chain of fused multiply-adds from 0, in vector lanes
     * and scalar tail alike, so each value is exactly the scalar loop's.
     */
    static void addGradient(double[] r, int m, double[] x, int offset, int rows, int d, double[] g) {
        int stride = d + 1;
        int wide = d - d % (SLAB * L);
        int bound = D.loopBound(d);
        int j = 0;
        for (; j < wide; j += SLAB * L) { // a slab of four vectors per row stays in L1 while every class passes over it
            int c = 0;
            for (; c + 2 <= m; c += 2) { // two classes per pass: each row vector loaded feeds two FMAs
                DoubleVector a0 = DoubleVector.zero(D);
                DoubleVector a1 = a0;
                DoubleVector a2 = a0;
                DoubleVector a3 = a0;
                DoubleVector b0 = a0;
                DoubleVector b1 = a0;
                DoubleVector b2 = a0;
                DoubleVector b3 = a0;
                for (int i = 0; i < rows; i++) {
                    DoubleVector ri = DoubleVector.broadcast(D, r[i * m + c]);
                    DoubleVector si = DoubleVector.broadcast(D, r[i * m + c + 1]);
                    int xi = offset + i * d + j;
                    DoubleVector x0 = DoubleVector.fromArray(D, x, xi);
                    DoubleVector x1 = DoubleVector.fromArray(D, x, xi + L);
                    DoubleVector x2 = DoubleVector.fromArray(D, x, xi + 2 * L);
                    DoubleVector x3 = DoubleVector.fromArray(D, x, xi + 3 * L);
                    a0 = x0.fma(ri, a0);
                    a1 = x1.fma(ri, a1);
                    a2 = x2.fma(ri, a2);
                    a3 = x3.fma(ri, a3);
                    b0 = x0.fma(si, b0);
                    b1 = x1.fma(si, b1);
                    b2 = x2.fma(si, b2);
                    b3 = x3.fma(si, b3);
                }
                addSlab(g, c * stride + j, a0, a1, a2, a3);
                addSlab(g, (c + 1) * stride + j, b0, b1, b2, b3);
            }
            for (; c < m; c++) {
                DoubleVector a0 = DoubleVector.zero(D);
                DoubleVector a1 = a0;
                DoubleVector a2 = a0;
                DoubleVector a3 = a0;
                for (int i = 0; i < rows; i++) {
                    DoubleVector ri = DoubleVector.broadcast(D, r[i * m + c]);
                    int xi = offset + i * d + j;
                    a0 = DoubleVector.fromArray(D, x, xi).fma(ri, a0);
                    a1 = DoubleVector.fromArray(D, x, xi + L).fma(ri, a1);
                    a2 = DoubleVector.fromArray(D, x, xi + 2 * L).fma(ri, a2);
                    a3 = DoubleVector.fromArray(D, x, xi + 3 * L).fma(ri, a3);
                }
                addSlab(g, c * stride + j, a0, a1, a2, a3);
            }
        }
        for (; j < bound; j += L) {
            for (int c = 0; c < m; c++) {
                DoubleVector a = DoubleVector.zero(D);
                for (int i = 0; i < rows; i++) {
                    a = DoubleVector.fromArray(D, x, offset + i * d + j).fma(DoubleVector.broadcast(D, r[i * m + c]), a);
                }
                int gj = c * stride + j;
                DoubleVector.fromArray(D, g, gj).add(a).intoArray(g, gj);
            }
        }
        for (; j < d; j++) {
            for (int c = 0; c < m; c++) {
                double sum = 0;
                for (int i = 0; i < rows; i++) {
                    sum = Math.fma(x[offset + i * d + j], r[i * m + c], sum);
                }
                g[c * stride + j] += sum;
            }
        }
        for (int c = 0; c < m; c++) {
            double bias = 0;
            for (int i = 0; i < rows; i++) {
                bias += r[i * m + c];
            }
            g[c * stride + d] += bias;
        }
    }

    /**
     * Replaces each row of the rows x m logits in z by its softmax and writes the row's log Σ exp z into
     * {@code logSum[i]}. Each row is shifted by its maximum first, so that no exponential overflows.
     */
    static void softmax(double[] z, int rows, int m, double[] logSum) {
        for (int i = 0; i < rows; i++) {
            int row = i * m;
            double max = z[row];
            for (int c = 1; c < m; c++) {
                max = Math.max(max, z[row + c]);
            }
            for (int c = 0; c < m; c++) {
                z[row + c] -= max;
            }
            logSum[i] = max;
        }
        Exp.expInPlace(z, 0, rows * m); // the whole block at once: m is often shorter than a vector
        for (int i = 0; i < rows; i++) {
            int row = i * m;
            double sum = 0;
            for (int c = 0; c < m; c++) {
                sum += z[row + c];
            }
            double inverse = 1 / sum;
            for (int c = 0; c < m; c++) {
                z[row + c] *= inverse;
            }
            logSum[i] += Math.log(sum);
        }
    }

    /** g[at .. at + 4L) += the four vectors. */
    private static void addSlab(double[] g, int at, DoubleVector a0, DoubleVector a1, DoubleVector a2, DoubleVector a3) {
        DoubleVector.fromArray(D, g, at).add(a0).intoArray(g, at);
        DoubleVector.fromArray(D, g, at + L).add(a1).intoArray(g, at + L);
        DoubleVector.fromArray(D, g, at + 2 * L).add(a2).intoArray(g, at + 2 * L);
        DoubleVector.fromArray(D, g, at + 3 * L).add(a3).intoArray(g, at + 3 * L);
    }

    /** The lanes of v added in lane order. */
    private static double sum(DoubleVector v) {
        double sum = v.lane(0);
        for (int lane = 1; lane < L; lane++) {
            sum += v.lane(lane);
        }
        return sum;
    }
}
