package org.activebench.experiment;

import java.util.List;
import java.util.stream.Collectors;
import org.activebench.core.spi.ParamSpec;
import org.activebench.core.spi.Registry;

/**
 * What {@code activebench list} prints: every component of a registry with its description and parameters, made
 * from the providers' declarations only, so that it cannot drift from the code. The README's tables are checked
 * against {@link #paramsCell}.
 */
public final class ComponentListing {
    private ComponentListing() {
    }

    /** Plain text: one block per component, one indented line per parameter. */
    public static String text(Registry<?> registry) {
        StringBuilder out = new StringBuilder();
        for (Registry.Entry<?> e : registry.entries()) {
            out.append(e.provider().name()).append(origin(e)).append("\n    ").append(e.provider().description()).append('\n');
            for (ParamSpec<?> p : e.provider().params()) {
                out.append("    ").append(p.name()).append(" = ").append(p.formattedDefault()).append("  ")
                        .append(p.range()).append("  ").append(p.doc()).append('\n');
            }
        }
        return out.toString();
    }

    /** A Markdown table: name, description, parameters with default, allowed values and doc. */
    public static String markdown(Registry<?> registry) {
        StringBuilder out = new StringBuilder("| name | description | parameters |\n|---|---|---|\n");
        for (Registry.Entry<?> e : registry.entries()) {
            String params = e.provider().params().stream()
                    .map(p -> "`" + p.name() + "` = " + p.formattedDefault() + " in " + p.range() + ": " + p.doc())
                    .collect(Collectors.joining("<br>"));
            out.append("| `").append(e.provider().name()).append("`").append(origin(e)).append(" | ")
                    .append(cell(e.provider().description())).append(" | ").append(cell(params)).append(" |\n");
        }
        return out.toString();
    }

    /** The README's parameter column for a component: {@code `C` (1), `tolerance` (1e-8)}, or {@code -} for none. */
    public static String paramsCell(List<ParamSpec<?>> params) {
        return params.isEmpty() ? "-" : params.stream().map(p -> "`" + p.name() + "` (" + p.formattedDefault() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String origin(Registry.Entry<?> e) {
        return e.origin().builtIn() ? "" : " (" + e.origin().source() + " " + e.origin().version() + ")";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
