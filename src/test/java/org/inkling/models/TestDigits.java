package org.inkling.models;

import java.io.IOException;
import java.nio.file.Path;
import org.inkling.data.MnistDataset;

/** The MNIST test set the fixtures' expected probabilities were computed on. */
final class TestDigits {
    private static MnistDataset test;
    private static MnistDataset train;

    private TestDigits() {}

    static synchronized MnistDataset test() throws IOException {
        if (test == null) {
            Path dir = org.inkling.data.TestMnist.dir();
            test = MnistDataset.load(dir.resolve("t10k-images-idx3-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"));
        }
        return test;
    }

    static synchronized MnistDataset train() throws IOException {
        if (train == null) {
            Path dir = org.inkling.data.TestMnist.dir();
            train = MnistDataset.load(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"));
        }
        return train;
    }

    /** The first {@code n} test images as 0..1 rows, as Inkling feeds every network. */
    static float[][] first(int n) throws IOException {
        MnistDataset t = test();
        float[][] rows = new float[n][784];
        for (int i = 0; i < n; i++) t.copyInput(i, rows[i], 0);
        return rows;
    }
}
