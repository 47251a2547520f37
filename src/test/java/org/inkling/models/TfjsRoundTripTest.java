package org.inkling.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.inkling.data.MnistDataset;
import org.inkling.json.Json;
import org.inkling.nn.Activation;
import org.inkling.nn.Losses;
import org.inkling.nn.RmsProp;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Sequential;
import org.inkling.nn.TrainConfig;
import org.inkling.nn.Trainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip through the real TensorFlow.js 4.22.0 in Node ({@code src/test/tfjs}): Inkling's
 * exports load in tfjs and predict 100 MNIST test images as Inkling does, and a model trained and
 * saved by tfjs opens in Inkling and predicts as tfjs does, within 1e-5.
 *
 * <p>Needs {@code node} and the npm packages of {@code src/test/tfjs}: {@code .ci/run} installs
 * them with {@code npm ci}; on a developer's machine this test runs {@code npm ci} itself the first
 * time (npm registry needed once). Without Node it fails saying what to install: it never skips.
 */
class TfjsRoundTripTest {
    static final Path TFJS = Path.of("src/test/tfjs");
    static final int IMAGES = 100;

    @TempDir
    static Path dir;

    @BeforeAll
    static void tensorflowJs() throws Exception {
        String version = run(List.of("node", "--version"), Path.of("."), 60,
                "Node.js is needed for the TensorFlow.js round trip: install Node 18+ and npm (Debian: apt-get install nodejs npm)");
        assertThat(version).startsWith("v");
        Path installed = TFJS.resolve("node_modules/@tensorflow/tfjs/package.json");
        if (!Files.exists(installed) || !Files.readString(installed).contains("\"version\": \"4.22.0\"")) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), TFJS, 600,
                    "npm ci in src/test/tfjs failed: it installs @tensorflow/tfjs 4.22.0 from the npm registry for this test");
        }
    }

    /** Runs a command, returning its output; a failure says what it needs. */
    static String run(List<String> command, Path cwd, int seconds, String need) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(need + " (" + command.get(0) + " cannot be started: " + e.getMessage() + ")", e);
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(need + ": " + command + " took longer than " + seconds + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new AssertionError(need + ": " + command + " exited with " + p.exitValue() + "\n" + text);
        return text;
    }

    static Path writeFloats(Path file, float[][] rows) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(rows.length * rows[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] r : rows) for (float v : r) b.putFloat(v);
        return Files.write(file, b.array());
    }

    @SuppressWarnings("unchecked")
    static List<float[]> probabilities(Path json) throws IOException {
        List<float[]> out = new ArrayList<>();
        for (Object row : (List<Object>) Json.parseObject(Files.readString(json)).get("probabilities")) {
            List<Number> r = (List<Number>) row;
            float[] f = new float[r.size()];
            for (int i = 0; i < f.length; i++) f[i] = r.get(i).floatValue();
            out.add(f);
        }
        return out;
    }

    static double worstDifference(Sequential net, float[][] images, List<float[]> other) {
        assertThat(other).hasSize(images.length);
        double worst = 0;
        for (int i = 0; i < images.length; i++) {
            float[] p = net.predict(images[i]);
            assertThat(other.get(i)).hasSize(p.length);
            for (int j = 0; j < p.length; j++) worst = Math.max(worst, Math.abs(p[j] - other.get(i)[j]));
        }
        return worst;
    }

    /** A textbook MLP trained by Inkling for one epoch on 10,000 MNIST images (a second or so). */
    static SavedModel trainedMlp() throws IOException {
        Sequential mlp = Sequential.mlp(784, new int[] {64}, Activation.RELU, 10, 1);
        MnistDataset train = TestDigits.train().subset(0, 10_000);
        Trainer.fit(mlp, new RmsProp(), Losses.SPARSE_CATEGORICAL_CROSSENTROPY, train, TrainConfig.of(1, 128, 1), null, null);
        return SavedModel.of("mlp", mlp);
    }

    @Test
    void inklingExportsPredictTheSameInTensorFlowJs() throws Exception {
        float[][] images = TestDigits.first(IMAGES);
        Path imageFile = writeFloats(dir.resolve("test100.f32"), images);
        for (SavedModel m : List.of(trainedMlp(), Models.builtIn(), ExportTest.elevenClasses())) {
            Path folder = dir.resolve(m.name() + "-tfjs");
            TfjsWriter.save(m, folder);
            Path out = dir.resolve(m.name() + "-predictions.json");
            run(List.of("node", "predict.mjs", folder.resolve("model.json").toAbsolutePath().toString(), imageFile.toAbsolutePath().toString(),
                    out.toAbsolutePath().toString()), TFJS, 300, "tfjs could not load or run " + folder);
            Map<String, Object> result = Json.parseObject(Files.readString(out));
            assertThat(result).containsEntry("tfjs", "4.22.0");
            // tfjs' getUserDefinedMetadata() gives its users the class names and the rule, as Inkling wrote them
            assertThat(result.get("metadata")).isInstanceOf(Map.class);
            SavedModel read = InklingMetadata.apply(SavedModel.of("from tfjs", m.network()), ((Map<?, ?>) result.get("metadata")).get(InklingMetadata.KEY), "tfjs");
            assertThat(read.classNames()).isEqualTo(m.classNames());
            assertThat(read.verdict()).isEqualTo(m.verdict());
            assertThat(worstDifference(m.network(), images, probabilities(out))).as("Inkling vs tfjs, %s", m.name()).isLessThan(1e-5);
        }
    }

    @Test
    void aModelTrainedAndSavedByTensorFlowJsOpensInInkling() throws Exception {
        MnistDataset train = TestDigits.train();
        int n = 1000;
        float[][] trainImages = new float[n][784];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            train.copyInput(i, trainImages[i], 0);
            labels[i] = (byte) train.label(i);
        }
        Path x = writeFloats(dir.resolve("train.f32"), trainImages);
        Path y = Files.write(dir.resolve("train.u8"), labels);
        float[][] images = TestDigits.first(IMAGES);
        Path test = writeFloats(dir.resolve("test.f32"), images);
        Path out = dir.resolve("trained-by-tfjs");
        run(List.of("node", "train.mjs", x.toAbsolutePath().toString(), y.toAbsolutePath().toString(), test.toAbsolutePath().toString(),
                out.toAbsolutePath().toString()), TFJS, 600, "tfjs could not train and save a model");

        SavedModel m = Models.open(out.resolve("model.json"));
        assertThat(Models.importedFrom(m)).isEqualTo("tensorflow.js");
        assertThat(m.recipe()).containsEntry("format", "tfjs-layers");
        assertThat(m.network().layers()).extracting(l -> l.typeName()).containsExactly("Conv2D", "MaxPooling2D", "Flatten", "Dense", "Dense");
        Map<String, Object> predictions = Json.parseObject(Files.readString(out.resolve("predictions.json")));
        assertThat(((Number) predictions.get("train_accuracy")).doubleValue()).as("tfjs learned something").isGreaterThan(0.5);
        assertThat(worstDifference(m.network(), images, probabilities(out.resolve("predictions.json")))).isLessThan(1e-5);
    }
}
