package org.inkling.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the four MNIST files were found, and how (for a line in the log: "from --data", "from
 * INKLING_MNIST", "from the cache", "downloaded").
 *
 * @param files a path for each of the four files
 * @param source how the folder was chosen
 */
public record MnistFiles(Map<MnistFile, Path> files, String source) {
    public MnistFiles {
        EnumMap<MnistFile, Path> copy = new EnumMap<>(MnistFile.class);
        for (MnistFile f : MnistFile.values()) {
            copy.put(f, Objects.requireNonNull(files.get(f), () -> "no path for " + f.fileName()));
        }
        files = Collections.unmodifiableMap(copy);
    }

    /** The path of one file. */
    public Path path(MnistFile f) {
        return files.get(f);
    }
}
