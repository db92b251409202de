package org.activebench.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import org.activebench.experiment.Role;

/**
 * Strategy colours, the same in every chart: random is always grey and dashed (the baseline); the others take the
 * Okabe-Ito colour-blind-safe palette in config order.
 */
final class Palette {
    private static final Color[] COLOURS = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x8C564B), new Color(0x000000),
        // Paul Tol's muted scheme, for configs with more than eight strategies
        new Color(0x882255), new Color(0x44AA99), new Color(0x999933), new Color(0x332288), new Color(0xDDCC77),
    };
    static final Color RANDOM = new Color(0x6E6E6E);
    static final BasicStroke SOLID = new BasicStroke(2f);
    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 5f}, 0f);
    /** The skyline: an upper bound, drawn unlike any real strategy. */
    static final BasicStroke DOTTED = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {2f, 4f}, 0f);

    private Palette() {
    }

    static Color colour(Analysis analysis, String strategy) {
        Role role = analysis.source().role(strategy);
        if (role == Role.BASELINE) {
            return RANDOM;
        }
        int i = analysis.strategies().stream().filter(s -> analysis.source().role(s) != Role.BASELINE).toList()
                .indexOf(strategy);
        return COLOURS[Math.floorMod(i, COLOURS.length)];
    }

    /** The palette's {@code i}-th colour: for series that are not strategies (routings, annotators). */
    static Color indexed(int i) {
        return COLOURS[Math.floorMod(i, COLOURS.length)];
    }

    static BasicStroke stroke(Role role) {
        return role == Role.BASELINE ? DASHED : role == Role.SKYLINE ? DOTTED : SOLID;
    }

    static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** CSS form of a strategy's colour, for the HTML tables' swatches. */
    static String css(Color c) {
        return String.format("#%06x", c.getRGB() & 0xFFFFFF);
    }
}
