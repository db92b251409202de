package org.activebench.core.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class StandardizerTest {
    @Test
    void zScoresOnThePoolRowsOnlyInACopyOrInPlaceAlike() {
        // 4 rows x 2 features; pool rows 0 and 1: feature 0 has mean 2, sd 1; feature 1 is constant (centred only)
        float[] x = {1, 5, 3, 5, 10, 7, -2, 5};
        int[] pool = {0, 1};
        float[] expected = {-1, 0, 1, 0, 8, 2, -4, 0};
        float[] copy = Standardizer.standardize(x, 2, pool);
        assertArrayEquals(expected, copy);
        assertEquals(1f, x[0], "the copy leaves x alone");
        Standardizer.Stats stats = Standardizer.fit(x, 2, pool);
        float[] inPlace = stats.apply(x, x);
        assertSame(x, inPlace);
        assertArrayEquals(copy, inPlace);
        assertEquals(3.0, stats.raw(1, 0), 1e-12, "z = 1 of feature 0 is mean 2 + sd 1");
        assertEquals(-1f, stats.standardised(1, 0));
    }
}
