package org.activebench.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.activebench.core.ActiveBenchException;

/**
 * The characters of an input file, decoded as UTF-8 strictly: a malformed byte sequence is an error naming the
 * file and its line (a lenient decoder would turn {@code caf\xe9} and {@code caf\xe8} into one class). A byte-order
 * mark at the start is dropped. At most {@link InputLimits#inputBytes()} bytes are read (after decompression), so a
 * gzip bomb stops early. Decoding is done here, not by {@code InputStreamReader}, because that one drops the
 * characters decoded before a malformed byte, and with them the line number.
 */
final class TextInput extends Reader {
    private static final char BOM = '\uFEFF';
    private final InputStream in;
    private final String file;
    private final long maxBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
    private CoderResult malformed;
    private boolean endOfBytes;
    private boolean done;
    private boolean started;
    private long bytesRead;
    private long line = 1;

    /** @param in the decompressed bytes */
    TextInput(InputStream in, String file, InputLimits limits) {
        this.in = in;
        this.file = file;
        this.maxBytes = limits.inputBytes();
    }

    @Override
    public int read() throws IOException {
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        char c = chars.get();
        if (c == '\n') {
            line++;
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        for (int i = offset; i < offset + n; i++) {
            if (buffer[i] == '\n') {
                line++;
            }
        }
        return n;
    }

    /** Decodes the next characters; false at the end. The characters before a malformed sequence come first. */
    private boolean fill() throws IOException {
        while (true) {
            if (malformed != null) {
                byte[] bad = new byte[Math.min(malformed.length(), bytes.remaining())];
                bytes.get(bytes.position(), bad);
                throw new ActiveBenchException(file + ":" + line + ": not valid UTF-8 (bytes 0x"
                        + HexFormat.of().formatHex(bad) + "); save the file as UTF-8");
            }
            if (done) {
                return false;
            }
            chars.clear();
            CoderResult result = decoder.decode(bytes, chars, endOfBytes);
            if (result.isError()) {
                malformed = result;
            } else if (result.isUnderflow() && endOfBytes) {
                decoder.flush(chars);
                done = true;
            } else if (result.isUnderflow()) {
                readBytes();
            }
            chars.flip();
            if (!started && chars.hasRemaining()) {
                started = true;
                if (chars.get(chars.position()) == BOM) {
                    chars.get();
                }
            }
            if (chars.hasRemaining()) {
                return true;
            }
        }
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfBytes = true;
        } else {
            bytes.position(bytes.position() + n);
            bytesRead += n;
        }
        bytes.flip();
        if (bytesRead > maxBytes) {
            throw new ActiveBenchException(file + ":" + line + ": more than " + maxBytes + " bytes"
                    + (file.endsWith(".gz") ? " after decompression" : "") + ", the limit for one input file (-D"
                    + InputLimits.PREFIX + "maxInputBytes=N raises it)");
        }
    }

    /** The next line without its terminator, or null at the end; a line longer than {@code max} is an error. */
    static String readLine(Reader in, StringBuilder line, int max, String file, int number) throws IOException {
        line.setLength(0);
        int c = in.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n') {
            if (line.length() == max) {
                throw new ActiveBenchException(file + ":" + number + ": a line longer than " + max
                        + " characters, the limit (-D" + InputLimits.PREFIX + "maxLineChars=N raises it)");
            }
            line.append((char) c);
            c = in.read();
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
