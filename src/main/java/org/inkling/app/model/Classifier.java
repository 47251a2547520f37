package org.inkling.app.model;

import org.inkling.nn.VerdictRule;

/**
 * What the drawing side needs from a network: one 28x28 input in, class probabilities out (ten
 * digits, and "not a digit" after them for models that learnt it), and the rule that reads them.
 * An instance is used from one thread at a time (the FX thread); training hands over copies.
 */
@FunctionalInterface
public interface Classifier {
    int INPUT_SIZE = org.inkling.base.DigitGeometry.PIXELS;
    int CLASSES = org.inkling.base.DigitGeometry.DIGITS;

    /** The rule for networks that record none: ten digits, temperature 1. */
    VerdictRule PLAIN = VerdictRule.plain(java.util.stream.IntStream.range(0, CLASSES).mapToObj(Integer::toString).toList());

    /** Class probabilities (summing to 1) for one input of {@link #INPUT_SIZE} values in 0..1. */
    float[] classify(float[] input);

    /** The rule that turns {@link #classify}'s probabilities into a verdict. */
    default VerdictRule verdictRule() {
        return PLAIN;
    }
}
