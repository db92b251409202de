package org.activebench.experiment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.learn.Learner;
import org.activebench.core.spi.Capability;
import org.activebench.core.spi.Component;
import org.activebench.core.spi.Plugins;
import org.activebench.core.spi.Provider;
import org.activebench.core.spi.Registry;
import org.activebench.core.stop.StoppingCriterion;
import org.activebench.strategies.QueryStrategy;

/**
 * Every component a study can name, of every {@link ComponentKind}: built-ins and plugins found by one
 * {@link java.util.ServiceLoader} mechanism. An immutable value: {@link #load} it once and pass it on; the Java API
 * adds components given in code with {@link #withStrategy} and friends.
 */
public final class Catalog {
    private final Map<ComponentKind<?>, Registry<?>> registries;

    private Catalog(Map<ComponentKind<?>, Registry<?>> registries) {
        this.registries = Map.copyOf(registries);
    }

    /** What is on ActiveBench's class path. */
    public static Catalog builtIn() {
        ClassLoader loader = Catalog.class.getClassLoader();
        Map<ComponentKind<?>, Registry<?>> all = new LinkedHashMap<>();
        for (ComponentKind<?> kind : ComponentKind.ALL) {
            all.put(kind, load(kind, loader));
        }
        return new Catalog(all);
    }

    private static <T> Registry<T> load(ComponentKind<T> kind, ClassLoader loader) {
        return Registry.load(kind.service(), kind.singular(), loader);
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
        ClassLoader loader = Plugins.loader(jars, key, ComponentKind.ALL.stream().<Class<?>>map(ComponentKind::service).toList());
        Map<ComponentKind<?>, Registry<?>> all = new LinkedHashMap<>();
        for (ComponentKind<?> kind : ComponentKind.ALL) {
            all.put(kind, plus(kind, loader));
        }
        return new Catalog(all);
    }

    private <T> Registry<T> plus(ComponentKind<T> kind, ClassLoader loader) {
        return registry(kind).plus(kind.service(), loader);
    }

    /** The components of one kind. */
    @SuppressWarnings("unchecked")
    public <T> Registry<T> registry(ComponentKind<T> kind) {
        return (Registry<T>) registries.get(kind);
    }

    public Registry<QueryStrategy> strategies() {
        return registry(ComponentKind.STRATEGIES);
    }

    public Registry<Learner> learners() {
        return registry(ComponentKind.LEARNERS);
    }

    public Registry<StoppingCriterion> stopping() {
        return registry(ComponentKind.STOPPING);
    }

    /** This catalog plus {@code provider} of {@code kind}, whose code is {@code code} (null: the provider's). */
    private <T> Catalog with(ComponentKind<T> kind, Provider<T> provider, Class<?> code) {
        Map<ComponentKind<?>, Registry<?>> all = new LinkedHashMap<>(registries);
        all.put(kind, code == null ? registry(kind).with(provider) : registry(kind).with(provider, code));
        return new Catalog(all);
    }

    public Catalog withStrategy(Provider<QueryStrategy> provider) {
        return with(ComponentKind.STRATEGIES, provider, null);
    }

    public Catalog withLearner(Provider<Learner> provider) {
        return with(ComponentKind.LEARNERS, provider, null);
    }

    public Catalog withStopping(Provider<StoppingCriterion> provider) {
        return with(ComponentKind.STOPPING, provider, null);
    }

    /** This catalog plus {@code strategy} (a lambda will do) under {@code name}, without parameters. */
    public Catalog withStrategy(String name, QueryStrategy strategy) {
        return with(ComponentKind.STRATEGIES, new InCode<>(name, strategy), strategy.getClass());
    }

    /** This catalog plus {@code learner} under {@code name}, without parameters. */
    public Catalog withLearner(String name, Learner learner) {
        return with(ComponentKind.LEARNERS, new InCode<>(name, learner), learner.getClass());
    }

    /** This catalog plus {@code component} of {@code kind} (a lambda will do) under {@code name}, without parameters. */
    public <T> Catalog with(ComponentKind<T> kind, String name, T component) {
        return with(kind, new InCode<>(name, component), component.getClass());
    }

    /** This catalog plus {@code criterion} (a lambda will do) under {@code name}, without parameters. */
    public Catalog withStopping(String name, StoppingCriterion criterion) {
        return with(ComponentKind.STOPPING, new InCode<>(name, criterion), criterion.getClass());
    }

    /**
     * A strategy of the config; one that reads the true labels must be acknowledged with {@code "skyline": true}.
     *
     * @param key its config path, e.g. {@code strategies[2]}
     */
    public Component<QueryStrategy> strategy(ComponentSpec spec, String key) {
        Component<QueryStrategy> c = create(strategies(), spec, key);
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
        return create(learners(), spec, key);
    }

    public Component<StoppingCriterion> stopping(ComponentSpec spec, String key) {
        return component(ComponentKind.STOPPING, spec, key);
    }

    /** A component of {@code kind} (no skyline among them). */
    public <T> Component<T> component(ComponentKind<T> kind, ComponentSpec spec, String key) {
        requireNoSkyline(spec, key);
        return create(registry(kind), spec, key);
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
