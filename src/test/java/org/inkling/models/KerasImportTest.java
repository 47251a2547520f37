package org.inkling.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.inkling.json.Json;
import org.inkling.nn.Conv2D;
import org.inkling.nn.ModelFileException;
import org.inkling.nn.SavedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keras files written by {@code src/test/resources/keras/make_fixtures.py} (h5py + numpy, in the
 * layouts Keras writes; LAYOUTS.md there) open through {@link Models#open} and predict what the
 * numpy forward pass computed on the same weights.
 */
class KerasImportTest {
    static final Path DIR = Path.of("src/test/resources/keras");

    @SuppressWarnings("unchecked")
    private static float[][] expected(String file) throws IOException {
        Map<String, Object> json = Json.parseObject(Files.readString(DIR.resolve("expected.json")));
        List<List<Number>> rows = (List<List<Number>>) ((Map<String, Object>) json.get("probabilities")).get(file);
        float[][] out = new float[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new float[rows.get(i).size()];
            for (int j = 0; j < out[i].length; j++) out[i][j] = rows.get(i).get(j).floatValue();
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp-keras2-list.h5", "cnn-keras2-object.h5", "logits-rescaling.h5", "cnn-named.keras", "reshape-conv.keras"})
    void predictsWhatTheNumpyForwardPassComputes(String file) throws IOException {
        SavedModel m = Models.open(DIR.resolve(file));
        float[][] want = expected(file);
        float[][] images = TestDigits.first(want.length);
        double worst = 0;
        for (int i = 0; i < want.length; i++) {
            float[] got = m.network().predict(images[i]);
            for (int j = 0; j < 10; j++) worst = Math.max(worst, Math.abs(got[j] - want[i][j]));
        }
        assertThat(worst).as("largest probability difference for %s", file).isLessThan(1e-5);
        // the fixtures are not uniform guesses: the comparison sees real differences between classes
        float top = 0;
        for (float p : want[0]) top = Math.max(top, p);
        assertThat(top).isGreaterThan(0.2f);
        assertThat(Models.importedFrom(m)).isEqualTo("keras");
        assertThat(m.recipe()).containsEntry("file", file);
    }

    @Test
    void recordsWhereTheModelCameFromAndHowItsInputIsScaled() throws IOException {
        SavedModel h5 = Models.open(DIR.resolve("mlp-keras2-list.h5"));
        assertThat(h5.name()).isEqualTo("mlp-keras2-list");
        assertThat(h5.recipe()).containsEntry("format", "keras-h5").containsEntry("keras_version", "2.1.6")
                .containsEntry("backend", "tensorflow").containsEntry("keras_optimizer", "RMSprop").containsEntry("input_scaling", "0..1 pixels");
        assertThat(h5.network().layers()).extracting(l -> l.typeName()).containsExactly("Dense", "Dense");   // Dropout is gone

        SavedModel logits = Models.open(DIR.resolve("logits-rescaling.h5"));
        assertThat(logits.recipe()).containsKey("softmax_added");
        assertThat((String) logits.recipe().get("input_scaling")).startsWith("Rescaling of 0..255 pixels folded");

        SavedModel keras3 = Models.open(DIR.resolve("cnn-named.keras"));
        assertThat(keras3.recipe()).containsEntry("format", "keras-v3").containsEntry("keras_version", "3.3.3")
                .containsEntry("keras_optimizer", "Adam");
        assertThat(keras3.network().layers().get(0)).isInstanceOfSatisfying(Conv2D.class,
                c -> assertThat(c.padding()).isEqualTo(Conv2D.Padding.SAME));
    }

    @Test
    void anHdf5FileThatIsNotAModelIsRefusedByName() {
        assertThatThrownBy(() -> Models.open(DIR.resolve("not-a-model.h5")))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("not-a-model.h5")
                .hasMessageContaining("not a Keras model");
    }

    @Test
    void aKerasArchiveWithoutWeightsIsRefused() {
        assertThatThrownBy(() -> Models.open(DIR.resolve("no-weights.keras")))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("no-weights.keras")
                .hasMessageContaining("without its weights");
    }

    @Test
    void aLayerInklingLacksIsNamed() {
        assertThatThrownBy(() -> Models.open(DIR.resolve("unknown-layer.h5")))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("unknown-layer.h5")
                .hasMessageContaining("BatchNormalization layer 'batch_normalization_1' is not a layer Inkling has");
    }

    @Test
    void weightsThatDoNotFitTheConfigAreRefused() {
        assertThatThrownBy(() -> Models.open(DIR.resolve("shape-mismatch.h5")))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("shape-mismatch.h5")
                .hasMessageContaining("has shape (784, 24) but the model's config needs (784, 32)");
    }

    @Test
    void otherFilesAreRefusedWithWhatInklingReads(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "not a model");
        assertThatThrownBy(() -> Models.open(text)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("notes.txt").hasMessageContaining("not a model file Inkling knows");
        Path cut = tmp.resolve("cut.h5");
        byte[] whole = Files.readAllBytes(DIR.resolve("mlp-keras2-list.h5"));
        Files.write(cut, java.util.Arrays.copyOf(whole, 4000));
        assertThatThrownBy(() -> Models.open(cut)).isInstanceOf(ModelFileException.class).hasMessageContaining("cut.h5");
        assertThatThrownBy(() -> Models.open(tmp.resolve("missing.keras"))).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("missing.keras").hasMessageContaining("does not exist");
    }
}
