package org.inkling.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.inkling.data.MnistDataset;
import org.inkling.json.Json;
import org.inkling.nn.Evaluation;
import org.inkling.nn.Evaluator;
import org.inkling.nn.SavedModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Models trained on MNIST and saved by real Keras 3.15.1 ({@code keras/keras3/make_keras3_fixtures.py}):
 * Inkling predicts what Keras' own {@code predict} gave on 100 test images, and scores on the 10,000
 * test images exactly what Keras scored.
 */
class Keras3FilesTest {
    static final Path DIR = KerasImportTest.DIR.resolve("keras3");

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"mlp.h5", "mlp.keras", "cnn.keras"})
    void agreesWithKerasOnMnist(String file) throws IOException {
        Map<String, Object> all = Json.parseObject(Files.readString(DIR.resolve("keras-expected.json")));
        Map<String, Object> expected = (Map<String, Object>) all.get(file);
        List<List<Number>> probabilities = (List<List<Number>>) expected.get("probabilities");

        SavedModel m = Models.open(DIR.resolve(file));
        assertThat(m.recipe()).containsEntry("keras_version", expected.get("keras_version"));
        float[][] images = TestDigits.first(probabilities.size());
        double worst = 0;
        for (int i = 0; i < images.length; i++) {
            float[] got = m.network().predict(images[i]);
            for (int j = 0; j < 10; j++) worst = Math.max(worst, Math.abs(got[j] - probabilities.get(i).get(j).doubleValue()));
        }
        assertThat(worst).as("largest difference from Keras' predict for %s", file).isLessThan(1e-5);

        MnistDataset test = TestDigits.test();
        Evaluation e = Evaluator.evaluate(m.network(), test);
        long correct = Math.round(e.accuracy() * test.size());
        assertThat(correct).as("test images %s reads right (Keras: %s)", file, expected.get("test_correct"))
                .isEqualTo(((Number) expected.get("test_correct")).longValue());
    }
}
