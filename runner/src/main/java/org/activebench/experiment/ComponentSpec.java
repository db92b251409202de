package org.activebench.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.activebench.core.ActiveBenchException;

/**
 * A strategy, learner or stopping criterion as a config names it: a bare name ({@code "margin"}) or
 * {@code {"name": "qbc", "params": {"committee": 10}}}; a skyline also says {@code "skyline": true}. The flat form of
 * earlier versions ({@code {"name": "qbc", "committee": 10}}) is still read, with a deprecation warning.
 *
 * A routing may say which of the study's annotators it routes between, and in which order:
 * {@code {"name": "fallback", "annotators": [1, 0]}} (positions in {@code annotators}; default: all, in order). An
 * annotator may give the short name results call it by: {@code {"name": "replay", "params": {...}, "label": "gpt35"}}.
 *
 * @param flat whether the parameters were written flat (deprecated)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComponentSpec(String name, Map<String, Object> params, Boolean skyline, @JsonIgnore boolean flat,
                            List<Integer> annotators, String label) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ComponentSpec(String name, Map<String, Object> params) {
        this(name, params, null, false);
    }

    public ComponentSpec(String name, Map<String, Object> params, Boolean skyline, boolean flat) {
        this(name, params, skyline, flat, null, null);
    }

    public static ComponentSpec of(String name) {
        return new ComponentSpec(name, null, null, false);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ComponentSpec fromJson(JsonNode node) {
        if (node.isTextual()) {
            return of(node.asText());
        }
        if (!node.isObject()) {
            throw new ActiveBenchException("a name or an object {\"name\": ..., \"params\": {...}} is required, got " + node);
        }
        String name = null;
        Map<String, Object> params = null;
        Map<String, Object> flat = new LinkedHashMap<>();
        Boolean skyline = null;
        List<Integer> annotators = null;
        String label = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "name" -> {
                    if (!value.isTextual()) {
                        throw new ActiveBenchException("name: a string is required, got " + value);
                    }
                    name = value.asText();
                }
                case "params" -> {
                    if (!value.isObject()) {
                        throw new ActiveBenchException("params: an object is required, got " + value);
                    }
                    params = scalars(value);
                }
                case "skyline" -> {
                    if (!value.isBoolean()) {
                        throw new ActiveBenchException("skyline: true or false is required, got " + value);
                    }
                    skyline = value.asBoolean();
                }
                case "annotators" -> annotators = positions(value);
                case "label" -> {
                    if (!value.isTextual()) {
                        throw new ActiveBenchException("label: a string is required, got " + value);
                    }
                    label = value.asText();
                }
                default -> flat.put(field.getKey(), scalar(field.getKey(), value));
            }
        }
        if (params != null && !flat.isEmpty()) {
            throw new ActiveBenchException(String.join(", ", flat.keySet()) + ": unknown key next to \"params\" (valid: name,"
                    + " params, skyline, annotators, label)");
        }
        return flat.isEmpty() ? new ComponentSpec(name, params, skyline, false, annotators, label)
                : new ComponentSpec(name, flat, skyline, true, annotators, label);
    }

    /** A routing's annotators: positions in the study's {@code annotators} list, in the order the routing uses them. */
    private static List<Integer> positions(JsonNode value) {
        List<Integer> positions = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> positions.add(v.canConvertToInt() && v.isIntegralNumber() ? v.asInt() : null));
        }
        if (!value.isArray() || value.isEmpty() || positions.contains(null)) {
            throw new ActiveBenchException("annotators: a list of positions in the study's \"annotators\" (0 is the"
                    + " first) is required, got " + value);
        }
        return List.copyOf(positions);
    }

    private static Map<String, Object> scalars(JsonNode object) {
        Map<String, Object> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(f -> values.put(f.getKey(), scalar(f.getKey(), f.getValue())));
        return values;
    }

    /** JSON scalars as Java boxes: whole numbers as Integer or Long, others as Double, so types can be checked. */
    private static Object scalar(String key, JsonNode value) {
        if (!value.isValueNode() || value.isNull()) {
            throw new ActiveBenchException("params." + key + ": a number, string or boolean is required, got " + value);
        }
        return MAPPER.convertValue(value, Object.class);
    }
}
