package org.activebench.core.train;

import org.activebench.core.spi.Provider;

/** Declares and creates a {@link Weighting}; register implementations in {@code META-INF/services}. */
public interface WeightingProvider extends Provider<Weighting> {
}
