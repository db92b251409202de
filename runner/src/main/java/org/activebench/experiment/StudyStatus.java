package org.activebench.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code activebench status DIR}: for every cell of the study in {@code DIR}, whether it is done (its result file
 * is there), running (a live claim: who holds it, since when, its last heartbeat), failed (its last attempt's
 * line) or missing (never claimed, or its claim went stale: the next shard to reach it takes it over); counted per
 * data set and strategy. It reads only, so it may run at any time, from any host that sees the directory.
 */
public record StudyStatus(String name, String study, int cells, List<Row> rows, List<String> running,
                          List<String> failed, List<String> stale) {

    /** Counts of one data set and strategy ({@code (reference)} for the full-pool fits), over learners and seeds. */
    public record Row(String dataset, String strategy, int done, int running, int failed, int missing) {
    }

    public static StudyStatus of(Path dir, Duration timeout) {
        StudyRecord study = StudyRecord.read(dir);
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<String> running = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (StudyRecord.CellEntry cell : study.cells()) {
            String[] parts = cell.id().split("/");
            boolean reference = parts[0].equals("reference");
            int[] count = counts.computeIfAbsent(parts[1] + "\t" + (reference ? "(reference)" : parts[3]), k -> new int[4]);
            Optional<Claim.Holder> holder = Claim.holder(CellClaims.claimFile(dir, cell.id()));
            Path failure = CellClaims.failureFile(dir, cell.id());
            if (Files.exists(dir.resolve(cell.id() + ".json"))) {
                count[0]++;
            } else if (holder.isPresent() && !holder.get().staleAfter(timeout)) {
                count[1]++;
                running.add(cell.id() + ": " + holder.get().describe() + ", heartbeat "
                        + holder.get().age().toSeconds() + " s ago");
            } else if (Files.exists(failure)) {
                count[2]++;
                failed.add(cell.id() + ": " + firstLine(failure));
            } else {
                count[3]++;
                holder.ifPresent(h -> stale.add(cell.id() + ": claimed by " + h.owner().describe() + ", heartbeat "
                        + h.age().toSeconds() + " s ago: stale, the next shard to reach it takes it over"));
            }
        }
        List<Row> rows = counts.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("\t");
            int[] c = e.getValue();
            return new Row(key[0], key[1], c[0], c[1], c[2], c[3]);
        }).toList();
        return new StudyStatus(study.name(), study.study(), study.cells().size(), rows, running, failed, stale);
    }

    private static String firstLine(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public int total(java.util.function.ToIntFunction<Row> column) {
        return rows.stream().mapToInt(column).sum();
    }

    /** The table and lists, as the command prints them. */
    public String describe() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "study '%s' (%s): %d cells, %d done, %d running, %d failed, %d missing%n", name, study, cells,
                total(Row::done), total(Row::running), total(Row::failed), total(Row::missing)));
        int width = Math.max(8, rows.stream().mapToInt(r -> r.dataset().length()).max().orElse(0));
        int strategyWidth = Math.max(11, rows.stream().mapToInt(r -> r.strategy().length()).max().orElse(0));
        String format = "%-" + width + "s  %-" + strategyWidth + "s  %6s  %7s  %6s  %7s%n";
        out.append(String.format(Locale.ROOT, format, "data set", "strategy", "done", "running", "failed", "missing"));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, format, r.dataset(), r.strategy(), r.done(), r.running(), r.failed(),
                    r.missing()));
        }
        section(out, "running", running);
        section(out, "failed (the trace is in claims/ID.failed)", failed);
        section(out, "claims gone stale", stale);
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            out.append(title).append(":\n");
            lines.forEach(l -> out.append("  ").append(l).append('\n'));
        }
    }
}
