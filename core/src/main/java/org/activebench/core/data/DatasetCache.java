package org.activebench.core.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;
import org.activebench.core.ActiveBenchException;
import org.activebench.core.CacheDirectory;

/**
 * Parsed data sets on disk, so that a file is parsed once: float32 features, int32 labels, the class and feature
 * names. An entry is named by a SHA-256 of the file's bytes and of how it is read (format, label column, missing
 * values, this layout's version), so an edited file or another reading is a miss, never a stale hit. It holds
 * {@code magic, CRC-32C of the rest, the SHA-256 key itself (an entry copied or linked under another name is refused),
 * n, d, names (JSON), y, x}, is written to a temporary file and moved into place,
 * and one that fails its checksum is reported, deleted and parsed again. Files under {@link #FROM_BYTES} are not
 * cached: parsing them is cheaper than the hash.
 */
final class DatasetCache {
    static final long FROM_BYTES = 4 << 20;
    private static final System.Logger LOG = System.getLogger("activebench");
    private static final long MAGIC = 0x4142444154413032L; // "ABDATA02"
    private static final int KEY = 32;
    private static final int HEADER = 8 + 8 + KEY + 4 + 4 + 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private final Path dir;

    private record Names(List<String> classes, List<String> features) {
    }

    DatasetCache(Path dir) {
        this.dir = dir;
    }

    static DatasetCache standard() {
        return new DatasetCache(CacheDirectory.of("datasets"));
    }

    /** The entry name of {@code file} read this way. */
    static String key(Path file, String format, String label, MissingValues missing) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((MAGIC + "\0" + format + "\0" + label + "\0" + missing + "\0").getBytes());
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 20];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Path file(String key) {
        return dir.resolve(key + ".data");
    }

    /** The cached data set, named {@code name}; null on a miss or a damaged entry (which is then deleted). */
    Dataset read(String key, String name) {
        Path file = file(key);
        if (!Files.exists(file)) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            long size = channel.size();
            InputLimits.current().requireMemory(size, "the cached data set", file.toString());
            if (size < HEADER) {
                throw new IllegalArgumentException(size + " bytes");
            }
            MemorySegment bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena); // copied out in bulk
            CRC32C crc = new CRC32C();
            crc.update(bytes.asSlice(16).asByteBuffer());
            if (bytes.get(LONG, 0) != MAGIC || bytes.get(LONG, 8) != crc.getValue()) {
                throw new IllegalArgumentException("checksum mismatch");
            }
            byte[] stored = bytes.asSlice(16, KEY).toArray(ValueLayout.JAVA_BYTE);
            if (!java.util.Arrays.equals(stored, HexFormat.of().parseHex(key))) {
                throw new IllegalArgumentException("it holds the entry of another file or reading, key "
                        + HexFormat.of().formatHex(stored));
            }
            int n = bytes.get(INT, 16 + KEY);
            int d = bytes.get(INT, 20 + KEY);
            int json = bytes.get(INT, 24 + KEY);
            Names names = JSON.readValue(bytes.asSlice(HEADER, json).toArray(ValueLayout.JAVA_BYTE), Names.class);
            int[] y = new int[n];
            float[] x = new float[Math.multiplyExact(n, d)];
            MemorySegment.copy(bytes, INT, HEADER + json, y, 0, n);
            MemorySegment.copy(bytes, FLOAT, HEADER + json + 4L * n, x, 0, x.length);
            return new Dataset(name, x, y, names.classes(), names.features());
        } catch (IOException | RuntimeException e) {
            if (e instanceof ActiveBenchException limit) {
                throw limit;
            }
            LOG.log(System.Logger.Level.WARNING, "data set cache: " + file + " is not usable (" + e.getMessage() + "); parsing"
                    + " the data again");
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the entry written after parsing replaces it anyway
            }
            return null;
        }
    }

    /** Stores {@code data}; a cache that cannot be written is reported and otherwise ignored. */
    void write(String key, Dataset data) {
        Path file = file(key);
        try {
            byte[] json = JSON.writeValueAsBytes(new Names(data.classNames(), data.featureNames()));
            long size = HEADER + json.length + 4L * data.size() + 4L * data.x().length;
            if (size > Integer.MAX_VALUE - 16) {
                return; // read back in one array: larger data sets are parsed each time
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
            buffer.putLong(MAGIC).putLong(0).put(HexFormat.of().parseHex(key)).putInt(data.size()).putInt(data.dimension()).putInt(json.length).put(json);
            buffer.asIntBuffer().put(data.y());
            buffer.position(buffer.position() + 4 * data.size()).asFloatBuffer().put(data.x());
            CRC32C crc = new CRC32C();
            crc.update(buffer.array(), 16, buffer.capacity() - 16);
            buffer.putLong(8, crc.getValue());
            CacheDirectory.write(file, buffer.array());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "data set cache: cannot write " + file + " (" + e + "); going on without it");
        }
    }
}
