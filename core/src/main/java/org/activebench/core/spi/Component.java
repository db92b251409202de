package org.activebench.core.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A created component with what identifies it in results: provider name, resolved parameters, capabilities and
 * the code it came from.
 *
 * @param <T> the component type
 */
public record Component<T>(String name, Parameters params, Set<Capability> capabilities, Origin origin, T instance) {

    /**
     * The name results go by: the provider's name, followed by the parameters that differ from their defaults,
     * sorted, as in {@code qbc[committee=10,disagreement=kl_mean]}. Two configurations of one provider never share it.
     */
    public String label() {
        String changed = params.nonDefault();
        return changed.isEmpty() ? name : name + "[" + changed + "]";
    }

    /**
     * What a result depends on, as JSON-ready values: name and every parameter value; for code from outside
     * ActiveBench also its source, version and checksum, so that a rebuilt plugin gives new results.
     */
    public Map<String, Object> ref() {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("name", name);
        ref.put("params", params.values());
        if (!origin.builtIn()) {
            ref.put("source", origin.source());
            ref.put("version", origin.version());
            ref.put("sha256", origin.sha256());
        }
        return ref;
    }

    /** {@link #ref()} plus the origin of built-ins too: for manifests, which say which code made a result. */
    public Map<String, Object> provenance() {
        Map<String, Object> p = ref();
        p.put("label", label());
        p.put("source", origin.source());
        p.put("version", origin.version());
        p.put("sha256", origin.sha256());
        return p;
    }
}
