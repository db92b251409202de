package org.activebench.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.activebench.core.ActiveBenchException;

/**
 * Reads an {@link ExperimentConfig} from JSON; every error names the source, line, column and key. Values are what
 * they say: a key given twice, a number where text belongs ({@code "name": 5}) and text where a number belongs
 * ({@code "batch": "10"}) are errors, not coerced.
 */
public final class ConfigReader {
    private static final ObjectMapper MAPPER = strict();
    private static final Pattern COERCION = Pattern.compile("Cannot coerce \\w+ value \\((.*)\\) to ");

    private static ObjectMapper strict() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.Integer, CoercionInputShape.Float);
        return mapper;
    }

    private static void refuse(JsonMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    private ConfigReader() {
    }

    public static ExperimentConfig read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new ActiveBenchException(file + ": no such file");
        } catch (IOException e) {
            throw new ActiveBenchException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** @param source a name for error messages (the file name, or e.g. "demo config") */
    public static ExperimentConfig parse(String json, String source) {
        ExperimentConfig config;
        try {
            config = MAPPER.readValue(json, ExperimentConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ActiveBenchException(where(source, e.getLocation()) + keyPath(e) + ": unknown key (valid: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "))
                    + ")");
        } catch (MismatchedInputException e) {
            throw new ActiveBenchException(where(source, e.getLocation()) + keyPath(e) + ": " + mismatch(e));
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ActiveBenchException a) {
                throw new ActiveBenchException(where(source, e.getLocation()) + keyPath(e) + ": " + a.getMessage());
            }
            if (cause instanceof StreamReadException syntax) {
                throw new ActiveBenchException(where(source, syntax.getLocation()) + "invalid JSON: "
                        + syntax.getOriginalMessage());
            }
            throw new ActiveBenchException(where(source, e.getLocation()) + keyPath(e) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ActiveBenchException(where(source, e.getLocation()) + "invalid JSON: " + e.getOriginalMessage());
        }
        if (config == null) {
            throw new ActiveBenchException(source + ": the config is empty");
        }
        try {
            return config.validate();
        } catch (ActiveBenchException e) {
            throw new ActiveBenchException(source + ": " + e.getMessage());
        }
    }

    /** "a whole number is required, got \"10\"" for a scalar of the wrong type; Jackson's words otherwise. */
    private static String mismatch(MismatchedInputException e) {
        Matcher coercion = COERCION.matcher(e.getOriginalMessage());
        return e.getTargetType() != null && coercion.lookingAt()
                ? expected(e.getTargetType()) + " is required, got " + coercion.group(1) : e.getOriginalMessage();
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return type == String.class ? "a string (in quotes)" : "a " + type.getSimpleName();
    }

    private static String where(String source, JsonLocation location) {
        return location == null ? source + ": "
                : source + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }

    /** The JSON path of the failing value, e.g. {@code datasets[0].missing}. */
    private static String keyPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(root)" : path.toString();
    }
}
