package org.inkling.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.inkling.json.Json;
import org.inkling.nn.Activation;
import org.inkling.nn.Architectures;
import org.inkling.nn.Param;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Sequential;
import org.inkling.nn.VerdictRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inkling models written as Keras 3 .keras and TensorFlow.js folders read back the same, by Inkling and by h5py. */
class ExportTest {
    @TempDir
    Path dir;

    /** An MLP and a CNN with same padding, trained-looking weights from a fixed seed. */
    static List<SavedModel> models() {
        Sequential mlp = Sequential.mlp(784, new int[] {24}, Activation.RELU, 10, 3);
        Sequential cnn = Architectures.build("conv4,pool,conv6,pool,16", 784, Activation.RELU, 10, 5);
        return List.of(SavedModel.of("mlp", mlp), SavedModel.of("cnn", cnn));
    }

    private static void assertSamePredictions(Sequential a, Sequential b) throws IOException {
        float[][] images = TestDigits.first(50);
        for (float[] x : images) assertThat(b.predict(x)).containsExactly(a.predict(x));
    }

    @Test
    void kerasFilesReadBackAsTheSameNetwork() throws IOException {
        for (SavedModel m : models()) {
            Path file = dir.resolve(m.name() + ".keras");
            KerasWriter.save(m, file);
            SavedModel back = Models.open(file);
            assertThat(back.recipe()).containsEntry("format", "keras-v3").containsEntry("keras_version", KerasWriter.KERAS_FORMAT_VERSION);
            assertThat(back.network().layers()).extracting(l -> l.typeName())
                    .containsExactlyElementsOf(m.network().layers().stream().map(l -> l.typeName()).toList());
            assertSamePredictions(m.network(), back.network());
        }
    }

    @Test
    void tfjsFoldersReadBackAsTheSameNetwork() throws IOException {
        for (SavedModel m : models()) {
            Path folder = dir.resolve(m.name() + "-tfjs");
            TfjsWriter.save(m, folder);
            assertThat(Files.size(folder.resolve(TfjsWriter.SHARD))).isEqualTo(m.network().parameterCount() * 4);
            SavedModel back = Models.open(folder.resolve("model.json"));
            assertThat(Models.importedFrom(back)).isEqualTo("tensorflow.js");
            assertThat(back.name()).isEqualTo(m.name() + "-tfjs");
            assertSamePredictions(m.network(), back.network());
        }
    }

    @Test
    void aTfjsOutputThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertThatThrownBy(() -> TfjsWriter.save(models().get(0), file)).hasMessageContaining("taken").hasMessageContaining("is a file");
    }

    /**
     * h5py (Debian's python3-h5py, installed by .ci/run) reads the weights jhdf wrote, in Keras'
     * layout, with every value: the file is real HDF5, not just something jhdf reads back.
     */
    @Test
    void h5pyReadsTheKerasWeightsFile() throws Exception {
        SavedModel m = models().get(1);
        Path file = dir.resolve("cnn.keras");
        KerasWriter.save(m, file);
        Path weights = dir.resolve("model.weights.h5");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(zip.stream().map(e -> e.getName()).toList()).containsExactlyInAnyOrder("metadata.json", "config.json", "model.weights.h5");
            Files.write(weights, zip.getInputStream(zip.getEntry("model.weights.h5")).readAllBytes());
        }
        String script = String.join("\n",
                "import h5py, json, sys",
                "out = {}",
                "with h5py.File(sys.argv[1], 'r') as f:",
                "    def visit(name, obj):",
                "        if isinstance(obj, h5py.Dataset):",
                "            out[name] = {'shape': list(obj.shape), 'dtype': str(obj.dtype), 'sum': float(obj[...].astype('float64').sum())}",
                "    f.visititems(visit)",
                "    out['groups'] = sorted(k for k in f['layers'].keys())",
                "print(json.dumps(out))");
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Process p = new ProcessBuilder(python, "-c", script, weights.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("h5py reading %s failed (install Debian's python3-h5py, as .ci/run does):%n%s", weights, output).isZero();
        Map<String, Object> read = Json.parseObject(output.strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(read.get("groups")).isEqualTo(List.of("conv2d", "conv2d_1", "dense", "dense_1", "flatten", "max_pooling2d", "max_pooling2d_1"));
        String[] paths = {"layers/conv2d/vars/0", "layers/conv2d/vars/1", "layers/conv2d_1/vars/0", "layers/conv2d_1/vars/1",
                "layers/dense/vars/0", "layers/dense/vars/1", "layers/dense_1/vars/0", "layers/dense_1/vars/1"};
        List<Param> params = m.network().params();
        for (int i = 0; i < paths.length; i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> d = (Map<String, Object>) read.get(paths[i]);
            assertThat(d).as(paths[i]).isNotNull();
            Param param = params.get(i);
            assertThat(((List<?>) d.get("shape")).stream().map(o -> ((Number) o).intValue()).toList())
                    .as(paths[i]).containsExactlyElementsOf(java.util.Arrays.stream(param.shape()).boxed().toList());
            assertThat(d.get("dtype")).isEqualTo("float32");
            double sum = 0;
            for (int j = 0; j < param.size(); j++) sum += param.value().data[j];
            assertThat(((Number) d.get("sum")).doubleValue()).as(paths[i]).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9 + Math.abs(sum) * 1e-12));
        }
    }

    /** An eleven-class model (ten digits and "not a digit") with a fitted rule, as the verdict issue trains them. */
    static SavedModel elevenClasses() {
        Sequential mlp = Sequential.mlp(784, new int[] {16}, Activation.RELU, 11, 7);
        List<String> names = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", VerdictRule.NOT_A_DIGIT);
        return new SavedModel("eleven", mlp, Map.of(), Map.of(), names, new VerdictRule(1.25, 0.8, 0.4, 10));
    }

    @Test
    void classNamesAndTheVerdictRuleSurviveBothFormats() throws IOException {
        SavedModel tenWithTemperature = models().get(1).withVerdict(VerdictRule.plain(models().get(1).classNames()).withTemperature(0.7));
        for (SavedModel m : List.of(elevenClasses(), tenWithTemperature)) {
            Path keras = dir.resolve(m.name() + ".keras");
            KerasWriter.save(m, keras);
            Path tfjs = dir.resolve(m.name() + "-tfjs");
            TfjsWriter.save(m, tfjs);
            for (SavedModel back : List.of(Models.open(keras), Models.open(tfjs.resolve("model.json")))) {
                assertThat(back.classNames()).containsExactlyElementsOf(m.classNames());
                assertThat(back.verdict()).isEqualTo(m.verdict());
                float[] x = TestDigits.first(1)[0];
                var read = back.verdict().judge(x, back.network().predict(x));
                var written = m.verdict().judge(x, m.network().predict(x));
                assertThat(read.kind()).isEqualTo(written.kind());
                assertThat(read.candidates()).isEqualTo(written.candidates());
                assertThat(read.digitProbabilities()).containsExactly(written.digitProbabilities());
            }
        }
    }

    @Test
    void aBadInklingBlockInAnExportIsRefusedNamingTheFileAndTheField() throws IOException {
        Path tfjs = dir.resolve("bad-tfjs");
        TfjsWriter.save(elevenClasses(), tfjs);
        Path json = tfjs.resolve("model.json");
        String good = Files.readString(json);
        Files.writeString(json, good.replace("\"reject_class\":10", "\"reject_class\":3"));
        assertThatThrownBy(() -> Models.open(json)).hasMessageContaining("model.json").hasMessageContaining("reject_class");
        Files.writeString(json, good.replace("\"not a digit\"", "\"not\\na digit\""));
        assertThatThrownBy(() -> Models.open(json)).hasMessageContaining("model.json").hasMessageContaining("class_names");
        Files.writeString(json, good.replace("\"class_names\":[\"0\",", "\"class_names\":["));
        assertThatThrownBy(() -> Models.open(json)).hasMessageContaining("model.json").hasMessageContaining("list of 11 names");

        Files.writeString(json, good.replace("\"userDefinedMetadata\"", "\"someoneElses\""));
        assertThatThrownBy(() -> Models.open(json)).hasMessageContaining("model.json")
                .hasMessageContaining("has 11 outputs but does not say the last one is \"not a digit\"");

        Path keras = dir.resolve("bad.keras");
        KerasWriter.save(elevenClasses(), keras);
        Path edited = dir.resolve("edited.keras");
        try (ZipFile in = new ZipFile(keras.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(edited))) {
            for (ZipEntry e : in.stream().toList()) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("metadata.json")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace("\"temperature\":1.25", "\"temperature\":\"hot\"").getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertThatThrownBy(() -> Models.open(edited)).hasMessageContaining("edited.keras").hasMessageContaining("metadata.json")
                .hasMessageContaining("temperature");
    }
}
