package org.activebench.reports;

import java.util.Locale;
import org.activebench.reports.stats.MeanInterval;

/** How the report writes numbers; an undefined statistic reads "n/a" with its reason nearby, never a made-up 0. */
final class Numbers {
    static final String NA = "n/a";

    private Numbers() {
    }

    static String fixed(double v, int digits) {
        return Double.isNaN(v) ? NA : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    static String signed(double v, int digits) {
        return Double.isNaN(v) ? NA : String.format(Locale.ROOT, "%+." + digits + "f", v);
    }

    /** "0.9339 ± 0.0098"; with one seed "0.9339 ± n/a". */
    static String meanCi(MeanInterval m, int digits) {
        if (m == null || m.n() == 0) {
            return NA;
        }
        return fixed(m.mean(), digits) + " ± " + fixed(m.halfWidth(), digits);
    }

    static String p(double p) {
        if (Double.isNaN(p)) {
            return NA;
        }
        return p < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /** Labels to reach a fraction of full-pool accuracy: "153 ± 12", "190 (3/5 seeds)", "not reached" or n/a. */
    static String reach(Reach r) {
        if (r.seeds() == 0) {
            return NA;
        }
        if (r.reached() == 0) {
            return "not reached";
        }
        return r.reachedEverywhere() ? meanCi(r.labels(), 0)
                : fixed(r.labels().mean(), 0) + " (" + r.reached() + "/" + r.seeds() + " seeds)";
    }

    static String saving(Reach r) {
        return r.savingVsRandom() == null ? "" : String.format(Locale.ROOT, "%+.0f%%", 100 * r.savingVsRandom());
    }

    /** A number as written in a config: 200, 0.01, 12.5 (no trailing zeros, no exponent). */
    static String plain(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }
}
