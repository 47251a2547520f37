package org.inkling.nn;

import java.io.IOException;
import org.inkling.base.SafeText;

/**
 * A model file could not be read: damaged, truncated, foreign, or inconsistent with itself. The
 * message names the file and the problem, ready to show to a person.
 *
 * <p>A problem often quotes the file (a layer's name, a shape, a value), and each reader shortens
 * what it quotes; the problem as a whole is also cut to {@value #MAX_PROBLEM} characters with
 * control characters escaped, so that no quote a reader missed can flood or drive a terminal.
 */
public final class ModelFileException extends IOException {
    /** The longest problem a message shows. */
    public static final int MAX_PROBLEM = 500;

    public ModelFileException(String source, String problem) {
        super(source + ": " + SafeText.excerpt(problem, MAX_PROBLEM));
    }

    public ModelFileException(String source, String problem, Throwable cause) {
        super(source + ": " + SafeText.excerpt(problem, MAX_PROBLEM), cause);
    }
}
