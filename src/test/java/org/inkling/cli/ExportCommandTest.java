package org.inkling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inkling export} and {@code --model} with the formats of other tools, as a user types them. */
class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void exportsTheShippedModelAndEvaluateReadsTheExportsAndKerasFiles() throws Exception {
        Path keras = dir.resolve("digits.keras");
        CommandLineTest.Run k = CommandLineTest.run("export", "--format", "keras", "--out", keras.toString());
        assertThat(k.exitCode()).as(k.err()).isZero();
        long parameters = org.inkling.models.Models.builtIn().network().params().stream().mapToLong(p -> p.value().getNumElements()).sum();
        assertThat(k.out()).contains("Wrote inkling-default (" + parameters + " parameters) to " + keras);
        Path tfjs = dir.resolve("web");
        CommandLineTest.Run t = CommandLineTest.run("export", "--model", keras.toString(), "--format", "tfjs", "--out", tfjs.toString(), "--json");
        assertThat(t.exitCode()).as(t.err()).isZero();
        assertThat(t.summary()).containsEntry("path", tfjs.resolve("model.json").toString()).containsEntry("format", "tfjs");
        assertThat(Files.exists(tfjs.resolve("group1-shard1of1.bin"))).isTrue();

        // a model that went Inkling -> Keras -> TensorFlow.js still reads MNIST as the shipped one does
        CommandLineTest.Run e = CommandLineTest.run("evaluate", "--model", tfjs.resolve("model.json").toString(),
                "--data", CommandLineTest.MNIST, "--json");
        assertThat(e.exitCode()).as(e.err()).isZero();
        assertThat(((Number) e.summary().get("accuracy")).doubleValue())
                .isEqualTo(((Number) org.inkling.models.Models.builtIn().metrics().get("test_accuracy")).doubleValue());

        CommandLineTest.Run h5 = CommandLineTest.run("predict", "--model", "src/test/resources/keras/keras3/mlp.h5",
                "--idx", CommandLineTest.MNIST + "/t10k-images-idx3-ubyte.gz", "--json");
        assertThat(h5.exitCode()).as(h5.err()).isZero();
    }

    @Test
    void aKerasFileMustEndInDotKerasAndBadFilesSayWhy() {
        CommandLineTest.Run r = CommandLineTest.run("export", "--format", "keras", "--out", dir.resolve("digits.h5").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("must end in .keras");
        CommandLineTest.Run bad = CommandLineTest.run("evaluate", "--model", "src/test/resources/keras/unknown-layer.h5", "--data", CommandLineTest.MNIST);
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("unknown-layer.h5: BatchNormalization layer 'batch_normalization_1' is not a layer Inkling has");
    }
}
