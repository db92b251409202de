package org.activebench.core.learn;

import org.activebench.core.spi.Provider;

/** Declares and creates a {@link Learner}; register implementations in {@code META-INF/services}. */
public interface LearnerProvider extends Provider<Learner> {
}
