package org.activebench.core.split;

/**
 * Z-scores every feature with the mean and standard deviation of the pool rows only (the test set must not
 * leak into preprocessing). Constant features are centred and left unscaled.
 */
public final class Standardizer {
    private Standardizer() {
    }

    /** A standardised copy of all n x d rows of {@code x}, fitted on {@code fitRows}. */
    public static float[] standardize(float[] x, int d, int[] fitRows) {
        return standardize(x, d, fitRows, new float[x.length]);
    }

    /** {@link #standardize} into {@code x} itself, for a caller that owns x and needs it no more: one copy fewer. */
    public static float[] standardizeInPlace(float[] x, int d, int[] fitRows) {
        return standardize(x, d, fitRows, x);
    }

    /**
     * {@code other} (rows of the same d features, e.g. the embeddings of the texts' paraphrases) standardised as
     * {@link #standardize} standardises {@code x}: with x's pool means and deviations, a new array.
     */
    public static float[] standardizeLike(float[] other, float[] x, int d, int[] fitRows) {
        return standardize(x, d, fitRows, other, new float[other.length]);
    }

    private static float[] standardize(float[] x, int d, int[] fitRows, float[] out) {
        return standardize(x, d, fitRows, x, out);
    }

    /** {@code target} z-scored with the pool statistics of {@code x}, into {@code out} (which may be target). */
    private static float[] standardize(float[] x, int d, int[] fitRows, float[] target, float[] out) {
        double[] mean = new double[d];
        double[] sq = new double[d];
        for (int r : fitRows) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[r * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= fitRows.length;
        }
        for (int r : fitRows) {
            for (int j = 0; j < d; j++) {
                double dev = x[r * d + j] - mean[j];
                sq[j] += dev * dev;
            }
        }
        float[] scale = new float[d];
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(sq[j] / fitRows.length);
            scale[j] = sd > 1e-12 ? (float) (1 / sd) : 1f;
        }
        for (int i = 0; i < target.length; i++) { // each value read before it is written: out may be the target
            int j = i % d;
            out[i] = (float) ((target[i] - mean[j]) * scale[j]);
        }
        return out;
    }
}
