package org.inkling.cli;

/** A failure the user can act on: printed as one line, no stack trace, exit code 1. */
final class CliException extends RuntimeException {
    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
