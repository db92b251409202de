package org.activebench.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.activebench.core.ActiveBenchException;
import org.junit.jupiter.api.Test;

class RegistryTest {
    static final ParamSpec<Integer> SIZE = ParamSpec.integer("size", 5, 2, 100, "members");
    static final ParamSpec<Double> RATE = ParamSpec.realAbove("rate", 0.5, 0, 1, "a share");
    static final ParamSpec<String> MODE = ParamSpec.choice("mode", "fast", List.of("fast", "exact"), "how");
    static final ParamSpec<Boolean> LOUD = ParamSpec.flag("loud", false, "say more");

    /** A provider of strings that spell out their parameters, so a test sees what {@code create} received. */
    record Echo(String name, List<ParamSpec<?>> params) implements Provider<String> {
        @Override
        public String description() {
            return "echoes its parameters";
        }

        @Override
        public String create(Parameters p) {
            return name + p.values();
        }
    }

    private static ActiveBenchException rejected(Runnable r) {
        return assertThrows(ActiveBenchException.class, r::run);
    }

    @Test
    void createsWithDefaultsAndLabelsByTheChangedParameters() {
        Registry<String> r = Registry.of("widget", new Echo("echo", List.of(SIZE, RATE, MODE, LOUD)));
        Component<String> plain = r.create("echo", null, "w");
        assertEquals("echo{loud=false, mode=fast, rate=0.5, size=5}", plain.instance());
        assertEquals("echo", plain.label());
        Component<String> changed = r.create("echo", Map.of("size", 7, "mode", "exact", "rate", 0.5), "w");
        assertEquals("echo[mode=exact,size=7]", changed.label(), "defaults given explicitly do not change the label");
        assertEquals(Map.of("name", "echo", "params", Map.of("loud", false, "mode", "exact", "rate", 0.5, "size", 7)),
                changed.ref(), "a built-in's ref is its name and every value");
        assertEquals("echo[rate=1e-8]", r.create("echo", Map.of("rate", 1e-8), "w").label());
        assertTrue(plain.origin().builtIn(), "a class of ActiveBench's own loader and package");
    }

    @Test
    void badParametersNameTheKeyAndTheValidChoices() {
        Registry<String> r = Registry.of("widget", new Echo("echo", List.of(SIZE, RATE, MODE, LOUD)));
        assertEquals("s[0].params.sise: unknown parameter (did you mean \"size\"?) (valid: loud, mode, rate, size)",
                rejected(() -> r.create("echo", Map.of("sise", 3), "s[0]")).getMessage());
        assertTrue(rejected(() -> r.create("echo", Map.of("size", 1), "s[0]")).getMessage()
                .startsWith("s[0].params.size: "), "out of [2, 100]");
        assertTrue(rejected(() -> r.create("echo", Map.of("size", 2.5), "s[0]")).getMessage()
                .startsWith("s[0].params.size: "), "not an integer");
        assertTrue(rejected(() -> r.create("echo", Map.of("rate", 0.0), "s[0]")).getMessage()
                .startsWith("s[0].params.rate: "), "the open end of (0, 1]");
        String mode = rejected(() -> r.create("echo", Map.of("mode", "slow"), "s[0]")).getMessage();
        assertTrue(mode.startsWith("s[0].params.mode: ") && mode.contains("fast") && mode.contains("exact"), mode);
        assertTrue(rejected(() -> r.create("echo", Map.of("loud", "yes"), "s[0]")).getMessage()
                .startsWith("s[0].params.loud: "));
        assertEquals("s[0].params.size: unknown parameter (this component takes none)",
                rejected(() -> Registry.of("widget", new Echo("bare", List.of())).create("bare", Map.of("size", 3), "s[0]"))
                        .getMessage());
        assertEquals("s[0].name: unknown widget 'ecko' (did you mean \"echo\"?) (valid: echo; a plugin jar may be missing)",
                rejected(() -> r.create("ecko", null, "s[0]")).getMessage());
    }

    @Test
    void brokenDeclarationsAreOneClearError() {
        String dup = rejected(() -> Registry.of("widget", new Echo("echo", List.of()), new Echo("echo", List.of()))).getMessage();
        assertTrue(dup.startsWith("two widget providers are named 'echo': " + Echo.class.getName()), dup);
        assertTrue(rejected(() -> Registry.of("widget", new Echo("Echo", List.of()))).getMessage()
                .contains("invalid name 'Echo'"));
        assertTrue(rejected(() -> Registry.of("widget", new Echo("my-echo", List.of()))).getMessage()
                .contains("invalid name 'my-echo'"));
        String badDefault = rejected(() -> Registry.of("widget",
                new Echo("echo", List.of(ParamSpec.integer("size", 1, 2, 100, "members"))))).getMessage();
        assertTrue(badDefault.startsWith("widget echo.size (its declared default): "), badDefault);
        assertTrue(rejected(() -> Registry.of("widget", new Echo("echo", List.of(SIZE, SIZE)))).getMessage()
                .endsWith("parameter 'size' declared twice"));
    }

    @Test
    void valuesAreWrittenTheWayPeopleWriteThem() {
        assertEquals("2", Values.format(2.0));
        assertEquals("1e-8", Values.format(1e-8));
        assertEquals("1e12", Values.format(1e12));
        assertEquals("0.001", Values.format(0.001));
        assertEquals("1000000", Values.format(1e6));
        assertEquals("[2, 100]", SIZE.range());
        assertEquals("(0, 1]", RATE.range());
        assertEquals("fast | exact", MODE.range());
    }
}
