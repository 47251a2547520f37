package org.inkling.base;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way Inkling opens a file a person names: only a regular file (a folder, a pipe, a device or
 * a socket is refused before it is opened: reading a FIFO would wait forever), no larger than the
 * reader's limit, each problem named with the file.
 */
public final class Inputs {
    private Inputs() {}

    /** A file that cannot be read as input; {@link #problem()} is the message without the file name. */
    public static final class InputException extends IOException {
        private final String file;
        private final String problem;

        public InputException(String file, String problem, Throwable cause) {
            super(file + ": " + problem, cause);
            this.file = file;
            this.problem = problem;
        }

        public String file() {
            return file;
        }

        public String problem() {
            return problem;
        }
    }

    /**
     * Checks that {@code file} is a regular file of at most {@code maxBytes} and returns its size.
     *
     * @param what what the file should be, for the limit's message (e.g. "a model file")
     */
    public static long checkRegularFile(Path file, long maxBytes, String what) throws InputException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "no such file", e);
        } catch (AccessDeniedException e) {
            throw new InputException(file.toString(), "cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot be read (" + SafeText.excerpt(e.getMessage()) + ")", e);
        }
        if (a.isDirectory()) throw new InputException(file.toString(), "is a folder, not a file", null);
        if (!a.isRegularFile()) {
            throw new InputException(file.toString(), "is not a regular file (a pipe, device or socket); give a file", null);
        }
        if (a.size() > maxBytes) {
            throw new InputException(file.toString(), "is " + SafeText.bytes(a.size()) + "; the limit for " + what
                    + " is " + SafeText.bytes(maxBytes), null);
        }
        return a.size();
    }

    /** {@link #checkRegularFile} then opens it. */
    public static InputStream open(Path file, long maxBytes, String what) throws InputException {
        checkRegularFile(file, maxBytes, what);
        try {
            return Files.newInputStream(file);
        } catch (AccessDeniedException e) {
            throw new InputException(file.toString(), "cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot be read (" + SafeText.excerpt(e.getMessage()) + ")", e);
        }
    }
}
