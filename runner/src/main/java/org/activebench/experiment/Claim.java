package org.activebench.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.activebench.core.ActiveBenchException;

/**
 * An exclusive claim on something, held as a file that is created atomically ({@code O_CREAT|O_EXCL}) and names
 * its owner: host, process id, the process's start time (so that a reused pid is not mistaken for the owner) and a
 * token unique to this claim. A claim whose owner is a dead process on this host is stale and is taken over; one
 * held on another host cannot be checked from here, so it is reported with the file to delete. Closing releases
 * the claim only while the file is still ours. The whole results directory is claimed this way
 * ({@link #LOCK_FILE}); claims on single trials, for shards of one study on many machines, grow out of it.
 */
final class Claim implements AutoCloseable {
    /** The lock of a results directory, held for the whole of a run. */
    static final String LOCK_FILE = ".activebench.lock";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who holds a claim; {@code started} is the owner process's start time (empty where the OS does not say). */
    record Owner(String host, long pid, String started, String since, String token) {
        static Owner current() {
            ProcessHandle self = ProcessHandle.current();
            return new Owner(hostName(), self.pid(), startOf(self).orElse(""), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    UUID.randomUUID().toString());
        }

        /** Whether this owner is a process of this host that has ended. */
        boolean deadHere() {
            if (!host.equals(hostName())) {
                return false;
            }
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            return process.isEmpty() || !process.get().isAlive()
                    || !started.isEmpty() && startOf(process.get()).map(s -> !s.equals(started)).orElse(false);
        }

        String describe() {
            return "process " + pid + " on " + host + " (since " + since + ")";
        }
    }

    private final Path file;
    private final Owner owner;

    private Claim(Path file, Owner owner) {
        this.file = file;
        this.owner = owner;
    }

    /**
     * Takes the claim {@code file}, taking over a stale one.
     *
     * @param what what the file claims, for the message when someone else holds it
     */
    static Claim take(Path file, String what) {
        Owner self = Owner.current();
        byte[] content;
        try {
            content = JSON.writeValueAsBytes(self);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.SYNC);
                return new Claim(file, self);
            } catch (FileAlreadyExistsException held) {
                Optional<Owner> holder = read(file);
                if (holder.isEmpty()) {
                    pause(); // released meanwhile, or its owner is still writing it: look again
                    continue;
                }
                if (!holder.get().deadHere()) {
                    throw new ActiveBenchException(what + " is in use by " + holder.get().describe() + "; wait for it"
                            + " to finish, or, if it is gone, delete " + file);
                }
                removeStale(file, holder.get());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
            }
        }
        throw new ActiveBenchException(what + ": cannot take " + file + " (empty, or changing hands all the time); delete"
                + " it if no run is using this directory");
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActiveBenchException("interrupted while waiting for a claim", e);
        }
    }

    /**
     * Removes a stale claim file, and only that one: it is renamed to a name of our own first (of several processes
     * taking over at once, one rename wins), and put back if, meanwhile, someone else had already replaced it.
     */
    private static void removeStale(Path file, Owner stale) {
        Path mine = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".stale");
        try {
            try {
                Files.move(file, mine, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException gone) {
                return;
            }
            if (!read(mine).map(o -> o.token().equals(stale.token())).orElse(true)) {
                try {
                    Files.createLink(file, mine); // a live claim taken meanwhile: put it back unless another is there
                } catch (FileAlreadyExistsException ignored) {
                    // the file there now is a live claim as well; the one moved aside is not needed
                }
            }
            Files.delete(mine);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take over the stale " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Owner> read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return bytes.length == 0 ? Optional.empty() : Optional.of(JSON.readValue(bytes, Owner.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ActiveBenchException(file + ": not a claim file written by ActiveBench (" + e.getMessage()
                    + "); delete it if no run is using this directory");
        }
    }

    /** Releases the claim, unless it is no longer ours (taken over as stale by a process that thought us dead). */
    @Override
    public void close() {
        if (read(file).map(o -> o.token().equals(owner.token())).orElse(false)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static Optional<String> startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
        }
    }
}
