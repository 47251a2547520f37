package org.inkling.inspect;

/**
 * Why a network read an input as it did: each input value's share in the margin of {@code toward}
 * over {@code against} (see {@link Explainer}).
 *
 * @param toward the digit the map explains (the top reading by default)
 * @param against the digit it is weighed against (the runner-up by default), or -1 for none
 * @param probabilities the network's outputs for the input
 * @param contributions per input value: positive pushed toward {@code toward}, negative toward {@code against}
 */
public record Explanation(int toward, int against, float[] probabilities, float[] contributions) {
    /** The largest absolute contribution (0 for a blank input): the scale a picture of the map uses. */
    public float maxMagnitude() {
        float m = 0;
        for (float c : contributions) m = Math.max(m, Math.abs(c));
        return m;
    }
}
