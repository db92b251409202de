package org.activebench.core.split;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.activebench.core.ActiveBenchException;

/**
 * Splits fixed in advance, so that a published protocol can be replayed exactly:
 * <pre>{"splits": [{"seed": 1, "pool": [..], "test": [..], "initial": [..]}, ...]}</pre>
 * Row indices are 0-based positions in the data file (after rows dropped for missing values, if any).
 */
public final class SplitFile {
    private SplitFile() {
    }

    /** Reads and validates the file against a data set of {@code rows} rows; the result is keyed by seed. */
    public static Map<Long, Split> read(Path path, int rows) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(path));
        } catch (NoSuchFileException e) {
            throw new ActiveBenchException(path + ": no such file");
        } catch (JsonProcessingException e) {
            throw new ActiveBenchException(path + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ActiveBenchException(path + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode splits = root == null ? null : root.get("splits");
        if (splits == null || !splits.isArray() || splits.isEmpty()) {
            throw new ActiveBenchException(path + ": expected {\"splits\": [{\"seed\", \"pool\", \"test\", \"initial\"}, ...]}");
        }
        Map<Long, Split> bySeed = new TreeMap<>();
        for (int s = 0; s < splits.size(); s++) {
            String at = path + ": splits[" + s + "]";
            JsonNode entry = splits.get(s);
            JsonNode seed = entry.get("seed");
            if (seed == null || !seed.canConvertToLong() || !seed.isIntegralNumber()) {
                throw new ActiveBenchException(at + ".seed: an integer is required");
            }
            entry.fieldNames().forEachRemaining(key -> {
                if (!key.matches("seed|pool|test|initial")) {
                    throw new ActiveBenchException(at + "." + key + ": unknown key (valid: seed, pool, test, initial)");
                }
            });
            boolean[] inPool = new boolean[rows];
            boolean[] used = new boolean[rows];
            int[] pool = rows(entry, "pool", at, rows, used, null);
            for (int r : pool) {
                inPool[r] = true;
            }
            int[] test = rows(entry, "test", at, rows, used, null);
            int[] initial = rows(entry, "initial", at, rows, new boolean[rows], inPool);
            if (bySeed.put(seed.asLong(), new Split(pool, test, initial, pool)) != null) {
                throw new ActiveBenchException(at + ".seed: seed " + seed.asLong() + " appears twice");
            }
        }
        return bySeed;
    }

    /** Reads one index array; {@code used} catches overlap, {@code mustBeIn} (if given) a subset violation. */
    private static int[] rows(JsonNode entry, String key, String at, int n, boolean[] used, boolean[] mustBeIn) {
        JsonNode array = entry.get(key);
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new ActiveBenchException(at + "." + key + ": a non-empty array of row indices is required");
        }
        int[] rows = new int[array.size()];
        for (int i = 0; i < rows.length; i++) {
            JsonNode v = array.get(i);
            String where = at + "." + key + "[" + i + "]";
            if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() >= n) {
                throw new ActiveBenchException(where + ": " + v + " is not a row index in [0, " + n + ")");
            }
            int r = v.asInt();
            if (used[r]) {
                throw new ActiveBenchException(where + ": row " + r + " appears twice (pool and test must be disjoint)");
            }
            if (mustBeIn != null && !mustBeIn[r]) {
                throw new ActiveBenchException(where + ": row " + r + " is not in the pool");
            }
            used[r] = true;
            rows[i] = r;
        }
        return rows;
    }
}
