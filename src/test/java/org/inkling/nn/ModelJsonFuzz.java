package org.inkling.nn;


/** Fuzzes {@code model.json} inside an archive whose weights are valid (see {@link ModelFileFuzz}). */
public class ModelJsonFuzz {
    public static void fuzzerTestOneInput(byte[] input) {
        ModelFileFuzz.load(ModelFileFuzz.withModelJson(input));
    }
}
