package org.inkling.data;

import java.io.IOException;
import java.util.List;

/**
 * No mirror could deliver a verified copy of an MNIST file. The message lists what each mirror did
 * wrong and where the user can put the files by hand.
 */
public class MnistDownloadException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> failures;

    public MnistDownloadException(String message, List<String> failures) {
        super(message);
        this.failures = List.copyOf(failures);
    }

    /** One line per mirror tried: {@code "<url>: <what went wrong>"}. */
    public List<String> failures() {
        return failures;
    }
}
