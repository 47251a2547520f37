package org.inkling.nn;

import java.util.Map;

/** Recreates layers from the configs they write ({@link Layer#config()}), for model files. */
public final class Layers {
    private Layers() {}

    /** An unbuilt layer; throws IllegalArgumentException naming the bad or missing key. */
    public static Layer fromConfig(Map<String, Object> c) {
        Object type = c.get("type");
        if (!(type instanceof String t)) throw new IllegalArgumentException("layer config has no \"type\"");
        return switch (t) {
            case "dense" -> new Dense(intValue(c, "units"), Activation.parse(string(c, "activation")),
                    c.containsKey("initializer") ? Initializers.parse(string(c, "initializer")) : Initializers.GLOROT);
            case "conv2d" -> new Conv2D(intValue(c, "filters"), intValue(c, "kernel_size"), Activation.parse(string(c, "activation")),
                    c.containsKey("initializer") ? Initializers.parse(string(c, "initializer")) : Initializers.GLOROT,
                    c.containsKey("padding") ? Conv2D.Padding.parse(string(c, "padding")) : Conv2D.Padding.VALID);
            case "max_pool2d" -> new MaxPool2D(intValue(c, "pool_size"));
            case "flatten" -> new Flatten();
            default -> throw new IllegalArgumentException("unknown layer type '" + t + "'");
        };
    }

    static int intValue(Map<String, Object> c, String key) {
        Object v = c.get(key);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw new IllegalArgumentException("layer config needs an integer \"" + key + "\", got " + v);
    }

    static String string(Map<String, Object> c, String key) {
        Object v = c.get(key);
        if (v instanceof String s) return s;
        throw new IllegalArgumentException("layer config needs a string \"" + key + "\", got " + v);
    }
}
