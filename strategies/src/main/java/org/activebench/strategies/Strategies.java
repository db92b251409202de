package org.activebench.strategies;

import java.util.Map;
import org.activebench.core.spi.Registry;

/** The strategies a class loader sees: built-ins and plugins alike, through {@link StrategyProvider}. */
public final class Strategies {
    private Strategies() {
    }

    public static Registry<QueryStrategy> registry(ClassLoader loader) {
        return Registry.load(StrategyProvider.class, "strategy", loader);
    }

    /** A strategy of the class path by name, for tools and tests; studies resolve theirs through a {@code Catalog}. */
    public static QueryStrategy create(String name, Map<String, ?> params, String key) {
        return registry(Strategies.class.getClassLoader()).create(name, params, key).instance();
    }
}
