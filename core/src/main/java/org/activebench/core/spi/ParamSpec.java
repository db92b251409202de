package org.activebench.core.spi;

import java.util.List;
import java.util.Objects;
import org.activebench.core.ActiveBenchException;

/**
 * One declared parameter of a component: name, type, default, allowed range or values, and a line of doc. The
 * declaration is the documentation: {@code activebench list} and the README tables are printed from it, and
 * {@link Parameters#resolve} validates configs against it.
 *
 * @param <T> the Java type of the value: {@link Integer}, {@link Double}, {@link Boolean} or {@link String}
 */
public final class ParamSpec<T> {
    /** What kind of value a parameter takes. */
    public enum Type { INTEGER, REAL, BOOLEAN, CHOICE, TEXT }

    private final String name;
    private final Type type;
    private final Class<T> javaType;
    private final T defaultValue;
    private final double min;
    private final double max;
    private final boolean minOpen;
    private final List<String> choices;
    private final String doc;

    private ParamSpec(String name, Type type, Class<T> javaType, T defaultValue, double min, double max,
                      boolean minOpen, List<String> choices, String doc) {
        this.name = Objects.requireNonNull(name);
        this.type = type;
        this.javaType = javaType;
        this.defaultValue = Objects.requireNonNull(defaultValue, "default of " + name);
        this.min = min;
        this.max = max;
        this.minOpen = minOpen;
        this.choices = choices;
        this.doc = Objects.requireNonNull(doc);
    }

    /** An integer in [min, max]. */
    public static ParamSpec<Integer> integer(String name, int defaultValue, int min, int max, String doc) {
        return new ParamSpec<>(name, Type.INTEGER, Integer.class, defaultValue, min, max, false, List.of(), doc);
    }

    /** A finite real number in [min, max]. */
    public static ParamSpec<Double> real(String name, double defaultValue, double min, double max, String doc) {
        return new ParamSpec<>(name, Type.REAL, Double.class, defaultValue, min, max, false, List.of(), doc);
    }

    /** A finite real number in (min, max]: strictly above {@code min}. */
    public static ParamSpec<Double> realAbove(String name, double defaultValue, double min, double max, String doc) {
        return new ParamSpec<>(name, Type.REAL, Double.class, defaultValue, min, max, true, List.of(), doc);
    }

    public static ParamSpec<Boolean> flag(String name, boolean defaultValue, String doc) {
        return new ParamSpec<>(name, Type.BOOLEAN, Boolean.class, defaultValue, 0, 0, false, List.of(), doc);
    }

    /** One of a fixed list of words; the first-class way to offer variants (measures, modes). */
    public static ParamSpec<String> choice(String name, String defaultValue, List<String> values, String doc) {
        return new ParamSpec<>(name, Type.CHOICE, String.class, defaultValue, 0, 0, false, List.copyOf(values), doc);
    }

    /** A word that names something of the study (a label set, a column): letters, digits, {@code _ - .}; may be empty. */
    public static ParamSpec<String> text(String name, String defaultValue, String doc) {
        return new ParamSpec<>(name, Type.TEXT, String.class, defaultValue, 0, 0, false, List.of(), doc);
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public String doc() {
        return doc;
    }

    /** The default as names, tables and messages write it: {@code 2}, {@code 1e-8}, {@code kl_mean}. */
    public String formattedDefault() {
        return Values.format(defaultValue);
    }

    /** The allowed values as people write them: {@code [2, 1000]}, {@code (0, 1e+12]}, {@code a | b}, {@code true | false}. */
    public String range() {
        return switch (type) {
            case INTEGER -> "[" + Values.format((double) (int) min) + ", " + Values.format((double) (int) max) + "]";
            case REAL -> (minOpen ? "(" : "[") + Values.format(min) + ", " + Values.format(max) + "]";
            case BOOLEAN -> "true | false";
            case CHOICE -> String.join(" | ", choices);
            case TEXT -> "a name";
        };
    }

    /** Checks the declaration itself: a default outside its own range is a broken plugin. */
    void checkDeclaration(String owner) {
        if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
            throw new ActiveBenchException(owner + ": parameter name '" + name + "' is not a word of letters, digits and _");
        }
        if (min > max || (min == max && minOpen)) {
            throw new ActiveBenchException(owner + "." + name + ": empty range " + range());
        }
        parse(defaultValue, owner + "." + name + " (its declared default)");
    }

    /**
     * The value of {@code raw} (as JSON or Java gave it) if it is of this type and allowed.
     *
     * @param key the config path, for the message
     */
    public T parse(Object raw, String key) {
        Object value = switch (type) {
            case INTEGER -> {
                if (!(raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte)) {
                    throw new ActiveBenchException(key + ": an integer is required, got " + describe(raw));
                }
                long v = ((Number) raw).longValue();
                if (v < min || v > max) {
                    throw new ActiveBenchException(key + ": " + v + " outside " + range());
                }
                yield (int) v;
            }
            case REAL -> {
                if (!(raw instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    throw new ActiveBenchException(key + ": a finite number is required, got " + describe(raw));
                }
                double v = n.doubleValue();
                if (v < min || v > max || (minOpen && v == min)) {
                    throw new ActiveBenchException(key + ": " + Values.format(v) + " outside " + range());
                }
                yield v;
            }
            case BOOLEAN -> {
                if (!(raw instanceof Boolean)) {
                    throw new ActiveBenchException(key + ": true or false is required, got " + describe(raw));
                }
                yield raw;
            }
            case CHOICE -> {
                if (!(raw instanceof String s) || !choices.contains(s)) {
                    throw new ActiveBenchException(key + ": unknown value " + describe(raw) + " (valid: "
                            + String.join(", ", choices) + ")");
                }
                yield s;
            }
            case TEXT -> {
                if (!(raw instanceof String s) || !s.matches("[A-Za-z0-9_.-]{0,200}")) {
                    throw new ActiveBenchException(key + ": a name of letters, digits and _ . - is required, got "
                            + describe(raw));
                }
                yield s;
            }
        };
        return javaType.cast(value);
    }

    private static String describe(Object raw) {
        return raw instanceof String s ? "\"" + s + "\"" : String.valueOf(raw);
    }
}
