package org.activebench.core.annotate;

import org.activebench.core.spi.Provider;

/** Declares and creates a {@link Routing} policy; register implementations in {@code META-INF/services}. */
public interface RoutingProvider extends Provider<Routing> {
}
