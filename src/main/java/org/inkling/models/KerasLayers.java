package org.inkling.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inkling.nn.Conv2D;
import org.inkling.nn.Dense;
import org.inkling.nn.Flatten;
import org.inkling.nn.Layer;
import org.inkling.nn.MaxPool2D;
import org.inkling.nn.Sequential;
import org.inkling.nn.Shape;

/** Inkling layers as Keras layer configs, shared by the Keras and TensorFlow.js writers. */
final class KerasLayers {
    private KerasLayers() {}

    /** {@code [null, d1, d2, ...]}: a shape with Keras' batch dimension. */
    static List<Object> batchShape(Shape s) {
        List<Object> l = new ArrayList<>();
        l.add(null);
        l.addAll(s.toList());
        return l;
    }

    /** The layer's Keras class name and config (name, hyper-parameters; no initialisers: the weights come with it). */
    static Map<String, Object> config(Layer l) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", l.name());
        c.put("trainable", true);
        c.put("dtype", "float32");
        switch (l) {
            case Dense d -> {
                c.put("units", d.units());
                c.put("activation", d.activation().kerasName());
                c.put("use_bias", true);
            }
            case Conv2D cv -> {
                c.put("filters", cv.filters());
                c.put("kernel_size", List.of(cv.kernelSize(), cv.kernelSize()));
                c.put("strides", List.of(1, 1));
                c.put("padding", cv.padding().kerasName());
                c.put("data_format", "channels_last");
                c.put("dilation_rate", List.of(1, 1));
                c.put("activation", cv.activation().kerasName());
                c.put("use_bias", true);
            }
            case MaxPool2D p -> {
                c.put("pool_size", List.of(p.poolSize(), p.poolSize()));
                c.put("strides", List.of(p.poolSize(), p.poolSize()));
                c.put("padding", "valid");
                c.put("data_format", "channels_last");
            }
            case Flatten f -> c.put("data_format", "channels_last");
            default -> throw new IllegalArgumentException("no Keras counterpart for layer " + l.name() + " (" + l.typeName() + ")");
        }
        return c;
    }

    /** Keras' class name of an Inkling layer ({@code MaxPool2D} is Keras' {@code MaxPooling2D}). */
    static String className(Layer l) {
        return l.typeName();
    }

    /** Checks up front that every layer has a Keras counterpart, so a writer fails before it writes. */
    static void requireExportable(Sequential net) {
        for (Layer l : net.layers()) config(l);
    }
}
