package org.inkling.nn;

import java.util.random.RandomGenerator;

/** Fills a new weight array from a seeded generator, given the layer's fan-in and fan-out. */
public interface Initializer {
    void fill(float[] w, int length, int fanIn, int fanOut, RandomGenerator rng);

    /** The Keras name, written in model files. */
    String kerasName();
}
