package org.activebench.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.Version;

/**
 * The providers of one kind of component, by name: an immutable value, built once ({@link #load} from a class
 * loader, or {@link #of} in code) and passed to whatever resolves configs. Loading rejects invalid names, two
 * providers with one name (naming both sources) and declarations whose defaults break their own ranges.
 *
 * @param <T> the component type
 */
public final class Registry<T> {
    private static final String NAME_PATTERN = "[a-z][a-z0-9_]{0,63}";

    /** A provider and the code it came from. */
    public record Entry<T>(Provider<T> provider, Origin origin) {
    }

    private final String kind;
    private final Map<String, Entry<T>> byName;

    private Registry(String kind, Map<String, Entry<T>> byName) {
        this.kind = kind;
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * Every provider of {@code service} that {@code loader} sees (the class path, plus any plugin jars the loader
     * was made from).
     *
     * @param kind what the components are called in messages: "strategy", "learner", "stopping criterion"
     */
    public static <T, P extends Provider<T>> Registry<T> load(Class<P> service, String kind, ClassLoader loader) {
        return new Registry<T>(kind, new TreeMap<>()).plus(service, loader, false);
    }

    /**
     * This registry plus the providers of {@code service} that {@code loader} itself defines (its plugin jars), not
     * those it finds through its parent, which this registry was loaded from.
     */
    public <P extends Provider<T>> Registry<T> plus(Class<P> service, ClassLoader loader) {
        return plus(service, loader, true);
    }

    private <P extends Provider<T>> Registry<T> plus(Class<P> service, ClassLoader loader, boolean ownOnly) {
        Registry<T> registry = this;
        try {
            for (ServiceLoader.Provider<P> found : ServiceLoader.load(service, loader).stream().toList()) {
                if (ownOnly && found.type().getClassLoader() != loader) {
                    continue;
                }
                P provider;
                try {
                    provider = found.get();
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    throw new ActiveBenchException("plugin " + source(found.type()) + ": cannot create " + kind
                            + " provider " + found.type().getName() + ": " + rootMessage(e));
                }
                try {
                    registry = registry.with(provider, origin(found.type()));
                } catch (RuntimeException | LinkageError e) {
                    if (e instanceof ActiveBenchException) {
                        throw e;
                    }
                    throw new ActiveBenchException("plugin " + source(found.type()) + ": " + kind + " provider "
                            + found.type().getName() + " fails to describe itself: " + rootMessage(e), e);
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new ActiveBenchException("plugin: broken " + service.getSimpleName() + " declaration: " + rootMessage(e));
        }
        return registry;
    }

    /** Providers given in code (tests, the Java API); their origin is where their classes were loaded from. */
    @SafeVarargs
    public static <T> Registry<T> of(String kind, Provider<T>... providers) {
        Registry<T> registry = new Registry<>(kind, new TreeMap<>());
        for (Provider<T> p : providers) {
            registry = registry.with(p);
        }
        return registry;
    }

    /** This registry plus {@code provider}. */
    public Registry<T> with(Provider<T> provider) {
        return with(provider, origin(provider.getClass()));
    }

    /** This registry plus {@code provider}, whose component's code is {@code code} (a component given in code). */
    public Registry<T> with(Provider<T> provider, Class<?> code) {
        return with(provider, origin(code));
    }

    private Registry<T> with(Provider<T> provider, Origin origin) {
        String where = kind + " provider " + provider.getClass().getName() + " (" + origin.source() + ")";
        String name = provider.name();
        if (name == null || !name.matches(NAME_PATTERN)) {
            throw new ActiveBenchException(where + ": invalid name '" + name + "' (lower-case letters, digits and _,"
                    + " starting with a letter, at most 64)");
        }
        if (provider.description() == null || provider.description().isBlank()) {
            throw new ActiveBenchException(where + ": '" + name + "' has no description");
        }
        Entry<T> existing = byName.get(name);
        if (existing != null) {
            throw new ActiveBenchException("two " + kind + " providers are named '" + name + "': "
                    + existing.provider().getClass().getName() + " (" + existing.origin().source() + ") and "
                    + provider.getClass().getName() + " (" + origin.source() + ")");
        }
        Set<String> seen = new HashSet<>();
        for (ParamSpec<?> spec : provider.params()) {
            if (!seen.add(spec.name())) {
                throw new ActiveBenchException(where + ": parameter '" + spec.name() + "' declared twice");
            }
            spec.checkDeclaration(kind + " " + name);
        }
        TreeMap<String, Entry<T>> next = new TreeMap<>(byName);
        next.put(name, new Entry<>(provider, origin));
        return new Registry<>(kind, next);
    }

    /**
     * @param key the config path, for the message
     * @throws ActiveBenchException naming the closest name and every available one
     */
    public Entry<T> get(String name, String key) {
        Entry<T> entry = byName.get(name);
        if (entry == null) {
            throw new ActiveBenchException(key + ": unknown " + kind + " '" + name + "'"
                    + Suggestions.didYouMean(String.valueOf(name), byName.keySet()) + " (valid: "
                    + String.join(", ", byName.keySet()) + "; a plugin jar may be missing)");
        }
        return entry;
    }

    /**
     * Resolves and creates one component: validates {@code params} against the provider's declaration (and its own
     * {@link Provider#check}) and calls {@link Provider#create}.
     *
     * @param params the values as given; null for all defaults
     * @param key    the config path of the component, e.g. {@code strategies[2]}
     */
    public Component<T> create(String name, Map<String, ?> params, String key) {
        Entry<T> entry = get(name, key + ".name");
        Parameters resolved = Parameters.resolve(entry.provider().params(), params, key + ".params");
        try {
            entry.provider().check(resolved, key);
            return new Component<>(name, resolved, entry.provider().capabilities(resolved), entry.origin(),
                    entry.provider().create(resolved));
        } catch (ActiveBenchException e) {
            throw e; // the provider's own word on the user's input
        } catch (RuntimeException | LinkageError e) {
            throw new ActiveBenchException(key + ": " + kind + " '" + name + "' of " + (entry.origin().builtIn()
                    ? "ActiveBench" : entry.origin().source()) + " failed to create itself with parameters "
                    + resolved.values() + ": " + oneLine(e), e);
        }
    }

    /** Every entry, sorted by name. */
    public List<Entry<T>> entries() {
        return new ArrayList<>(byName.values());
    }

    public String kind() {
        return kind;
    }

    /** Built-ins are ActiveBench's own classes; any other class by its jar, or by its (lambda's host) class name. */
    private static Origin origin(Class<?> type) {
        if (type.getClassLoader() == Registry.class.getClassLoader() && type.getPackageName().startsWith("org.activebench.")) {
            return new Origin("activebench", Version.get(), null);
        }
        Path location = location(type);
        if (location == null || !Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
            // a class directory, JShell, a single-file program (whose code source is its .java file)
            String name = type.getName();
            int lambda = name.indexOf("$$Lambda");
            String defining = lambda < 0 ? name : name.substring(0, lambda);
            return new Origin(defining, "unversioned", codeSha256(type, defining, location));
        }
        return new Origin(location.getFileName().toString(), jarVersion(location), sha256(location));
    }

    /**
     * A component given in code has no jar to checksum: its fingerprint takes the SHA-256 of the bytecode of its class
     * (for a lambda, of the class that defines it, which holds the lambda's body), or of a single-file program's
     * source, so that an edited component is a different configuration. Null when neither can be read (then the
     * class name alone identifies it).
     */
    private static String codeSha256(Class<?> type, String defining, Path location) {
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(defining.replace('.', '/') + ".class")) {
            if (in != null) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
            }
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return location != null && Files.isRegularFile(location) ? sha256(location) : null;
    }

    private static String source(Class<?> type) {
        Path location = location(type);
        return location == null ? type.getName() : location.getFileName().toString();
    }

    private static Path location(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        try {
            return code == null || code.getLocation() == null ? null : Path.of(code.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String jarVersion(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            String version = manifest == null ? null : manifest.getMainAttributes().getValue("Implementation-Version");
            return version == null ? "unversioned" : version;
        } catch (IOException e) {
            throw new ActiveBenchException(jar + ": cannot read plugin jar: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of a file in hex. */
    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new ActiveBenchException(file + ": cannot read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The exception and its innermost cause, on one line. */
    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return (root == e ? e.toString() : e + " (" + root + ")").replaceAll("\\s+", " ");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t + ")";
    }
}
