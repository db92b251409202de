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
 * @param names      what results call each of them: its config {@code label}, else its component label
 * @param label      what results call this routing: the policy's label, followed by its annotators' names when the
 *                   config chose them ({@code fallback(gpt35,truth)})
 * @param initial    the annotator that labels the initial set, or null: the routing does, like every queried row
 */
record Annotation(List<Component<Annotator>> annotators, List<String> names, Component<Routing> routing, String label,
                  Component<Annotator> initial, String initialName) {

    /**
     * The routing between the study's annotators at {@code positions} (all, in order, by default).
     *
     * @param names per annotator of the study, what results call it
     */
    static Annotation of(List<Component<Annotator>> study, List<String> names, Component<Routing> routing,
                         List<Integer> positions, Integer initial, String key) {
        List<Integer> at = positions == null ? java.util.stream.IntStream.range(0, study.size()).boxed().toList() : positions;
        List<Component<Annotator>> chosen = at.stream().map(study::get).toList();
        List<String> chosenNames = at.stream().map(names::get).toList();
        int needed = routing.instance().annotators();
        if (needed > chosen.size()) {
            throw new ActiveBenchException(key + ": " + routing.label() + " routes between " + needed + " annotators, but "
                    + (positions == null ? "the study names " + chosen.size() + " (\"annotators\")"
                    : "its \"annotators\" lists " + chosen.size()));
        }
        String label = positions == null ? routing.label() : routing.label() + "(" + String.join(",", chosenNames) + ")";
        return new Annotation(List.copyOf(chosen), List.copyOf(chosenNames), routing, label,
                initial == null ? null : study.get(initial), initial == null ? null : names.get(initial));
    }

    /** The annotators' instances, as the routing receives them. */
    List<Annotator> instances() {
        return annotators.stream().map(Component::instance).toList();
    }

    /** What a result depends on: the annotators in the routing's order and their names, the routing, who labels the initial set. */
    Map<String, Object> ref() {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("annotators", annotators.stream().map(Component::ref).toList());
        ref.put("names", names); // they key the ledger
        if (initial != null) {
            ref.put("initialName", initialName);
        }
        ref.put("routing", routing.ref());
        if (initial != null) {
            ref.put("initial", initial.ref());
        }
        return ref;
    }
}
