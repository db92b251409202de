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
        double[] sd = moments(x, d, fitRows, mean);
        float[] scale = new float[d];
        for (int j = 0; j < d; j++) {
            scale[j] = sd[j] > 1e-12 ? (float) (1 / sd[j]) : 1f;
        }
        return new Stats(mean, scale);
    }

    /** Per feature, its population standard deviation over {@code rows} (the scale of noise augmentations). */
    public static double[] deviations(float[] x, int d, int[] rows) {
        return moments(x, d, rows, new double[d]);
    }

    /** Writes each feature's mean over {@code rows} into {@code mean}; returns the standard deviations. */
    private static double[] moments(float[] x, int d, int[] rows, double[] mean) {
        double[] sq = new double[d];
        for (int r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[r * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        for (int r : rows) {
            for (int j = 0; j < d; j++) {
                double dev = x[r * d + j] - mean[j];
                sq[j] += dev * dev;
            }
        }
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sq[j] / rows.length);
        }
        return sd;
    }

    /** A standardised copy of all n x d rows of {@code x}, fitted on {@code fitRows}. */
    public static float[] standardize(float[] x, int d, int[] fitRows) {
        return fit(x, d, fitRows).apply(x, new float[x.length]);
    }
}
