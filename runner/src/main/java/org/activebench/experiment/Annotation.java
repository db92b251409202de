package org.activebench.experiment;

import java.util.List;
import org.activebench.core.annotate.Annotator;
import org.activebench.core.annotate.Routing;
import org.activebench.core.spi.Component;

/** Who labels a study's queried rows: its annotators, in config order, and the routing policy between them. */
record Annotation(List<Component<Annotator>> annotators, Component<Routing> routing) {
    /** The annotators' instances, as the routing receives them. */
    List<Annotator> instances() {
        return annotators.stream().map(Component::instance).toList();
    }
}
