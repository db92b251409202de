/**
 * Learners. SPI: {@link org.activebench.core.learn.LearnerProvider} declares one, a
 * {@link org.activebench.core.learn.Learner} fits labelled rows into a {@link org.activebench.core.learn.Model} of
 * class probabilities. The built-in learners and their solvers are ActiveBench's own and may change.
 */
package org.activebench.core.learn;
