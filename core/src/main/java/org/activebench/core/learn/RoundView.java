package org.activebench.core.learn;

/**
 * One round of the loop as its components see it: the pool rows not asked yet and the current model's class
 * probabilities for them. The probabilities are computed at most once per round, by whoever asks first: the
 * strategy, a stopping criterion or the routing all read the same array.
 */
public interface RoundView {
    /** The pool rows not asked yet, ascending: position i of {@link #probabilities()} is row unlabelled()[i]. */
    int[] unlabelled();

    /**
     * The current model's probabilities for {@link #unlabelled()}: the first unlabelled().length x k values,
     * row-major (the array may be longer; it is overwritten next round, so read it within the round).
     */
    float[] probabilities();

    /** The number of classes. */
    int k();
}
