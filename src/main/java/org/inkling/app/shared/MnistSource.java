package org.inkling.app.shared;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.DoubleConsumer;

/** Finds MNIST on this machine, checks a folder the user picked, or downloads it. */
public interface MnistSource {
    /** The folder holding the four IDX files, if one is found in the usual places. */
    Optional<Path> locate();

    /** Whether {@code folder} holds the four MNIST files (gzipped or not). */
    boolean holdsMnist(Path folder);

    /** Downloads MNIST into the user cache, reporting progress in 0..1; returns the folder. */
    Path download(DoubleConsumer progress) throws IOException;
}
