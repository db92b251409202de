package org.activebench.experiment;

import org.activebench.core.spi.Parameters;
import org.activebench.core.spi.Provider;

/**
 * A component handed over as an object (a lambda, an instance): a provider without parameters that returns it.
 * Its results are labelled {@code name}; its origin is the object's class (a lambda's: the class that defines it),
 * and its fingerprint holds a SHA-256 of that class's bytecode, so an edited component is a different configuration.
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
