package org.activebench.core.train;

import org.activebench.core.spi.Provider;

/** Declares and creates an {@link Augmenter}; register implementations in {@code META-INF/services}. */
public interface AugmenterProvider extends Provider<Augmenter> {
}
