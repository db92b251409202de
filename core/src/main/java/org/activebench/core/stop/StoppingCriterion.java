package org.activebench.core.stop;

/**
 * Decides after each round whether a trial stops before its budget. Implementations keep no state between calls:
 * everything they may read is in the {@link StopContext}, so a trial's result never depends on who ran it.
 */
@FunctionalInterface
public interface StoppingCriterion {

    /** Whether the trial stops after the round that {@code context} describes. */
    boolean shouldStop(StopContext context);
}
