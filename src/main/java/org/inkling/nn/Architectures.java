package org.inkling.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds networks from a short text, for {@code inkling train --arch} and the app.
 *
 * <p>Grammar (case and spaces ignored):
 * <pre>{@code
 * spec  := "" | "cnn" | item ("," item)*
 * item  := N            a Dense layer of N units with the hidden activation     e.g. 512
 *        | "conv" F     a 3x3 Conv2D with F filters, hidden activation          e.g. conv32
 *        | "conv" F "x" K   the same with a KxK kernel                          e.g. conv32x5
 *        | "pool" [P]   MaxPool2D with a PxP window (default 2)                 e.g. pool
 *        | "flatten"    explicit Flatten (otherwise added before the first Dense after an image layer)
 * }</pre>
 * A softmax Dense layer over the classes always ends the network. {@code ""} is softmax regression,
 * {@code "512,512"} the deeper textbook MLP, {@code "cnn"} stands for
 * {@code "conv32,pool,conv64,pool,128"}. Image layers must come before Dense layers; a network with
 * them reads its flat input as a square one-channel image (784 → 28×28×1).
 */
public final class Architectures {
    /** What {@code "cnn"} stands for. */
    public static final String CNN = "conv32,pool,conv64,pool,128";

    private Architectures() {}

    /** The layers {@code spec} describes, softmax output included; unbuilt. */
    public static List<Layer> parse(String spec, Activation hidden, int classes) {
        String s = spec == null ? "" : spec.replace(" ", "").toLowerCase(Locale.ROOT);
        if (s.equals("cnn")) s = CNN;
        List<Layer> layers = new ArrayList<>();
        boolean image = false, dense = false;
        if (!s.isEmpty()) {
            for (String item : s.split(",", -1)) {
                Layer l = item(item, hidden, spec);
                boolean spatial = l instanceof Conv2D || l instanceof MaxPool2D;
                if (spatial && dense) {
                    throw new IllegalArgumentException("architecture '" + spec + "': '" + item + "' cannot follow a dense layer");
                }
                if (l instanceof Dense && image) {
                    layers.add(new Flatten());
                    image = false;
                }
                if (l instanceof Flatten && !image) {
                    throw new IllegalArgumentException("architecture '" + spec + "': flatten needs an image layer before it");
                }
                image = spatial || (image && !(l instanceof Flatten));
                dense |= l instanceof Dense || l instanceof Flatten;
                layers.add(l);
            }
        }
        if (image) layers.add(new Flatten());
        layers.add(new Dense(classes, Activation.SOFTMAX));
        return layers;
    }

    /**
     * Whether {@code spec} has image layers (convolutions or pools), as {@link #parse} reads it ({@code "cnn"}
     * included).
     *
     * @throws IllegalArgumentException when {@code spec} is not an architecture
     */
    public static boolean hasImageLayers(String spec) {
        return parse(spec, Activation.RELU, 1).stream().anyMatch(l -> l instanceof Conv2D || l instanceof MaxPool2D);
    }

    /** A built network for {@code inputSize} inputs (784 for MNIST). */
    public static Sequential build(String spec, int inputSize, Activation hidden, int classes, long seed) {
        return new Sequential(inputSize, parse(spec, hidden, classes), seed);
    }

    private static Layer item(String item, Activation hidden, String spec) {
        try {
            if (item.matches("\\d+")) return new Dense(Integer.parseInt(item), hidden);
            if (item.matches("conv\\d+(x\\d+)?")) {
                String[] p = item.substring(4).split("x");
                return new Conv2D(Integer.parseInt(p[0]), p.length > 1 ? Integer.parseInt(p[1]) : 3, hidden);
            }
            if (item.matches("pool\\d*")) return new MaxPool2D(item.length() > 4 ? Integer.parseInt(item.substring(4)) : 2);
            if (item.equals("flatten")) return new Flatten();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("architecture '" + spec + "': number too large in '" + item + "'");
        }
        throw new IllegalArgumentException("architecture '" + spec + "': cannot read '" + item
                + "' (expected a layer size like 512, conv32, conv32x5, pool, pool2 or flatten)");
    }
}
