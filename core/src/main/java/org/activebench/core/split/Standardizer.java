package org.activebench.core.split;

/**
 * Z-scores every feature with the mean and standard deviation of the pool rows only (the test set must not
 * leak into preprocessing). Constant features are centred and left unscaled.
 */
public final class Standardizer {
    private Standardizer() {
    }

    /**
     * A standardisation: z_j = (v_j − mean_j) · scale_j, scale_j = 1 / sd_j (1 for a constant feature). Augmenters
     * that transform raw values (pixels) undo it and apply it again.
     */
    public record Stats(double[] mean, float[] scale) {
        /** Feature j's raw value of the standardised value z. */
        public double raw(double z, int j) {
            return z / scale[j] + mean[j];
        }

        /** Feature j's standardised value of the raw value v. */
        public float standardised(double v, int j) {
            return (float) ((v - mean[j]) * scale[j]);
        }

        /** {@code x} (rows of the same d features) standardised, into {@code out} (which may be x). */
        public float[] apply(float[] x, float[] out) {
            int d = mean.length;
            for (int i = 0; i < x.length; i++) { // each value read before it is written: out may be x
                int j = i % d;
                out[i] = (float) ((x[i] - mean[j]) * scale[j]);
            }
            return out;
        }
    }

    /** The pool statistics of the n x d rows {@code x}, over {@code fitRows}. */
    public static Stats fit(float[] x, int d, int[] fitRows) {
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
        return new Stats(mean, scale);
    }

    /** A standardised copy of all n x d rows of {@code x}, fitted on {@code fitRows}. */
    public static float[] standardize(float[] x, int d, int[] fitRows) {
        return fit(x, d, fitRows).apply(x, new float[x.length]);
    }
}
