package org.activebench.core.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import org.activebench.core.CacheDirectory;

/**
 * Embedding matrices on disk, one file per (model, texts) pair, named by a SHA-256 of both. A file holds a header
 * (magic, that SHA-256 itself, so that an entry copied or linked under another name is refused, n, d, CRC-32 of the
 * values) and the floats; it is written to a temporary file and moved into place, and
 * a file that does not match its header (truncated, corrupted, another shape) is reported and rebuilt, never used.
 */
public final class EmbeddingCache {
    private static final System.Logger LOG = System.getLogger("activebench");
    private static final long MAGIC = 0x41424D4245443032L; // "ABMBED02"
    private static final int KEY = 32;
    private static final int HEADER = 8 + KEY + 4 + 4 + 8;
    private final Path dir;

    public EmbeddingCache(Path dir) {
        this.dir = dir;
    }

    /** The cache's {@code embeddings} directory ({@link CacheDirectory}). */
    public static EmbeddingCache standard() {
        return new EmbeddingCache(CacheDirectory.of("embeddings"));
    }

    public Path dir() {
        return dir;
    }

    /** A hash of the model description and every text (length-prefixed, so no two lists collide by joining). */
    static String key(String model, List<String> texts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, model);
            for (String text : texts) {
                update(digest, text);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    Path file(String key) {
        return dir.resolve(key + ".emb");
    }

    /** The cached n x d matrix, or null on a miss or a damaged file (which is then deleted). */
    float[] read(String key, int n, int d) {
        Path file = file(key);
        byte[] bytes;
        if (!Files.exists(file)) {
            return null;
        }
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "embedding cache: cannot read " + file + " (" + e.getMessage() + "); recomputing");
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long expected = HEADER + 4L * n * d;
        String problem = null;
        if (bytes.length != expected) {
            problem = bytes.length + " bytes, expected " + expected;
        } else if (buffer.getLong() != MAGIC) {
            problem = "wrong header";
        } else if (!java.util.Arrays.equals(bytes, 8, 8 + KEY, HexFormat.of().parseHex(key), 0, KEY)) {
            problem = "it holds the entry of other texts or another model, key " + HexFormat.of().formatHex(bytes, 8, 8 + KEY);
        } else if (buffer.position(8 + KEY).getInt() != n || buffer.getInt() != d) {
            problem = "wrong shape";
        } else {
            long crc = buffer.getLong();
            CRC32 check = new CRC32();
            check.update(bytes, HEADER, bytes.length - HEADER);
            if (check.getValue() != crc) {
                problem = "checksum mismatch";
            }
        }
        if (problem != null) {
            LOG.log(System.Logger.Level.WARNING, "embedding cache: " + file + " is not usable (" + problem + "); rebuilding it");
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the rebuilt file replaces it anyway
            }
            return null;
        }
        float[] x = new float[n * d];
        buffer.position(HEADER).asFloatBuffer().get(x);
        return x;
    }

    void write(String key, int n, int d, float[] x) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + 4 * x.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(MAGIC).put(HexFormat.of().parseHex(key)).putInt(n).putInt(d).putLong(0);
        buffer.asFloatBuffer().put(x);
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), HEADER, buffer.capacity() - HEADER);
        buffer.putLong(HEADER - 8, crc.getValue());
        Path file = file(key);
        try {
            CacheDirectory.write(file, buffer.array());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "embedding cache: cannot write " + file + " (" + e + "); going on without it");
        }
    }
}
