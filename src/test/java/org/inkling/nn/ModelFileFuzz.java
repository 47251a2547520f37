package org.inkling.nn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.inkling.base.Fuzzing;

/**
 * Fuzzes model files from the zip's bytes ({@link ModelJsonFuzz} fuzzes model.json inside a
 * valid archive, where random bytes would rarely get past the zip's checksums): a load gives a network
 * that predicts finite values, or fails with a {@link ModelFileException} with a short, clean message.
 */
public class ModelFileFuzz {
    /** A small valid model: 784 inputs, 4 hidden units, 10 classes (3,190 parameters). */
    public static final SavedModel TINY = SavedModel.of("tiny", Sequential.mlp(784, new int[] {4}, Activation.RELU, 10, 1));

    public static void fuzzerTestOneInput(byte[] input) {
        load(input);
    }

    static void load(byte[] zip) {
        SavedModel m;
        try {
            m = ModelFile.load(new ByteArrayInputStream(zip), "fuzz.inkling");
        } catch (ModelFileException e) {
            Fuzzing.checkMessage(e.getMessage(), 600);
            return;
        }
        float[] out = m.network().predict(new float[m.network().inputSize()]);
        for (float v : out) if (!Float.isFinite(v)) throw new AssertionError("a loaded model predicts " + v);
    }

    /** The same archive as {@link #TINY}'s with {@code json} as its model.json. */
    static byte[] withModelJson(byte[] json) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(b)) {
                zip.putNextEntry(new ZipEntry("model.json"));
                zip.write(json);
                for (Param p : TINY.network().params()) {
                    zip.putNextEntry(new ZipEntry("weights/" + p.name().replace('/', '.') + ".npy"));
                    zip.write(Npy.write(p.shape(), p.value().data, p.size()));
                }
            }
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** TINY's own model.json. */
    static byte[] tinyModelJson() {
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(ModelFile.toBytes(TINY)))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("model.json")) return zip.readAllBytes();
            }
            throw new IllegalStateException("no model.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
