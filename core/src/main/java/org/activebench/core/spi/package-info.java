/**
 * The plugin SPI, one mechanism for built-ins and third parties: a {@link org.activebench.core.spi.Provider}
 * declares a component's name, description and typed {@link org.activebench.core.spi.ParamSpec parameters} and
 * creates it from validated {@link org.activebench.core.spi.Parameters}; providers are found with
 * {@link java.util.ServiceLoader} under their kind's interface ({@code StrategyProvider}, {@code LearnerProvider},
 * {@code StoppingProvider}) and kept in a {@link org.activebench.core.spi.Registry}, which resolves configs into
 * {@link org.activebench.core.spi.Component}s that carry their label, parameters and
 * {@link org.activebench.core.spi.Origin} (jar, version, SHA-256) into results.
 */
package org.activebench.core.spi;
