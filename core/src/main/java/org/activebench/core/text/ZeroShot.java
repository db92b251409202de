package org.activebench.core.text;

/**
 * A zero-shot classifier from sentence embeddings alone: each text is scored against a short description of each class
 * by cosine similarity, and the similarities become probabilities by a softmax at temperature T:
 * p(c | x) = exp(cos(x, d_c) / T) / sum_c' exp(cos(x, d_c') / T). The class ranking, hence the accuracy, does not
 * depend on T; T only calibrates: sentence-embedding similarities of one text to several descriptions typically
 * differ by a few hundredths, so the default {@value #TEMPERATURE} spreads them over a useful range, as CLIP's learnt
 * temperature of 0.01 does for its image-text similarities (Radford et al. 2021).
 */
public final class ZeroShot {
    public static final double TEMPERATURE = 0.05;

    private ZeroShot() {
    }

    /**
     * @param x            n x d text embeddings, row-major
     * @param descriptions k x d embeddings of the class descriptions, in class order
     * @return n x k probabilities, row-major
     */
    public static float[] probabilities(float[] x, int n, int d, float[] descriptions, int k, double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a positive number, got " + temperature);
        }
        double[] norms = new double[k];
        for (int c = 0; c < k; c++) {
            norms[c] = norm(descriptions, c * d, d);
        }
        float[] p = new float[Math.multiplyExact(n, k)];
        double[] logits = new double[k];
        for (int i = 0; i < n; i++) {
            double xi = norm(x, i * d, d);
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += (double) x[i * d + j] * descriptions[c * d + j];
                }
                double cosine = xi == 0 || norms[c] == 0 ? 0 : dot / (xi * norms[c]);
                logits[c] = cosine / temperature;
                max = Math.max(max, logits[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                logits[c] = Math.exp(logits[c] - max);
                sum += logits[c];
            }
            for (int c = 0; c < k; c++) {
                p[i * k + c] = (float) (logits[c] / sum);
            }
        }
        return p;
    }

    private static double norm(float[] v, int from, int d) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
            sum += (double) v[from + j] * v[from + j];
        }
        return Math.sqrt(sum);
    }
}
