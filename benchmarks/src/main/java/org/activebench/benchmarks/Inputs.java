package org.activebench.benchmarks;

import java.util.SplittableRandom;

/** Benchmark inputs, fixed by a seed so that every backend and every run scores the same numbers. */
final class Inputs {
    private Inputs() {
    }

    /** n rows of k probabilities, Dirichlet(1) distributed (normalised exponentials): a model's typical output. */
    static float[] probabilities(int n, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] p = new float[Math.multiplyExact(n, k)];
        for (int i = 0; i < n; i++) {
            float sum = 0;
            for (int c = 0; c < k; c++) {
                float e = (float) -Math.log(1 - random.nextDouble());
                p[i * k + c] = e;
                sum += e;
            }
            float scale = 1f / sum;
            for (int c = 0; c < k; c++) {
                p[i * k + c] *= scale;
            }
        }
        return p;
    }

    /** Standard normal values, e.g. embeddings or scores. */
    static float[] gaussian(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
