package org.inkling.app.inspection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.inkling.app.shared.MnistFolders;
import org.inkling.data.MnistFile;
import org.inkling.data.MnistFiles;
import org.inkling.data.MnistDataset;
import org.inkling.ink.StrokeFile;
import org.inkling.inspect.DrawingSet;
import org.inkling.nn.Examples;

/**
 * Loads the sets the Evaluate view scores, on a worker thread. Keeps the MNIST test set of the last
 * folder (7.8 MB as bytes) so that re-evaluating at each epoch's end reads no file.
 */
final class EvaluationSets {
    /** Stroke files larger than this are refused before reading: a set to look at, not a corpus. */
    static final long MAX_STROKE_FILE_BYTES = 64L << 20;

    private Path mnistFolder;
    private MnistDataset mnistTest;

    synchronized Examples load(EvaluationSet set, Path mnist, Path strokes) throws IOException {
        return switch (set) {
            case MNIST_TEST -> mnistTest(mnist);
            case MY_DIGITS, STROKE_FILE -> drawings(strokes);
        };
    }

    private MnistDataset mnistTest(Path folder) throws IOException {
        if (folder == null) throw new IOException("MNIST was not found: choose its folder in the Train tab first");
        Path key = folder.toAbsolutePath().normalize();
        if (!key.equals(mnistFolder)) {
            MnistFiles files = MnistFolders.filesIn(key);
            mnistTest = MnistDataset.load(files.path(MnistFile.TEST_IMAGES), files.path(MnistFile.TEST_LABELS));
            mnistFolder = key;
        }
        return mnistTest;
    }

    private static Examples drawings(Path file) throws IOException {
        if (file == null) throw new IOException("no stroke file chosen");
        if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
        long size = Files.size(file);
        if (size > MAX_STROKE_FILE_BYTES) {
            throw new IOException(file + ": " + size / (1 << 20) + " MB is more than the " + (MAX_STROKE_FILE_BYTES >> 20)
                    + " MB a set to look at may have");
        }
        Examples e = DrawingSet.of(StrokeFile.read(file));
        if (e.size() == 0) throw new IOException(file + ": holds no drawing labelled with a digit to score");
        return e;
    }
}
