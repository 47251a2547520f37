package org.inkling.data;

import java.io.IOException;

/**
 * The MNIST training and test sets, read from the four located files.
 *
 * @param train the 60,000 training images
 * @param test the 10,000 test images
 */
public record Mnist(MnistDataset train, MnistDataset test) {
    /** Reads and checks all four files. */
    public static Mnist load(MnistFiles files) throws IOException {
        MnistDataset train = MnistDataset.load(files.path(MnistFile.TRAIN_IMAGES), files.path(MnistFile.TRAIN_LABELS));
        MnistDataset test = MnistDataset.load(files.path(MnistFile.TEST_IMAGES), files.path(MnistFile.TEST_LABELS));
        return new Mnist(train, test);
    }
}
