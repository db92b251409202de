package org.activebench.experiment;

import org.activebench.core.ActiveBenchException;

/**
 * Shard {@code index} of {@code count} of a study ({@code --shard I/N}, I from 0 to N-1, as Slurm numbers array
 * tasks): the cells {@link StudyPlan#shard} assigns to it. Every shard of a study computes into one results
 * directory; together the N shards cover every cell once.
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new ActiveBenchException("--shard: I/N needs N >= 1 and 0 <= I < N, got " + index + "/" + count);
        }
    }

    /** Parses {@code I/N}. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2 || !parts[0].matches("\\d{1,9}") || !parts[1].matches("\\d{1,9}")) {
            throw new ActiveBenchException("--shard: expected I/N (shard I of N, I from 0), got '" + text + "'");
        }
        return new Shard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
