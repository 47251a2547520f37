package org.inkling.nn;

import java.util.Locale;

/**
 * Element-wise (softmax: row-wise) activations. Each one can compute its derivative from its own
 * output, so a layer keeps only its output for the backward pass.
 */
public enum Activation {
    RELU, SIGMOID, TANH, SOFTMAX, LINEAR;

    /** Parses Keras names: relu, sigmoid, tanh, softmax, linear; case-insensitive. */
    public static Activation parse(String name) {
        if (name != null) {
            for (Activation a : values()) {
                if (a.kerasName().equalsIgnoreCase(name.trim())) return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "' (expected relu, sigmoid, tanh, softmax or linear)");
    }

    /** The name Keras uses, and the one written in model files. */
    public String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
