package org.inkling.nn;

import java.util.random.RandomGenerator;

/** The initialisers Keras uses for dense and convolution kernels (uniform variants). */
public final class Initializers {
    private Initializers() {}

    /** Keras {@code he_uniform}: U(-limit, limit) with {@code limit = sqrt(6 / fanIn)}; suits relu. */
    public static final Initializer HE = new Uniform("he_uniform", false);

    /** Keras {@code glorot_uniform} (the Keras default): {@code limit = sqrt(6 / (fanIn + fanOut))}. */
    public static final Initializer GLOROT = new Uniform("glorot_uniform", true);

    /** Parses he_uniform/he or glorot_uniform/glorot. */
    public static Initializer parse(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(java.util.Locale.ROOT);
            if (n.equals("he") || n.equals("he_uniform")) return HE;
            if (n.equals("glorot") || n.equals("glorot_uniform")) return GLOROT;
        }
        throw new IllegalArgumentException("unknown initializer '" + name + "' (expected he_uniform or glorot_uniform)");
    }

    /** He for relu, Glorot otherwise: what a careful Keras user picks. */
    public static Initializer defaultFor(Activation a) {
        return a == Activation.RELU ? HE : GLOROT;
    }

    private record Uniform(String kerasName, boolean glorot) implements Initializer {
        @Override
        public void fill(float[] w, int length, int fanIn, int fanOut, RandomGenerator rng) {
            double limit = Math.sqrt(6.0 / (glorot ? fanIn + fanOut : fanIn));
            for (int i = 0; i < length; i++) {
                w[i] = (float) ((rng.nextDouble() * 2 - 1) * limit);
            }
        }
    }
}
