package org.activebench.experiment;

import com.fasterxml.jackson.databind.DeserializationFeature;
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
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.activebench.core.ActiveBenchException;

/**
 * An exclusive claim on something, held as a file that is created atomically ({@code O_CREAT|O_EXCL}, which NFS
 * honours, unlike {@code flock}) and names its owner: host, process id, the process's start time (so that a reused
 * pid is not mistaken for the owner), who it works for (a shard, a Slurm task) and a token unique to this claim.
 * While held, a daemon thread touches the file every {@link #HEARTBEAT}; a claim is stale, and is taken over, when
 * its owner is a dead process of this host, or when its heartbeat is older than the timeout (an owner on another
 * host that died or hangs; this compares the file's time with this host's clock, so the hosts' clocks must agree
 * to well within the timeout, as NTP keeps them). Closing releases the claim only while the file is still ours.
 * The whole results directory is claimed this way ({@link #LOCK_FILE}), and so is each cell of a sharded study.
 */
public final class Claim implements AutoCloseable {
    /** The lock of a results directory, held for the whole of a run. */
    static final String LOCK_FILE = ".activebench.lock";
    /** How often a held claim's file is touched. */
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    /** A claim whose heartbeat is this old is taken over by default; at least three heartbeats. */
    public static final long DEFAULT_TIMEOUT_SECONDS = 300;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Set<Claim> HELD = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService BEAT = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "activebench-heartbeat");
        t.setDaemon(true);
        return t;
    });

    static {
        BEAT.scheduleAtFixedRate(() -> HELD.forEach(Claim::beat), HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(),
                TimeUnit.SECONDS);
    }

    /**
     * Who holds a claim; {@code started} is the owner process's start time (empty where the OS does not say),
     * {@code works} what it works for (empty for a plain run), e.g. {@code shard 2/4, slurm job 81_2}.
     */
    record Owner(String host, long pid, String started, String since, String token, String works) {
        static Owner current(String works) {
            ProcessHandle self = ProcessHandle.current();
            return new Owner(hostName(), self.pid(), startOf(self).orElse(""), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    UUID.randomUUID().toString(), works);
        }

        static Owner current() {
            return current("");
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
            return "process " + pid + " on " + host + (works == null || works.isEmpty() ? "" : " (" + works + ")")
                    + " (since " + since + ")";
        }
    }

    /**
     * A claim file as found: its owner (null when the file is empty or is no claim: being written, or left damaged by a
     * crash or a full disk; then only its heartbeat, the file's time, tells whether it is stale), how long ago its
     * heartbeat was, and its bytes (so that only the very file judged stale is removed).
     */
    record Holder(Owner owner, Duration age, byte[] content) {
        boolean staleAfter(Duration timeout) {
            return owner != null && owner.deadHere() || age.compareTo(timeout) > 0;
        }

        String describe() {
            return owner != null ? owner.describe() : "an unreadable claim file (empty, or not written by ActiveBench)"
                    + " touched " + age.toSeconds() + " s ago";
        }
    }

    private final Path file;
    private final Owner owner;

    private Claim(Path file, Owner owner) {
        this.file = file;
        this.owner = owner;
        HELD.add(this);
    }

    /**
     * Takes the claim {@code file}, taking over a stale one, or fails naming who holds it.
     *
     * @param what what the file claims, for the message when someone else holds it
     */
    static Claim take(Path file, String what) {
        return attempt(file, Owner.current(), DEFAULT_TIMEOUT, what).orElseThrow(() -> new IllegalStateException(file.toString()));
    }

    /** Takes the claim {@code file} for {@code works}, taking over a stale one; empty while another owner holds it. */
    static Optional<Claim> tryTake(Path file, String works, Duration timeout) {
        return attempt(file, Owner.current(works), timeout, null);
    }

    /** @param what null to return empty where a live owner holds the claim, else what to name in the exception */
    private static Optional<Claim> attempt(Path file, Owner self, Duration timeout, String what) {
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
                return Optional.of(new Claim(file, self));
            } catch (NoSuchFileException parent) {
                createParent(file);
            } catch (FileAlreadyExistsException held) {
                Optional<Holder> holder = holder(file);
                if (holder.isEmpty()) {
                    continue; // released meanwhile: try again
                }
                if (!holder.get().staleAfter(timeout)) {
                    if (holder.get().owner() == null && attempt < 9) {
                        pause(); // its owner may be writing it: look again before calling it held
                        continue;
                    }
                    if (what == null) {
                        return Optional.empty();
                    }
                    throw new ActiveBenchException(what + " is in use by " + holder.get().describe() + "; wait"
                            + " for it to finish, or, if it is gone, delete " + file);
                }
                removeStale(file, holder.get().content());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
            }
        }
        throw new ActiveBenchException((what == null ? file.toString() : what) + ": cannot take " + file + " (empty,"
                + " or changing hands all the time); delete it if no run is using it");
    }

    private static void createParent(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
    }

    /** The claim file's owner (null if unreadable) and heartbeat age, if the file exists. */
    static Optional<Holder> holder(Path file) {
        try {
            Instant beat = Files.getLastModifiedTime(file).toInstant();
            byte[] content = Files.readAllBytes(file);
            return Optional.of(new Holder(owner(content), Duration.between(beat, Instant.now()), content));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The owner a claim file names; null for an empty file or one that is no claim. */
    private static Owner owner(byte[] content) {
        try {
            Owner owner = content.length == 0 ? null : JSON.readValue(content, Owner.class);
            return owner == null || owner.token() == null || owner.host() == null ? null : owner;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the file still names this claim (not taken over by someone who thought us gone). */
    boolean held() {
        try {
            Owner found = owner(Files.readAllBytes(file));
            return found != null && found.token().equals(owner.token());
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void beat() {
        try {
            if (held()) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            }
        } catch (IOException | RuntimeException e) {
            Logger.getLogger(Claim.class.getName()).warning("heartbeat of " + file + " failed: " + e.getMessage());
        }
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
    private static void removeStale(Path file, byte[] stale) {
        Path mine = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".stale");
        try {
            try {
                Files.move(file, mine, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException gone) {
                return;
            }
            if (!java.util.Arrays.equals(Files.readAllBytes(mine), stale)) {
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

    /** Releases the claim, unless it is no longer ours (taken over as stale by a process that thought us dead). */
    @Override
    public void close() {
        HELD.remove(this);
        if (held()) {
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
