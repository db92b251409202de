/**
 * Query strategies. SPI: {@link org.activebench.strategies.StrategyProvider} declares one,
 * {@link org.activebench.strategies.QueryStrategy} picks rows from a {@link org.activebench.strategies.QueryContext}
 * (whose {@code top} ranks one score per row with the study's tie rule). The built-ins register through the same
 * SPI as nested {@code Provider} classes; {@code TrialState}, {@code Ties} and the selection helpers are the
 * runner's and may change.
 */
package org.activebench.strategies;
