package org.inkling.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.inkling.nn.Activation;
import org.inkling.nn.Conv2D;
import org.inkling.nn.Dense;
import org.inkling.nn.Flatten;
import org.inkling.nn.MaxPool2D;
import org.inkling.nn.Sequential;
import org.inkling.nn.Shape;
import org.junit.jupiter.api.Test;

class NetworkPicturesTest {
    private static float[] input(long seed) {
        Random r = new Random(seed);
        float[] x = new float[784];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        return x;
    }

    @Test
    void aDenseUnitsWeightsBecomeA28By28Picture() {
        Sequential m = Sequential.mlp(784, new int[] {32}, Activation.RELU, 10, 1);
        List<Picture> pics = NetworkPictures.firstLayerWeights(m, 5);
        assertThat(pics).hasSize(5);
        float[] kernel = m.params().get(0).value().data; // (784, 32)
        Picture p = pics.get(3);
        assertThat(p.width()).isEqualTo(28);
        for (int i = 0; i < 784; i += 37) assertThat(p.values()[i]).isEqualTo(kernel[i * 32 + 3]);
    }

    @Test
    void convolutionFiltersAndFeatureMaps() {
        Sequential m = new Sequential(Shape.image(28, 28, 1), List.of(new Conv2D(4, 3, Activation.RELU), new MaxPool2D(2),
                new Flatten(), new Dense(10, Activation.SOFTMAX)), 2);
        List<Picture> filters = NetworkPictures.firstLayerWeights(m, 99);
        assertThat(filters).hasSize(4);
        float[] k = m.params().get(0).value().data; // rows (kh, kw, 1), columns filters
        assertThat(filters.get(2).values()[4]).isEqualTo(k[4 * 4 + 2]);
        assertThat(filters.get(2).width()).isEqualTo(3);

        float[] x = input(3);
        List<LayerView> views = NetworkPictures.activations(m, x, 3);
        assertThat(views).extracting(LayerView::type).containsExactly("Conv2D", "MaxPooling2D", "Flatten", "Dense");
        LayerView conv = views.get(0);
        assertThat(conv.maps()).hasSize(3);
        assertThat(conv.maps().get(1).width()).isEqualTo(26);
        float[] raw = m.activations(x).get(0); // (26, 26, 4), channels last
        assertThat(conv.maps().get(1).values()[5 * 26 + 7]).isEqualTo(raw[(5 * 26 + 7) * 4 + 1]);
        assertThat(views.get(3).units()).containsExactly(m.predict(x));
    }
}
