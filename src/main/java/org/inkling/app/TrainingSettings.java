package org.inkling.app;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one training run needs, already validated by the training view model.
 *
 * @param hiddenLayers sizes of the hidden dense layers, e.g. [512]
 * @param subsetSize   train on the first this many MNIST images (0 = all of them)
 */
public record TrainingSettings(
        List<Integer> hiddenLayers,
        String activation,
        String optimizer,
        double learningRate,
        int batchSize,
        int epochs,
        double validationSplit,
        Path mnistFolder,
        int subsetSize) {
    public TrainingSettings {
        hiddenLayers = List.copyOf(hiddenLayers);
    }

    /** The architecture as the engine spells it, e.g. "512,512". */
    public String architecture() {
        return String.join(",", hiddenLayers.stream().map(String::valueOf).toList());
    }
}
