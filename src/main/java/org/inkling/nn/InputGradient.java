package org.inkling.nn;

import java.util.Arrays;
import org.ejml.data.FMatrixRMaj;

/**
 * The gradient of a weighted sum of a network's logits with respect to one input: how each input
 * value would move the scores. For a softmax output the logits are the last layer's values before
 * the softmax (the fused backward pass starts there); for any other output, the outputs themselves.
 *
 * <p>The training passes keep per-layer state, so an instance owns a private copy of the network
 * and runs them there; the network it was made from is only read, in the constructor and in
 * {@link #refresh}. One instance belongs to one thread.
 */
public final class InputGradient {
    private final Sequential net;
    private final FMatrixRMaj x;
    private final FMatrixRMaj seed;

    /** Copies {@code source} (architecture and weights). */
    public InputGradient(Sequential source) {
        this.net = source.copy();
        this.x = new FMatrixRMaj(1, net.inputSize());
        this.seed = new FMatrixRMaj(1, net.outputSize());
    }

    /** Takes {@code source}'s current weights; the architectures must match. */
    public void refresh(Sequential source) {
        net.copyWeightsFrom(source);
    }

    /** True when {@code source} has this network's architecture, so {@link #refresh} can take its weights. */
    public boolean matches(Sequential source) {
        if (source.params().size() != net.params().size()) return false;
        for (int i = 0; i < net.params().size(); i++) {
            if (!Arrays.equals(source.params().get(i).shape(), net.params().get(i).shape())) return false;
        }
        return source.inputSize() == net.inputSize() && source.outputSize() == net.outputSize();
    }

    public int inputSize() {
        return net.inputSize();
    }

    public int outputSize() {
        return net.outputSize();
    }

    /** The network's outputs for {@code input}, into {@code outputs} (no backward pass). */
    public void outputs(float[] input, float[] outputs) {
        if (input.length != net.inputSize() || outputs.length != net.outputSize()) {
            throw new IllegalArgumentException("expected " + net.inputSize() + " input values and " + net.outputSize()
                    + " outputs, got " + input.length + " and " + outputs.length);
        }
        net.predict(input, outputs);
    }

    /**
     * Writes d(Σ_c weights[c] · logit_c)/d input into {@code gradient} and the network's outputs
     * (probabilities for a softmax network) for {@code input} into {@code outputs}.
     */
    public void compute(float[] input, float[] weights, float[] gradient, float[] outputs) {
        if (input.length != net.inputSize() || gradient.length != net.inputSize()) {
            throw new IllegalArgumentException("expected " + net.inputSize() + " input values, got " + input.length
                    + " and a gradient of " + gradient.length);
        }
        if (weights.length != net.outputSize() || outputs.length != net.outputSize()) {
            throw new IllegalArgumentException("expected " + net.outputSize() + " class weights and outputs, got "
                    + weights.length + " and " + outputs.length);
        }
        System.arraycopy(input, 0, x.data, 0, input.length);
        FMatrixRMaj out = net.forward(x, false);
        System.arraycopy(out.data, 0, outputs, 0, outputs.length);
        System.arraycopy(weights, 0, seed.data, 0, weights.length);
        FMatrixRMaj g = net.backward(seed, net.endsWithSoftmax(), true);
        System.arraycopy(g.data, 0, gradient, 0, gradient.length);
    }
}
