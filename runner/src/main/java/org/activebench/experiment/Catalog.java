package org.activebench.experiment;

import java.nio.file.Path;
import java.util.List;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.learn.Learner;
import org.activebench.core.learn.LearnerProvider;
import org.activebench.core.spi.Capability;
import org.activebench.core.spi.Component;
import org.activebench.core.spi.Plugins;
import org.activebench.core.spi.Provider;
import org.activebench.core.spi.Registry;
import org.activebench.core.stop.StoppingCriterion;
import org.activebench.core.stop.StoppingProvider;
import org.activebench.strategies.QueryStrategy;
import org.activebench.strategies.StrategyProvider;

/**
 * Every component a study can name: strategies, learners and stopping criteria, built-ins and plugins found by
 * one {@link java.util.ServiceLoader} mechanism. An immutable value: {@link #load} it once and pass it on; the Java
 * API adds components given in code with {@link #withStrategy} and friends.
 */
public record Catalog(Registry<QueryStrategy> strategies, Registry<Learner> learners,
                      Registry<StoppingCriterion> stopping) {

    /** What is on ActiveBench's class path. */
    public static Catalog builtIn() {
        ClassLoader loader = Catalog.class.getClassLoader();
        return new Catalog(Registry.load(StrategyProvider.class, "strategy", loader),
                Registry.load(LearnerProvider.class, "learner", loader),
                Registry.load(StoppingProvider.class, "stopping criterion", loader));
    }

    /**
     * What is on the class path plus the providers in {@code jars}.
     *
     * @param key where the jars were named ({@code --plugin}, {@code plugins}), for messages
     */
    public static Catalog load(List<Path> jars, String key) {
        return builtIn().plus(jars, key);
    }

    /** This catalog plus the providers in {@code jars}; a name already taken is an error naming both sources. */
    public Catalog plus(List<Path> jars, String key) {
        if (jars.isEmpty()) {
            return this;
        }
        ClassLoader loader = Plugins.loader(jars, key, List.of(StrategyProvider.class, LearnerProvider.class,
                StoppingProvider.class));
        return new Catalog(strategies.plus(StrategyProvider.class, loader), learners.plus(LearnerProvider.class, loader),
                stopping.plus(StoppingProvider.class, loader));
    }

    public Catalog withStrategy(Provider<QueryStrategy> provider) {
        return new Catalog(strategies.with(provider), learners, stopping);
    }

    public Catalog withLearner(Provider<Learner> provider) {
        return new Catalog(strategies, learners.with(provider), stopping);
    }

    public Catalog withStopping(Provider<StoppingCriterion> provider) {
        return new Catalog(strategies, learners, stopping.with(provider));
    }

    /** This catalog plus {@code strategy} (a lambda will do) under {@code name}, without parameters. */
    public Catalog withStrategy(String name, QueryStrategy strategy) {
        return new Catalog(strategies.with(new InCode<>(name, strategy), strategy.getClass()), learners, stopping);
    }

    /** This catalog plus {@code learner} under {@code name}, without parameters. */
    public Catalog withLearner(String name, Learner learner) {
        return new Catalog(strategies, learners.with(new InCode<>(name, learner), learner.getClass()), stopping);
    }

    /** This catalog plus {@code criterion} (a lambda will do) under {@code name}, without parameters. */
    public Catalog withStopping(String name, StoppingCriterion criterion) {
        return new Catalog(strategies, learners, stopping.with(new InCode<>(name, criterion), criterion.getClass()));
    }

    /**
     * A strategy of the config; one that reads the true labels must be acknowledged with {@code "skyline": true}.
     *
     * @param key its config path, e.g. {@code strategies[2]}
     */
    public Component<QueryStrategy> strategy(ComponentSpec spec, String key) {
        Component<QueryStrategy> c = create(strategies, spec, key);
        boolean skyline = c.capabilities().contains(Capability.READS_TRUE_LABELS);
        if (skyline != Boolean.TRUE.equals(spec.skyline()) && (skyline || spec.skyline() != null)) {
            throw new ActiveBenchException(key + (skyline
                    ? ": " + spec.name() + " reads the pool's true labels, an upper bound no real strategy can reach; select"
                    + " it explicitly with {\"name\": \"" + spec.name() + "\", \"skyline\": true}"
                    : ".skyline: only for a skyline, a component that reads the true labels; " + spec.name() + " does not"));
        }
        return c;
    }

    public Component<Learner> learner(ComponentSpec spec, String key) {
        requireNoSkyline(spec, key);
        return create(learners, spec, key);
    }

    public Component<StoppingCriterion> stopping(ComponentSpec spec, String key) {
        requireNoSkyline(spec, key);
        return create(stopping, spec, key);
    }

    private static void requireNoSkyline(ComponentSpec spec, String key) {
        if (spec.skyline() != null) {
            throw new ActiveBenchException(key + ".skyline: only for strategies that read the true labels");
        }
    }

    private static <T> Component<T> create(Registry<T> registry, ComponentSpec spec, String key) {
        if (spec.flat()) {
            System.err.println("warning: " + key + ": parameters next to \"name\" are deprecated; write {\"name\": \""
                    + spec.name() + "\", \"params\": {...}}");
        }
        return registry.create(spec.name(), spec.params(), key);
    }
}
