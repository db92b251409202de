package org.activebench.core.learn;

import java.util.Map;
import org.activebench.core.spi.Registry;

/** The learners ActiveBench's own class loader sees (built-ins and plugins on the class path). */
public final class Learners {
    private Learners() {
    }

    public static Registry<Learner> registry(ClassLoader loader) {
        return Registry.load(LearnerProvider.class, "learner", loader);
    }

    /** A learner of the class path by name, for tools and tests; studies resolve theirs through a {@code Catalog}. */
    public static Learner create(String name, Map<String, ?> params, String key) {
        return registry(Learners.class.getClassLoader()).create(name, params, key).instance();
    }
}
