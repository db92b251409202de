package org.activebench.core;

/**
 * A problem with the user's input (a file, a config key, a parameter) whose message alone tells what to fix.
 * The CLI prints the message on one line and exits non-zero; anything else escaping is a bug.
 */
public class ActiveBenchException extends RuntimeException {
    public ActiveBenchException(String message) {
        super(message);
    }

    public ActiveBenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
