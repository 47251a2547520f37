package org.inkling.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.inkling.nn.ModelFile;
import org.inkling.nn.ModelFileException;
import org.inkling.nn.SavedModel;
import picocli.CommandLine.Option;

/** {@code --model FILE}; without it, the model that ships with Inkling. */
final class ModelOptions {
    static final String SHIPPED = "/models/inkling-default.inkling";

    @Option(names = {"--model", "-m"}, paramLabel = "FILE", description = "A .inkling model file (default: the shipped model).")
    Path file;

    SavedModel load() {
        try {
            if (file != null) return ModelFile.load(file);
            return loadShipped();
        } catch (ModelFileException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    static SavedModel loadShipped() throws ModelFileException {
        try (InputStream in = ModelOptions.class.getResourceAsStream(SHIPPED)) {
            if (in == null) throw new CliException("no shipped model in this build; give one with --model FILE");
            return ModelFile.load(in, "shipped model " + SHIPPED);
        } catch (IOException e) {
            throw new CliException("could not read the shipped model: " + e.getMessage(), e);
        }
    }
}
