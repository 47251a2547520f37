package org.inkling.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.inkling.base.Fuzzing;
import org.inkling.base.SafeText;
import org.inkling.nn.ModelFileException;
import org.inkling.nn.SavedModel;

/**
 * What the Keras and TensorFlow.js fuzz targets demand of {@link Models#open}: a model whose network
 * predicts finite values, or a {@link ModelFileException} that names the file first and then the
 * problem in a short message without control characters. Anything else (another exception, an
 * error, a hang) is a finding.
 */
final class ModelFuzzing {
    private ModelFuzzing() {}

    static void open(Path file) {
        SavedModel m;
        try {
            m = Models.open(file);
        } catch (ModelFileException e) {
            String message = e.getMessage();
            if (message == null || !message.startsWith(file.toString())) {
                throw new AssertionError("an error that does not name the file first: " + SafeText.excerpt(message, 300));
            }
            Fuzzing.checkMessage(message.replace(file.toString(), "FILE"), 600);
            return;
        }
        float[] out = m.network().predict(new float[m.network().inputSize()]);
        for (float v : out) if (!Float.isFinite(v)) throw new AssertionError("a loaded model predicts " + v);
    }

    /** A folder of its own for one target's files, removed when the JVM exits. */
    static Path scratch(String name) {
        try {
            Path dir = Files.createTempDirectory("inkling-fuzz-" + name + "-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file.toFile().deleteOnExit();
    }
}
