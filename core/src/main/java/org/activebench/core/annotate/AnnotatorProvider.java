package org.activebench.core.annotate;

import org.activebench.core.spi.Provider;

/** Declares and creates an {@link Annotator}; register implementations in {@code META-INF/services}. */
public interface AnnotatorProvider extends Provider<Annotator> {
}
