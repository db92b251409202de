package org.activebench.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * Writes result files so that a reader, or a resumed run, sees either the old file or the complete new one:
 * the bytes go to a temporary sibling, are forced to disk, and the temporary is renamed over the target.
 */
public final class AtomicFiles {
    static final String TEMP_SUFFIX = ".partial";
    private static final Pattern TEMPORARY = Pattern.compile(".+\\.\\d+\\.\\d+\\" + TEMP_SUFFIX);

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path temp = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + Thread.currentThread().threadId() + TEMP_SUFFIX);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(content));
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code file} is a temporary of {@link #write}: {@code NAME.PID.THREAD.partial}. */
    static boolean isTemporary(Path file) {
        return TEMPORARY.matcher(file.getFileName().toString()).matches();
    }
}
