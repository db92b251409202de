package org.activebench.nativekernels;

import java.util.Objects;

/** The checks every native call makes first: C and CUDA read whatever they are told to, so a bad length must throw. */
final class Bounds {
    /** The C side counts a committee's votes in a fixed array. */
    static final int MAX_COMMITTEE = 256;

    private Bounds() {
    }

    static void rows(float[] p, int n, int k, int outLength) {
        if (k < 1) {
            throw new IllegalArgumentException("k = " + k + " < 1");
        }
        Objects.checkFromIndexSize(0, Math.multiplyExact(n, k), p.length);
        Objects.checkFromIndexSize(0, n, outLength);
    }

    static void committee(float[][] members, int n, int k, int outLength) {
        if (members.length < 1 || members.length > MAX_COMMITTEE) {
            throw new IllegalArgumentException("committee of " + members.length + " outside [1, " + MAX_COMMITTEE + "]");
        }
        for (float[] member : members) {
            rows(member, n, k, outLength);
        }
    }

    static void topB(float[] scores, int n, int b, int outLength) {
        if (b < 1 || b > n) {
            throw new IllegalArgumentException("b = " + b + " outside [1, " + n + "]");
        }
        Objects.checkFromIndexSize(0, n, scores.length);
        Objects.checkFromIndexSize(0, b, outLength);
    }

    static void features(float[] x, int n, int d, float[] v, int offset, int outLength) {
        rows(x, n, d, outLength);
        Objects.checkFromIndexSize(offset, d, v.length);
    }
}
