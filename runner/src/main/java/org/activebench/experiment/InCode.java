package org.activebench.experiment;

import org.activebench.core.spi.Parameters;
import org.activebench.core.spi.Provider;

/**
 * A component handed over as an object (a lambda, an instance): a provider without parameters that returns it.
 * Its results are labelled {@code name}; its origin is the object's class, so its fingerprint names that class but
 * not a checksum of the code: after changing the code, write to a new output directory.
 */
record InCode<T>(String name, T instance) implements Provider<T> {
    @Override
    public String description() {
        return "given in code: " + instance.getClass().getName();
    }

    @Override
    public T create(Parameters params) {
        return instance;
    }
}
