package org.activebench.core.annotate;

/** Every row to the first annotator, whatever it answers. */
public final class Fixed implements RoutingProvider {
    @Override
    public String name() {
        return "fixed";
    }

    @Override
    public String description() {
        return "every row to the first annotator (the default)";
    }

    @Override
    public Routing create(org.activebench.core.spi.Parameters params) {
        return (rows, annotators, context) -> Routing.Routed.all(annotators.getFirst().annotate(rows, context), 0);
    }
}
