package org.inkling.app.model;

/**
 * What the drawing side needs from a network: one 28x28 input in, ten class probabilities out.
 * An instance is used from one thread at a time (the FX thread); training hands over copies.
 */
@FunctionalInterface
public interface Classifier {
    int INPUT_SIZE = org.inkling.base.DigitGeometry.PIXELS;
    int CLASSES = org.inkling.base.DigitGeometry.DIGITS;

    /** Class probabilities (summing to 1) for one input of {@link #INPUT_SIZE} values in 0..1. */
    float[] classify(float[] input);
}
