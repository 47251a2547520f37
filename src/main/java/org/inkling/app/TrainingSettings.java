package org.inkling.app;

import java.nio.file.Path;

/**
 * Everything one training run needs, already validated by the training view model.
 *
 * @param architecture the hidden layers in {@code Architectures} notation, e.g. "512,512" or "cnn"
 * @param subsetSize   train on the first this many MNIST images (0 = all of them)
 */
public record TrainingSettings(
        String architecture,
        String activation,
        String optimizer,
        double learningRate,
        int batchSize,
        int epochs,
        double validationSplit,
        Path mnistFolder,
        int subsetSize) {}
