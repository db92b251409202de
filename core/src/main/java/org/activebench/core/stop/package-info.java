/**
 * Stopping criteria (SPI: {@link org.activebench.core.stop.StoppingProvider},
 * {@link org.activebench.core.stop.StoppingCriterion}, {@link org.activebench.core.stop.StopContext}) and the
 * built-ins {@code target_accuracy} and {@code stabilizing_predictions}.
 */
package org.activebench.core.stop;
