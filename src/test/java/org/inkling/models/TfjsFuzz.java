package org.inkling.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.inkling.nn.ModelFileFuzz;

/**
 * Fuzzes TensorFlow.js Layers models' {@code model.json} through {@link Models#open}
 * ({@link TfjsReader}, {@link KerasConfig}), beside the weight shard of a small valid model
 * ({@code group1-shard1of1.bin}, that of {@link ModelFileFuzz#TINY} as {@link TfjsWriter} writes it),
 * a folder standing next to it and a pipe ({@code fifo.bin}), which a shard path may name.
 */
public class TfjsFuzz {
    private static Path dir;

    public static void fuzzerTestOneInput(byte[] input) {
        Path json = folder().resolve(TfjsWriter.MODEL_JSON);
        ModelFuzzing.write(json, input);
        ModelFuzzing.open(json);
    }

    private static synchronized Path folder() {
        if (dir == null) {
            Path d = ModelFuzzing.scratch("tfjs");
            try {
                TfjsWriter.save(ModelFileFuzz.TINY, d);
                d.resolve(TfjsWriter.SHARD).toFile().deleteOnExit();
                Files.createDirectories(d.resolve("folder.bin")).toFile().deleteOnExit();
                new ProcessBuilder("mkfifo", d.resolve("fifo.bin").toString()).start().waitFor();
                d.resolve("fifo.bin").toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            dir = d;
        }
        return dir;
    }
}
