package org.inkling.cli;

import java.nio.file.Path;
import org.inkling.models.Models;
import org.inkling.nn.ModelFileException;
import org.inkling.nn.SavedModel;
import picocli.CommandLine.Option;

/** {@code --model FILE}; without it, the model that ships with Inkling. */
final class ModelOptions {
    @Option(names = {"--model", "-m"}, paramLabel = "FILE",
            description = "A model file: .inkling, Keras .h5 or .keras, or a TensorFlow.js model.json (default: the shipped model).")
    Path file;

    SavedModel load() {
        try {
            return file != null ? Models.open(file) : Models.builtIn();
        } catch (ModelFileException e) {
            throw new CliException(e.getMessage(), e);
        }
    }
}
