package org.inkling.nn;

import java.io.IOException;

/**
 * A model file could not be read: damaged, truncated, foreign, or inconsistent with itself. The
 * message names the file and the problem, ready to show to a person.
 */
public final class ModelFileException extends IOException {
    public ModelFileException(String source, String problem) {
        super(source + ": " + problem);
    }

    public ModelFileException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
