package org.activebench.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.activebench.core.ActiveBenchException;

/** Reads the JSON files of results and reports; a malformed one is an error naming the file and its line. */
public final class JsonFiles {
    private JsonFiles() {
    }

    /** @param what what the file should have been, for the message ("a valid TrialResult file") */
    public static <T> T read(Path file, Class<T> type, String what) {
        try {
            return ResultStore.JSON.readValue(file.toFile(), type);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String line = at == null || at.getLineNr() < 0 ? "" : ":" + at.getLineNr();
            throw new ActiveBenchException(file + line + ": not " + what + " (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Indented JSON, as result files are written. */
    public static String pretty(JsonNode node) {
        try {
            return ResultStore.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }
}
