package org.activebench.core.learn;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.activebench.core.ActiveBenchException;

/** Typed, range-checked access to a learner's parameters, with errors that name the config key. */
public final class Params {
    private final String prefix;
    private final Map<String, ?> values;

    /** @param prefix the config path of these parameters, e.g. {@code learner.params} */
    public Params(String prefix, Map<String, ?> values) {
        this.prefix = prefix;
        this.values = values == null ? Map.of() : values;
    }

    /** Fails on a key outside {@code known}. */
    public Params allow(String... known) {
        Set<String> allowed = new TreeSet<>(Set.of(known));
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw new ActiveBenchException(prefix + "." + key + ": unknown parameter"
                        + (allowed.isEmpty() ? " (this learner takes none)" : " (valid: " + String.join(", ", allowed) + ")"));
            }
        }
        return this;
    }

    /** A number in [min, max], or {@code fallback} when absent. */
    public double number(String key, double fallback, double min, double max) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new ActiveBenchException(prefix + "." + key + ": a number is required, got " + v);
        }
        double d = n.doubleValue();
        if (d < min || d > max) {
            throw new ActiveBenchException(prefix + "." + key + ": " + d + " outside [" + min + ", " + max + "]");
        }
        return d;
    }

    /** A positive number (strictly greater than 0), or {@code fallback}. */
    public double positive(String key, double fallback) {
        double d = number(key, fallback, 0, Double.MAX_VALUE);
        if (d <= 0) {
            throw new ActiveBenchException(prefix + "." + key + ": must be > 0, got " + d);
        }
        return d;
    }

    /** An integer in [min, max], or {@code fallback} when absent. */
    public int integer(String key, int fallback, int min, int max) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Integer || v instanceof Long)) {
            throw new ActiveBenchException(prefix + "." + key + ": an integer is required, got " + v);
        }
        long l = ((Number) v).longValue();
        if (l < min || l > max) {
            throw new ActiveBenchException(prefix + "." + key + ": " + l + " outside [" + min + ", " + max + "]");
        }
        return (int) l;
    }
}
