package org.inkling.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.inkling.base.Fuzzing;

/**
 * Fuzzes the IDX reader, raw and gzipped (the first byte picks images or labels): what it returns
 * matches its header, anything else is a {@link MnistFileException} with a short, clean message.
 */
public class IdxFuzz {
    public static void fuzzerTestOneInput(byte[] input) {
        if (input.length == 0) return;
        byte[] file = Arrays.copyOfRange(input, 1, input.length);
        try {
            if ((input[0] & 1) == 0) {
                IdxImages images = IdxReader.readImages(new ByteArrayInputStream(file), "fuzz-images");
                if ((long) images.count() * images.rows() * images.cols() != images.pixels().length) {
                    throw new AssertionError("pixels do not match the header");
                }
            } else {
                IdxReader.readLabels(new ByteArrayInputStream(file), "fuzz-labels", 10);
            }
        } catch (MnistFileException e) {
            Fuzzing.checkMessage(e.getMessage(), 400);
        } catch (IOException e) {
            throw new AssertionError("an IOException that is not a MnistFileException: " + e, e);
        }
    }
}
