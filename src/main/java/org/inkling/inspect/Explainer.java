package org.inkling.inspect;

import org.inkling.base.DigitGeometry;
import org.inkling.nn.InputGradient;
import org.inkling.nn.Sequential;

/**
 * "Why this reading": input gradient times input, for the margin between the top digit and the
 * runner-up. For input value x_i the map holds {@code x_i · ∂(z_top − z_second)/∂x_i}, where z are
 * the logits (the scores before the softmax).
 *
 * <p>Why this and not occlusion: it costs one forward and one backward pass (microseconds for the
 * textbook MLP, about a millisecond for the shipped CNN), so it follows the pen live, where occlusion
 * needs a forward pass per hidden patch. Multiplying by the input keeps the map on the ink: a blank
 * pixel gets 0, so the map says what the strokes did, not what ink that is not there would do. For a
 * linear model (softmax regression) the map is exactly {@code x ⊙ (W_top − W_second)}, the weight
 * images masked by the drawing, which the unit test checks. Working on the logits' difference and
 * not on a probability keeps the map from vanishing when the network is sure (a saturated softmax
 * has a near-zero gradient) and makes it independent of the other eight digits.
 *
 * <p>One instance belongs to one thread; it keeps its own copy of the network (see
 * {@link InputGradient}), refreshed with {@link #refresh}.
 */
public final class Explainer {
    private final InputGradient gradient;
    private final float[] weights;
    private final float[] grad;

    public Explainer(Sequential model) {
        this.gradient = new InputGradient(model);
        this.weights = new float[gradient.outputSize()];
        this.grad = new float[gradient.inputSize()];
    }

    /**
     * Takes {@code model}'s current weights when it has this explainer's architecture and returns
     * true; returns false (and changes nothing) when it does not, so the caller makes a new one.
     */
    public boolean refresh(Sequential model) {
        if (!gradient.matches(model)) return false;
        gradient.refresh(model);
        return true;
    }

    /**
     * The likeliest digit against the runner-up digit. Outputs after the ten digits (the "not a digit"
     * class of an eleven-class model) are never explained: a map of why a drawing is no digit would
     * name no digit, and what a person asks is which digit the network saw in it and why.
     */
    public Explanation explain(float[] input) {
        float[] probs = new float[gradient.outputSize()];
        gradient.outputs(input, probs);
        float[] digits = java.util.Arrays.copyOf(probs, Math.min(probs.length, DigitGeometry.DIGITS));
        int top = Ranking.top(digits, -1);
        int second = Ranking.top(digits, top);
        return explain(input, top, second);
    }

    /**
     * The margin of {@code toward} over {@code against}; {@code against} -1 explains
     * {@code toward}'s own logit.
     */
    public Explanation explain(float[] input, int toward, int against) {
        int classes = gradient.outputSize();
        if (toward < 0 || toward >= classes || against < -1 || against >= classes || toward == against) {
            throw new IllegalArgumentException("classes must be distinct digits 0.." + (classes - 1) + ", got " + toward + " and " + against);
        }
        java.util.Arrays.fill(weights, 0f);
        weights[toward] = 1f;
        if (against >= 0) weights[against] = -1f;
        float[] probs = new float[classes];
        gradient.compute(input, weights, grad, probs);
        float[] map = new float[input.length];
        for (int i = 0; i < map.length; i++) map[i] = input[i] * grad[i];
        return new Explanation(toward, against, probs, map);
    }
}
