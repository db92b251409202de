package org.activebench.strategies;

import org.activebench.core.spi.Provider;

/**
 * Declares and creates a {@link QueryStrategy}: the one way built-in and third-party strategies are registered
 * (list the implementation in {@code META-INF/services/org.activebench.strategies.StrategyProvider}).
 */
public interface StrategyProvider extends Provider<QueryStrategy> {
}
