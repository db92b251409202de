package org.activebench.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.activebench.core.ActiveBenchException;

/** Reads an {@link ExperimentConfig} from JSON; every error names the source, line, column and key. */
public final class ConfigReader {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

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
