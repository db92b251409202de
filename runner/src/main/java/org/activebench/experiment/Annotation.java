package org.activebench.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.annotate.Annotator;
import org.activebench.core.annotate.Routing;
import org.activebench.core.spi.Component;

/**
 * Who labels a trial's rows: a routing policy between annotators, and who labels the initial set. One per entry of a
 * study's {@code routing} (a grid axis, like strategies).
 *
 * @param annotators the annotators the routing routes between, in its order
 * @param label      what results call this routing: the policy's label, followed by its annotators' when the config
 *                   chose them ({@code fallback(replay[cost=0.01,labels=gpt35],truth)})
 * @param initial    the annotator that labels the initial set, or null: the routing does, like every queried row
 */
record Annotation(List<Component<Annotator>> annotators, Component<Routing> routing, String label,
                  Component<Annotator> initial) {

    /** The routing of {@code spec} between the study's annotators at its positions (all, in order, by default). */
    static Annotation of(List<Component<Annotator>> study, Component<Routing> routing, List<Integer> positions,
                         Integer initial, String key) {
        List<Component<Annotator>> chosen = positions == null ? study : positions.stream().map(study::get).toList();
        int needed = routing.instance().annotators();
        if (needed > chosen.size()) {
            throw new ActiveBenchException(key + ": " + routing.label() + " routes between " + needed + " annotators, but "
                    + (positions == null ? "the study names " + chosen.size() + " (\"annotators\")"
                    : "its \"annotators\" lists " + chosen.size()));
        }
        String label = positions == null ? routing.label() : routing.label() + "("
                + String.join(",", chosen.stream().map(Component::label).toList()) + ")";
        return new Annotation(List.copyOf(chosen), routing, label, initial == null ? null : study.get(initial));
    }

    /** The annotators' instances, as the routing receives them. */
    List<Annotator> instances() {
        return annotators.stream().map(Component::instance).toList();
    }

    /** What a result depends on: the annotators in the routing's order, the routing, who labels the initial set. */
    Map<String, Object> ref() {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("annotators", annotators.stream().map(Component::ref).toList());
        ref.put("routing", routing.ref());
        if (initial != null) {
            ref.put("initial", initial.ref());
        }
        return ref;
    }
}
