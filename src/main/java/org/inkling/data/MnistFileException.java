package org.inkling.data;

import java.io.IOException;

/**
 * A data file that cannot be used: missing, not IDX, damaged, truncated, or inconsistent with its
 * partner. The message always starts with the file it is about, then says exactly what is wrong,
 * because the person reading it has to find and fix that file.
 */
public class MnistFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String problem;

    /**
     * @param file the file (or folder) the problem is in, as the user knows it
     * @param problem what is wrong, phrased to follow the file name ("ends after 12 of 784 image bytes")
     */
    public MnistFileException(String file, String problem) {
        this(file, problem, null);
    }

    public MnistFileException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file or folder the problem is in. */
    public String file() {
        return file;
    }

    /** The problem alone, without the file name. */
    public String problem() {
        return problem;
    }
}
