package org.activebench.core.stop;

import org.activebench.core.spi.Provider;

/** Declares and creates a {@link StoppingCriterion}; register implementations in {@code META-INF/services}. */
public interface StoppingProvider extends Provider<StoppingCriterion> {
}
