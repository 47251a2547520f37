package org.inkling.inspect;

import java.util.ArrayList;
import java.util.List;
import org.inkling.nn.Conv2D;
import org.inkling.nn.Dense;
import org.inkling.nn.Layer;
import org.inkling.nn.Param;
import org.inkling.nn.Sequential;
import org.inkling.nn.Shape;

/** What a network learned and how it responds, as pictures: first-layer weights, filters, activations. */
public final class NetworkPictures {
    private NetworkPictures() {}

    /**
     * The first layer's weights as images: for a dense layer on a square image, each unit's incoming
     * weights as a side×side picture (what input pattern lights the unit up); for a convolution,
     * each filter's k×k weights on the first input channel. At most {@code limit}; empty for other layers.
     */
    public static List<Picture> firstLayerWeights(Sequential model, int limit) {
        Layer first = model.layers().get(0);
        List<Picture> out = new ArrayList<>();
        if (first instanceof Dense d) {
            int in = first.inputShape().size(), side = (int) Math.round(Math.sqrt(in));
            if (side * side != in) return out;
            float[] w = kernel(first).value().data; // (in, units), row-major
            int units = d.units();
            for (int u = 0; u < Math.min(units, limit); u++) {
                float[] img = new float[in];
                for (int i = 0; i < in; i++) img[i] = w[i * units + u];
                out.add(new Picture(first.name() + " unit " + u, side, side, img));
            }
        } else if (first instanceof Conv2D) {
            Param k = kernel(first);
            int[] s = k.shape(); // (k, k, in, filters)
            int size = s[0], channels = s[2], filters = s[3];
            float[] w = k.value().data; // rows (kh, kw, ch), columns filters
            for (int f = 0; f < Math.min(filters, limit); f++) {
                float[] img = new float[size * size];
                for (int t = 0; t < size * size; t++) img[t] = w[(t * channels) * filters + f];
                out.add(new Picture(first.name() + " filter " + f, size, size, img));
            }
        }
        return out;
    }

    /**
     * Every layer's output for {@code input}: feature maps (at most {@code mapLimit} per layer) for
     * image-shaped outputs, unit values for flat ones. The last layer's units are the probabilities.
     */
    public static List<LayerView> activations(Sequential model, float[] input, int mapLimit) {
        List<float[]> outs = model.activations(input);
        List<LayerView> views = new ArrayList<>();
        for (int i = 0; i < outs.size(); i++) {
            Layer l = model.layers().get(i);
            Shape s = l.outputShape();
            float[] v = outs.get(i);
            if (s.isFlat()) {
                views.add(new LayerView(l.name(), l.typeName(), s.toString(), List.of(), v));
            } else {
                int h = s.height(), w = s.width(), c = s.channels(); // channels last
                List<Picture> maps = new ArrayList<>();
                for (int ch = 0; ch < Math.min(c, mapLimit); ch++) {
                    float[] img = new float[h * w];
                    for (int p = 0; p < h * w; p++) img[p] = v[p * c + ch];
                    maps.add(new Picture(l.name() + " map " + ch, w, h, img));
                }
                views.add(new LayerView(l.name(), l.typeName(), s.toString(), maps, new float[0]));
            }
        }
        return views;
    }

    private static Param kernel(Layer l) {
        return l.params().get(0);
    }
}
