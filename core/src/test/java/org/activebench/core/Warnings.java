package org.activebench.core;

import java.util.List;

/** What ActiveBench warns about (its "activebench" logger), for tests that require one warning or none. */
public final class Warnings {
    private Warnings() {
    }

    /** The WARNING lines logged while {@code action} runs (from any of its threads: two may warn at once). */
    public static List<String> of(Runnable action) {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("activebench");
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel() == java.util.logging.Level.WARNING) {
                    lines.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return List.copyOf(lines);
    }
}
