package org.inkling.app.shared;

import java.util.Locale;

/** Turns a failure into the sentence a dialog shows: its own message, not an exception's class name. */
public final class ErrorText {
    private ErrorText() {}

    public static String describe(Throwable error) {
        Throwable cause = error;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() != null ? cause.getMessage() : "something went wrong (" + cause.getClass().getSimpleName() + ")";
        if (cause instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                && fs.getReason().toLowerCase(Locale.ROOT).contains("space")) {
            text = "The disk is full: " + text;
        }
        return text;
    }
}
