package org.activebench.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.SplittableRandom;
import org.activebench.core.ActiveBenchException;
import org.junit.jupiter.api.Test;

/** The in-place number parser gives exactly {@code Float.parseFloat}'s float for every decimal of the grammar. */
class FieldsTest {
    private static void assertSame(String text) {
        float expected = Float.parseFloat(text);
        char[] field = ("  " + text + "\t").toCharArray();
        if (!Float.isFinite(expected)) {
            assertThrows(ActiveBenchException.class, () -> Fields.number(field, 0, field.length, "f", 1, "c"), text);
            return;
        }
        float actual = Fields.number(field, 0, field.length, "f", 1, "c");
        assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual), text);
    }

    @Test
    void agreesWithParseFloatOnRandomDecimalsOfEveryShape() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 300_000; i++) {
            double v = Math.exp(random.nextDouble(-90, 88)) * (random.nextBoolean() ? 1 : -1);
            assertSame(String.format(Locale.ROOT, "%." + random.nextInt(1, 12) + "g", v));
            assertSame(Float.toString((float) v));
            assertSame(Double.toString(v));
            StringBuilder digits = new StringBuilder();
            for (int d = random.nextInt(1, 26); d > 0; d--) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            int point = random.nextInt(digits.length() + 1);
            String number = digits.substring(0, point) + "." + digits.substring(point);
            assertSame(number.equals(".") ? "0" : number);
            assertSame(digits + "e" + random.nextInt(-60, 40));
        }
    }

    @Test
    void agreesAtAndAroundHalfwayPointsZeroesAndSubnormals() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt(0x0080_0000, 0x7F7F_FFFF));
            BigDecimal halfway = new BigDecimal(f).add(new BigDecimal(Math.nextUp(f))).divide(BigDecimal.TWO);
            assertSame(halfway.toPlainString().length() < 60 ? halfway.toPlainString() : halfway.toString());
            assertSame(halfway.round(new java.math.MathContext(17)).toString());
            assertSame(halfway.round(new java.math.MathContext(9)).toString());
        }
        for (String s : new String[] {"0", "-0", "0.000", "+0e5", "1e-39", "1.4e-45", "7e-46", "3.4028235e38",
                "3.4028236e38", "1.17549435e-38", "16777217", "16777216.5", "0.1", "123456789012345678",
                "9007199254740993", "1e22", "1e23", "12345678901234567890e-10", "000000000000000000000001.5"}) {
            assertSame(s);
        }
    }
}
