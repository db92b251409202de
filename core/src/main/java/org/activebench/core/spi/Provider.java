package org.activebench.core.spi;

import java.util.List;
import java.util.Set;

/**
 * Declares a component (query strategy, learner, stopping criterion) and creates it from validated parameters.
 * Built-ins and plugins register the same way: a public class with a public no-argument constructor, listed in
 * {@code META-INF/services/} under its kind's interface ({@code StrategyProvider}, {@code LearnerProvider},
 * {@code StoppingProvider}), found with {@link java.util.ServiceLoader}.
 *
 * @param <T> the component type
 */
public interface Provider<T> {

    /**
     * The name in configs and results: {@code [a-z][a-z0-9_]{0,63}}, unique per kind. It is a persisted identifier
     * (results name it), so it never changes once published.
     */
    String name();

    /** One line for {@code activebench list} and the README. */
    String description();

    /** The parameters it takes; values reach {@link #create} validated and complete. */
    default List<ParamSpec<?>> params() {
        return List.of();
    }

    /** What it needs (a teacher, the true labels) with these parameters; checked against the study's data sets. */
    default Set<Capability> capabilities(Parameters params) {
        return Set.of();
    }

    /** Rules between parameters or about the environment; throws {@code ActiveBenchException} naming {@code key}. */
    default void check(Parameters params, String key) {
    }

    /** A new component; called once per study, and the result may serve several threads. */
    T create(Parameters params);
}
