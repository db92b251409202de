package org.activebench.experiment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.activebench.core.ActiveBenchException;

/**
 * Names that become file and directory names under a results directory, and the file-system limits they keep.
 * Every check here runs before anything is written, so a name that cannot be stored fails the run up front.
 */
final class FileNames {
    /**
     * Longest name segment written: NAME_MAX is 255 bytes on ext4, XFS, btrfs, tmpfs and NFS; the rest is room for
     * the {@code .PID.THREAD.partial} suffix of a temporary file.
     */
    static final int MAX_SEGMENT = 200;
    /** Longest path written, in bytes: Linux's PATH_MAX (4096, with the terminator) less room for a temporary's suffix. */
    static final int MAX_PATH = 4000;

    private FileNames() {
    }

    /**
     * A data set, learner or strategy name as a path segment: anything but letters, digits and {@code - _ . [ ] = ,}
     * becomes {@code _}, and a leading {@code .} gets a {@code _} before it, so that a component label such as
     * {@code qbc[committee=3]} stays readable and no name can be {@code .}, {@code ..} or hidden.
     */
    static String segment(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._\\[\\]=,-]", "_");
        return s.startsWith(".") ? "_" + s : s;
    }

    /** The experiment's name names its default results directory, so it must be one plain segment as it is. */
    static void requireDirectoryName(String name, String key) {
        if (name.isEmpty() || !segment(name).equals(name) || name.length() > MAX_SEGMENT) {
            throw new ActiveBenchException(key + ": '" + name + "' cannot name a results directory: use letters, digits"
                    + " and - _ . [ ] = , (not starting with '.', at most " + MAX_SEGMENT + " characters)");
        }
    }

    /**
     * Refuses names whose segments are too long or collide: two entries whose segments are equal, or equal but for
     * case (a case-insensitive file system, as on macOS, would merge them), would overwrite each other's files.
     *
     * @param keys the config key of each name, for the message
     */
    static void requireDistinct(List<String> names, List<String> keys) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String segment = segment(names.get(i));
            if (segment.length() > MAX_SEGMENT) {
                throw new ActiveBenchException(keys.get(i) + ": '" + abbreviate(names.get(i)) + "' is " + segment.length()
                        + " characters long; names become file names, at most " + MAX_SEGMENT);
            }
            Integer other = seen.putIfAbsent(segment.toLowerCase(Locale.ROOT), i);
            if (other != null) {
                throw new ActiveBenchException(keys.get(i) + ": '" + names.get(i) + "' and " + keys.get(other) + " '"
                        + names.get(other) + "' would share the file name '" + segment + "'; rename one");
            }
        }
    }

    /** Refuses a file whose absolute path is longer than the file system takes. */
    static void requireShortEnough(Path file) {
        int bytes = file.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PATH) {
            throw new ActiveBenchException(abbreviate(file.toString()) + ": the path is " + bytes + " bytes long, more than "
                    + MAX_PATH + "; choose a shorter --out or shorter names");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 40) + "..." + s.substring(s.length() - 15);
    }
}
