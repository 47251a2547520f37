package org.inkling.ink;

import java.io.IOException;

/** A stroke file that cannot be read; the message names the file, the line and what is wrong. */
public class StrokeFileException extends IOException {
    private final String file;
    private final int line;

    public StrokeFileException(String file, int line, String problem) {
        super(line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public StrokeFileException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.line = 0;
    }

    public String file() {
        return file;
    }

    /** 1-based line number, or 0 when the problem is not on one line (e.g. the file is missing). */
    public int line() {
        return line;
    }
}
