package org.activebench.strategies;

import org.activebench.core.kernels.ScoreKernels;

/** Top-b selection over pool scores, shared by the scoring strategies. */
final class Selection {
    private Selection() {
    }

    /** Positions of the {@code batch} best scores, best first, ties by lower position (= lower row index). */
    static int[] top(ScoreKernels kernels, float[] scores, int n, int batch, boolean largest) {
        int[] positions = new int[batch];
        kernels.topB(scores, n, batch, largest, positions);
        return positions;
    }
}
