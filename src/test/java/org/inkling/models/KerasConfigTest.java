package org.inkling.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.inkling.json.Json;
import org.inkling.nn.Activation;
import org.inkling.nn.Dense;
import org.inkling.nn.ModelFileException;
import org.inkling.nn.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a Keras config turns into, and what it is refused for: each refusal names the layer or setting and the file. */
class KerasConfigTest {
    @TempDir
    Path dir;

    private static Map<String, Object> sequential(String layers) {
        return Json.parseObject("{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": [" + layers + "]}}");
    }

    private static final String INPUT = "{\"class_name\": \"InputLayer\", \"config\": {\"batch_shape\": [null, 28, 28, 1], \"name\": \"in\"}}";
    private static final String FLAT_INPUT = "{\"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, 784], \"name\": \"in\"}}";
    private static final String OUT = "{\"class_name\": \"Dense\", \"config\": {\"name\": \"out\", \"units\": 10, \"activation\": \"softmax\"}}";
    private static final String FLAT = "{\"class_name\": \"Flatten\", \"config\": {\"name\": \"f\"}}";

    @Test
    void theTextbookNetworkBecomesTwoDenseLayers() throws ModelFileException {
        KerasConfig.Plan p = KerasConfig.parse(sequential(FLAT_INPUT + ","
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"h\", \"units\": 512, \"activation\": \"relu\"}}," + OUT), "m.h5");
        assertThat(p.input()).isEqualTo(Shape.flat(784));
        assertThat(p.layers()).hasSize(2).allMatch(l -> l instanceof Dense);
        assertThat(((Dense) p.layers().get(0)).activation()).isEqualTo(Activation.RELU);
        assertThat(p.weighted()).extracting(KerasConfig.WeightedLayer::kerasName).containsExactly("h", "out");
        assertThat(p.weighted().get(0).kernelShape()).containsExactly(784, 512);
        assertThat(p.softmaxAdded()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"class_name\": \"Conv2D\", \"config\": {\"name\": \"c\", \"filters\": 4, \"kernel_size\": [3, 3], \"strides\": [2, 2]}}|Conv2D layer 'c' has strides [2, 2]",
        "{\"class_name\": \"Conv2D\", \"config\": {\"name\": \"c\", \"filters\": 4, \"kernel_size\": [3, 5]}}|Conv2D layer 'c' has kernel_size [3, 5]; Inkling has square windows only",
        "{\"class_name\": \"Conv2D\", \"config\": {\"name\": \"c\", \"filters\": 4, \"kernel_size\": 3, \"data_format\": \"channels_first\"}}|data_format 'channels_first'",
        "{\"class_name\": \"Conv2D\", \"config\": {\"name\": \"c\", \"filters\": 4, \"kernel_size\": 3, \"activation\": \"gelu\"}}|Conv2D layer 'c' has activation 'gelu', which Inkling lacks",
        "{\"class_name\": \"MaxPooling2D\", \"config\": {\"name\": \"p\", \"pool_size\": [2, 2], \"strides\": [1, 1]}}|MaxPooling2D layer 'p' has strides [1, 1] unlike its pool_size 2",
        "{\"class_name\": \"LSTM\", \"config\": {\"name\": \"rnn\", \"units\": 4}}|LSTM layer 'rnn' is not a layer Inkling has",
        "{\"class_name\": \"Dense\", \"config\": {\"name\": \"d\", \"units\": 4}}|Dense layer 'd' gets a (28, 28, 1) input",
    })
    void settingsInklingLacksAreNamed(String layer, String message) {
        assertThatThrownBy(() -> KerasConfig.parse(sequential(INPUT + "," + layer + "," + FLAT + "," + OUT), "model.keras"))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("model.keras: ")
                .hasMessageContaining(message);
    }

    @Test
    void inputsAndOutputsThatAreNotDigitsAreRefused() {
        assertThatThrownBy(() -> KerasConfig.parse(sequential(
                "{\"class_name\": \"InputLayer\", \"config\": {\"batch_shape\": [null, 32, 32, 3]}}," + FLAT + "," + OUT), "cifar.h5"))
                .hasMessage("cifar.h5: takes inputs of shape (32, 32, 3); Inkling feeds (784,), (28, 28) or (28, 28, 1) digits");
        assertThatThrownBy(() -> KerasConfig.parse(sequential(FLAT_INPUT + ","
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"out\", \"units\": 26, \"activation\": \"softmax\"}}"), "letters.h5"))
                .hasMessageStartingWith("letters.h5: has 26 outputs; Inkling reads digits and needs 10");
        assertThatThrownBy(() -> KerasConfig.parse(Json.parseObject("{\"class_name\": \"Functional\", \"config\": {}}"), "f.keras"))
                .hasMessageContaining("f.keras: holds a Keras 'Functional' model; Inkling opens Sequential models only");
        assertThatThrownBy(() -> KerasConfig.parse(sequential(
                "{\"class_name\": \"Dense\", \"config\": {\"name\": \"out\", \"units\": 10, \"activation\": \"softmax\"}}"), "noinput.h5"))
                .hasMessageContaining("noinput.h5: does not say its input shape");
    }

    @Test
    void aConfigCannotMakeInklingAllocateWithoutBound() {
        assertThatThrownBy(() -> KerasConfig.parse(sequential(FLAT_INPUT + ","
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"huge\", \"units\": 16000000}}," + OUT), "huge.h5"))
                .hasMessageContaining("huge.h5: Dense layer 'huge' brings the model past");
    }

    @Test
    void anActivationLayerMergesOnlyIntoALinearLayerRightBeforeIt() throws ModelFileException {
        String linear = "{\"class_name\": \"Dense\", \"config\": {\"name\": \"h\", \"units\": 8, \"activation\": \"linear\"}}";
        String relu = "{\"class_name\": \"Activation\", \"config\": {\"name\": \"a\", \"activation\": \"relu\"}}";
        String drop = "{\"class_name\": \"Dropout\", \"config\": {\"name\": \"d\", \"rate\": 0.5}}";
        KerasConfig.Plan p = KerasConfig.parse(sequential(FLAT_INPUT + "," + linear + "," + drop + "," + relu + "," + OUT), "ok.h5");
        assertThat(((Dense) p.layers().get(0)).activation()).isEqualTo(Activation.RELU);
        assertThatThrownBy(() -> KerasConfig.parse(sequential(FLAT_INPUT + "," + linear + "," + relu + "," + relu + "," + OUT), "twice.h5"))
                .hasMessageContaining("twice.h5: Activation layer 'a': Inkling merges an Activation layer into the Dense or Conv2D right before it");
    }

    @Test
    void kerasSnakeCaseNamesTheWeightGroups() {
        assertThat(KerasConfig.snakeCase("Dense")).isEqualTo("dense");
        assertThat(KerasConfig.snakeCase("Conv2D")).isEqualTo("conv2d");
        assertThat(KerasConfig.snakeCase("MaxPooling2D")).isEqualTo("max_pooling2d");
        assertThat(KerasConfig.snakeCase("InputLayer")).isEqualTo("input_layer");
    }

    /**
     * tensorflowjs_converter (from a Keras .h5) nests the config under modelTopology.model_config and
     * names weights after the Keras variables; names that match no layer fall back to manifest order.
     */
    @Test
    @SuppressWarnings("unchecked")
    void convertedTfjsModelsWithOtherWeightNamesReadInManifestOrder() throws IOException {
        Path folder = dir.resolve("converted");
        org.inkling.nn.SavedModel original = ExportTest.models().get(1);
        TfjsWriter.save(original, folder);
        Path json = folder.resolve("model.json");
        Map<String, Object> model = Json.parseObject(Files.readString(json));
        Map<String, Object> topology = (Map<String, Object>) model.get("modelTopology");
        model.put("modelTopology", Map.of("keras_version", "2.4.0", "backend", "tensorflow", "model_config", topology));
        int i = 0;
        for (Object w : (java.util.List<Object>) ((Map<String, Object>) ((java.util.List<Object>) model.get("weightsManifest")).get(0)).get("weights")) {
            ((Map<String, Object>) w).put("name", "sequential/variable_" + i++);
        }
        Files.writeString(json, Json.write(model));
        org.inkling.nn.SavedModel back = Models.open(json);
        assertThat(back.recipe()).containsEntry("keras_version", "2.4.0");
        float[] x = new float[784];
        for (int p = 0; p < 784; p++) x[p] = (p % 29) / 29f;
        assertThat(back.network().predict(x)).containsExactly(original.network().predict(x));
    }

    @Test
    void tfjsShardsMustBeBesideTheModelAndComplete() throws IOException {
        Path folder = dir.resolve("m");
        TfjsWriter.save(ExportTest.models().get(0), folder);
        Path json = folder.resolve("model.json");
        String text = Files.readString(json);

        Files.writeString(json, text.replace(TfjsWriter.SHARD, "../../etc/passwd"));
        assertThatThrownBy(() -> Models.open(json)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("model.json: names weight shard '../../etc/passwd' outside its folder");

        Files.writeString(json, text);
        byte[] shard = Files.readAllBytes(folder.resolve(TfjsWriter.SHARD));
        Files.write(folder.resolve(TfjsWriter.SHARD), java.util.Arrays.copyOf(shard, shard.length - 4));
        assertThatThrownBy(() -> Models.open(json)).hasMessageContaining("weight shards hold " + (shard.length - 4) + " bytes");

        Files.delete(folder.resolve(TfjsWriter.SHARD));
        assertThatThrownBy(() -> Models.open(json)).hasMessageContaining("weight shard " + TfjsWriter.SHARD + " is missing");

        Files.writeString(json, "{\"format\": \"graph-model\", \"modelTopology\": {}}");
        assertThatThrownBy(() -> Models.open(json)).hasMessageContaining("is a TensorFlow.js graph model");
    }
}
