package org.activebench.core.train;

import java.util.List;
import java.util.SplittableRandom;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Parameters;

/**
 * Image augmentation for rows that are H x W pixels (row-major): each copy shifts the image by (dy, dx), each drawn
 * uniformly from −shift..shift, and rotates it by an angle drawn uniformly from ±degrees about its centre (nearest
 * pixel; pixels that come from outside the image are 0, the background of digit scans), optionally mirrored left to
 * right with probability 1/2 (wrong for digits and letters, hence off by default). Pixels are transformed as raw values:
 * the standardisation is undone and applied again. The copy keeps the row's label.
 */
public final class Pixels implements AugmenterProvider {
    static final ParamSpec<String> SHAPE = ParamSpec.text("shape", "", "height x width of each image, e.g. 28x28");
    static final ParamSpec<Integer> COPIES = ParamSpec.integer("copies", 1, 1, 100, "augmented copies per labelled row");
    static final ParamSpec<Integer> SHIFT = ParamSpec.integer("shift", 2, 0, 1000, "largest shift in pixels, each direction");
    static final ParamSpec<Double> DEGREES = ParamSpec.real("degrees", 10, 0, 180, "largest rotation in degrees, either way");
    static final ParamSpec<Boolean> FLIP = ParamSpec.flag("flip", false, "mirror left to right with probability 1/2");
    static final ParamSpec<Double> WEIGHT = ParamSpec.realAbove("weight", 1.0, 0, 1e6, "weight of each copy");

    @Override
    public String name() {
        return "pixels";
    }

    @Override
    public String description() {
        return "images of `shape`: copies shifted by up to `shift` pixels and rotated by up to `degrees`, optionally mirrored";
    }

    @Override
    public List<ParamSpec<?>> params() {
        return List.of(SHAPE, COPIES, SHIFT, DEGREES, FLIP, WEIGHT);
    }

    @Override
    public void check(Parameters params, String key) {
        shape(params.get(SHAPE), key);
    }

    /** {height, width} of "HxW". */
    static int[] shape(String text, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([1-9][0-9]{0,4})x([1-9][0-9]{0,4})").matcher(text);
        if (!m.matches()) {
            throw new ActiveBenchException(key + ".params.shape: height x width is required, e.g. 28x28, got '" + text + "'");
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    @Override
    public Augmenter create(Parameters params) {
        int[] hw = shape(params.get(SHAPE), "augment");
        int copies = params.get(COPIES);
        int shift = params.get(SHIFT);
        double degrees = params.get(DEGREES);
        boolean flip = params.get(FLIP);
        double weight = params.get(WEIGHT);
        return new Augmenter() {
            @Override
            public Augmented augment(AugmentContext context) {
                int n = context.set().rows().length;
                int d = context.set().d();
                float[] x = new float[n * copies * d];
                int[] labels = new int[n * copies];
                double[] weights = new double[n * copies];
                double[] raw = new double[d];
                for (int i = 0; i < n; i++) {
                    float[] row = context.row(i);
                    for (int j = 0; j < d; j++) {
                        raw[j] = context.standardization().raw(row[j], j);
                    }
                    SplittableRandom random = new SplittableRandom(context.rowSeed(i));
                    for (int c = 0; c < copies; c++) {
                        int dy = shift == 0 ? 0 : random.nextInt(-shift, shift + 1);
                        int dx = shift == 0 ? 0 : random.nextInt(-shift, shift + 1);
                        double angle = Math.toRadians(degrees == 0 ? 0 : random.nextDouble(-degrees, degrees));
                        boolean mirror = flip && random.nextBoolean();
                        int e = i * copies + c;
                        transform(raw, hw[0], hw[1], dy, dx, angle, mirror, x, e * d, context);
                        labels[e] = context.set().labels()[i];
                        weights[e] = weight;
                    }
                }
                return new Augmented(x, labels, weights);
            }

            @Override
            public void check(int features, String dataset, String key) {
                if (hw[0] * hw[1] != features) {
                    throw new ActiveBenchException(key + ".params.shape: " + hw[0] + "x" + hw[1] + " is " + hw[0] * hw[1]
                            + " pixels, but data set '" + dataset + "' has " + features + " features");
                }
            }
        };
    }

    /**
     * Output pixel (r, c) takes the raw value at the source the inverse transform gives: undo the shift, rotate by
     * −angle about the centre, mirror; nearest pixel, 0 outside. Written standardised into out at offset.
     */
    static void transform(double[] raw, int h, int w, int dy, int dx, double angle, boolean mirror, float[] out,
                          int offset, AugmentContext context) {
        double cy = (h - 1) / 2.0;
        double cx = (w - 1) / 2.0;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double y = r - dy - cy;
                double xx = c - dx - cx;
                int sr = (int) Math.round(cos * y + sin * xx + cy);
                int sc = (int) Math.round(-sin * y + cos * xx + cx);
                if (mirror) {
                    sc = w - 1 - sc;
                }
                double v = sr >= 0 && sr < h && sc >= 0 && sc < w ? raw[sr * w + sc] : 0;
                out[offset + r * w + c] = context.standardization().standardised(v, r * w + c);
            }
        }
    }
}
