package org.inkling.models;

import java.nio.file.Path;

/**
 * Fuzzes Keras' legacy HDF5 model files ({@code model.save("x.h5")}) through {@link Models#open},
 * that is {@link KerasH5Reader} and the third-party jhdf beneath it, from the file's bytes; seeds
 * are the test fixtures ({@code src/test/resources/keras}). See {@link ModelFuzzing} for what passes.
 */
public class KerasH5Fuzz {
    private static Path file;

    public static void fuzzerTestOneInput(byte[] input) {
        if (file == null) file = ModelFuzzing.scratch("h5").resolve("model.h5");
        ModelFuzzing.write(file, input);
        ModelFuzzing.open(file);
    }
}
