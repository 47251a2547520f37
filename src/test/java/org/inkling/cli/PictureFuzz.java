package org.inkling.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.inkling.base.Fuzzing;

/**
 * Fuzzes picture input (PNG and whatever else ImageIO recognises) from a file, as {@code predict
 * --image} reads it: 784 values in 0..1, or an IOException with a short, clean message.
 */
public class PictureFuzz {
    private static Path file;

    public static void fuzzerTestOneInput(byte[] input) {
        try {
            if (file == null) {
                file = Files.createTempFile("inkling-fuzz-", ".png");
                file.toFile().deleteOnExit();
            }
            Files.write(file, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            float[] x = PictureInput.read(file);
            if (x.length != 784) throw new AssertionError(x.length + " values");
            for (float v : x) if (!(v >= 0 && v <= 1)) throw new AssertionError("a pixel of " + v);
        } catch (IOException | CliException e) {
            Fuzzing.checkMessage(e.getMessage().replace(file.toString(), "FILE"), 300);
        }
    }
}
