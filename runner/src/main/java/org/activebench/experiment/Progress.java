package org.activebench.experiment;

/** Receives progress of a run, counted in rounds (a trial stopped early reports its skipped rounds as done). */
public interface Progress extends AutoCloseable {
    Progress NONE = new Progress() {
        @Override
        public void start(long totalRounds, int trials, int resumed) {
        }

        @Override
        public void advance(long rounds) {
        }

        @Override
        public void close() {
        }
    };

    /** Called once before any trial runs. */
    void start(long totalRounds, int trials, int resumed);

    /** Called from trial threads. */
    void advance(long rounds);

    @Override
    void close();
}
