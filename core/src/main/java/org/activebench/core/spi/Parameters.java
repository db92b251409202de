package org.activebench.core.spi;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.activebench.core.ActiveBenchException;

/**
 * A component's parameters after validation: every declared parameter has a value (defaults filled in), keys
 * sorted. Providers read them through their typed {@link ParamSpec}s, so no untyped map reaches component code.
 */
public final class Parameters {
    private final List<ParamSpec<?>> specs;
    private final SortedMap<String, Object> values;

    private Parameters(List<ParamSpec<?>> specs, SortedMap<String, Object> values) {
        this.specs = specs;
        this.values = Collections.unmodifiableSortedMap(values);
    }

    /**
     * Validates {@code raw} against {@code specs}: an unknown key, a wrong type or a value out of range is an error
     * naming {@code key + "." + parameter}.
     *
     * @param raw the values as given (JSON scalars or Java boxes); null means all defaults
     * @param key the config path of the parameters, e.g. {@code strategies[2].params}
     */
    public static Parameters resolve(List<ParamSpec<?>> specs, Map<String, ?> raw, String key) {
        Map<String, ?> given = raw == null ? Map.of() : raw;
        TreeMap<String, ParamSpec<?>> byName = new TreeMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        for (String name : given.keySet()) {
            if (!byName.containsKey(name)) {
                throw new ActiveBenchException(key + "." + name + ": unknown parameter" + (byName.isEmpty()
                        ? " (this component takes none)"
                        : Suggestions.didYouMean(name, byName.keySet()) + " (valid: " + String.join(", ", byName.keySet()) + ")"));
            }
        }
        SortedMap<String, Object> values = new TreeMap<>();
        for (ParamSpec<?> spec : specs) {
            Object v = given.get(spec.name());
            values.put(spec.name(), v == null ? spec.defaultValue() : spec.parse(v, key + "." + spec.name()));
        }
        return new Parameters(List.copyOf(specs), values);
    }

    public <T> T get(ParamSpec<T> spec) {
        if (!specs.contains(spec)) {
            throw new IllegalArgumentException(spec.name() + " is not among this component's declared parameters");
        }
        @SuppressWarnings("unchecked")
        T value = (T) values.get(spec.name());
        return value;
    }

    /** Every value, defaults included, by name in sorted order: the canonical form recorded with results. */
    public SortedMap<String, Object> values() {
        return values;
    }

    /**
     * {@code k=v,...} of the values that differ from their defaults, sorted: what tells two configurations of one
     * component apart in result names. Empty when all are defaults.
     */
    public String nonDefault() {
        StringJoiner joiner = new StringJoiner(",");
        for (ParamSpec<?> spec : specs.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList()) {
            Object v = values.get(spec.name());
            if (!v.equals(spec.defaultValue())) {
                joiner.add(spec.name() + "=" + Values.format(v));
            }
        }
        return joiner.toString();
    }
}
