package org.inkling.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ejml.data.FMatrixRMaj;

/**
 * A fully connected layer, {@code a = act(x · W + b)}, with Keras' shapes: kernel {@code (in, units)},
 * bias {@code (units)} (zeros at start). The product goes through {@link Gemm}; bias and activation
 * are applied in one pass over its output.
 */
public final class Dense extends AbstractLayer {
    private final int units;
    private final Activation activation;
    private final Initializer initializer;

    private Param kernel;
    private Param bias;
    private FMatrixRMaj input;
    private final FMatrixRMaj out = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dz = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dIn = new FMatrixRMaj(1, 1);

    /** A layer with He initialisation for relu and Glorot otherwise. */
    public Dense(int units, Activation activation) {
        this(units, activation, Initializers.defaultFor(activation));
    }

    public Dense(int units, Activation activation, Initializer initializer) {
        if (units <= 0) throw new IllegalArgumentException("units must be positive, got " + units);
        this.units = units;
        this.activation = java.util.Objects.requireNonNull(activation, "activation");
        this.initializer = java.util.Objects.requireNonNull(initializer, "initializer");
    }

    public int units() {
        return units;
    }

    public Activation activation() {
        return activation;
    }

    @Override
    protected Shape create(Shape in, RandomGenerator rng) {
        if (!in.isFlat()) {
            throw new IllegalArgumentException("Dense needs a flat input but got " + in + "; put a Flatten layer before it");
        }
        int n = in.size();
        kernel = new Param(name() + "/kernel", new int[] {n, units}, n, units);
        bias = new Param(name() + "/bias", new int[] {units}, 1, units);
        initializer.fill(kernel.value().data, n * units, n, units, rng);
        return Shape.flat(units);
    }

    @Override
    public String typeName() {
        return "Dense";
    }

    @Override
    public String namePrefix() {
        return "dense";
    }

    @Override
    public List<Param> params() {
        requireBuilt();
        return List.of(kernel, bias);
    }

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x, boolean training) {
        requireBuilt();
        input = x;
        out.reshape(x.numRows, units);
        infer(x, out, null);
        return out;
    }

    @Override
    public void infer(FMatrixRMaj x, FMatrixRMaj result, FMatrixRMaj scratch) {
        if (activation == Activation.RELU || activation == Activation.LINEAR) {
            Gemm.multBiasActivate(x, kernel.value(), bias.value().data, activation == Activation.RELU, result);
        } else {
            Gemm.mult(x, kernel.value(), result);
            ActivationOps.biasActivate(result, bias.value().data, activation);
        }
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj dOut, boolean needInputGradient) {
        dz.reshape(out.numRows, units);
        ActivationOps.backward(out, dOut, dz, activation);
        return backwardFromLogits(dz, needInputGradient);
    }

    /**
     * Backward pass when {@code dLogits} is already dLoss/dz (the pre-activation), as the fused
     * softmax + cross-entropy gradient is; skips the activation's derivative.
     */
    public FMatrixRMaj backwardFromLogits(FMatrixRMaj dLogits, boolean needInputGradient) {
        Gemm.multTransA(input, dLogits, kernel.grad());
        ActivationOps.columnSums(dLogits, bias.grad().data);
        if (!needInputGradient) return null;
        dIn.reshape(dLogits.numRows, kernel.value().numRows);
        Gemm.multTransB(dLogits, kernel.value(), dIn);
        return dIn;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", "dense");
        c.put("units", units);
        c.put("activation", activation.kerasName());
        c.put("initializer", initializer.kerasName());
        return c;
    }

    @Override
    public Layer unbuiltCopy() {
        return new Dense(units, activation, initializer);
    }
}
