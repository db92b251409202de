package org.activebench.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ZeroShotTest {
    @Test
    void cosineSoftmaxByHand() {
        // text 0 along class 0's description, text 1 at 45 degrees between them, text 2 zero (no direction)
        float[] x = {2, 0, 1, 1, 0, 0};
        float[] descriptions = {1, 0, 0, 3};
        float[] p = ZeroShot.probabilities(x, 3, 2, descriptions, 2, 0.1);
        // text 0: cosines 1 and 0 -> softmax(10, 0)
        assertEquals(1 / (1 + Math.exp(-10)), p[0], 1e-7);
        assertEquals(Math.exp(-10) / (1 + Math.exp(-10)), p[1], 1e-7);
        // text 1: equal cosines -> one half each
        assertEquals(0.5, p[2], 1e-7);
        // text 2: no direction, cosine 0 to both
        assertEquals(0.5, p[4], 1e-7);
        float[] colder = ZeroShot.probabilities(x, 3, 2, descriptions, 2, 1);
        assertEquals(1 / (1 + Math.exp(-1)), colder[0], 1e-7, "the temperature only calibrates");
        assertThrows(IllegalArgumentException.class, () -> ZeroShot.probabilities(x, 3, 2, descriptions, 2, 0));
    }
}
