package org.inkling.nn;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ejml.data.FMatrixRMaj;

/**
 * One step of a {@link Sequential} network. A batch is a matrix with one example per row; the
 * layer's {@link #inputShape()} says how it reads a row.
 *
 * <p>Order of calls (fixed): the constructor takes hyper-parameters only; {@link #build} is called
 * once by {@code Sequential} and creates the weights from the seeded generator; then any number of
 * {@link #forward}/{@link #backward} pairs on the training thread, and any number of
 * {@link #infer} calls on any thread.
 *
 * <p>{@code forward} and {@code backward} return matrices the layer owns and reuses (they stay valid
 * until the next call); they are not thread-safe. {@code infer} reads only the parameters and writes
 * into caller-owned matrices, so threads that each bring their own buffers may call it together.
 */
public interface Layer {
    /** Creates the parameters for examples of {@code input} shape; returns the output shape. */
    Shape build(String name, Shape input, RandomGenerator rng);

    /** Keras-style instance name given at build time, e.g. {@code dense_1}. */
    String name();

    /** Keras class name for summaries, e.g. {@code Dense}. */
    String typeName();

    /** Prefix Keras uses for default names, e.g. {@code dense}, {@code conv2d}. */
    String namePrefix();

    Shape inputShape();

    Shape outputShape();

    /** Trainable parameters (empty for pooling and flatten). */
    List<Param> params();

    /**
     * Training forward pass. Keeps what {@link #backward} needs. {@code x} must not change until
     * the matching backward call returns.
     */
    FMatrixRMaj forward(FMatrixRMaj x, boolean training);

    /**
     * Backward pass for the last forward: accumulates nothing, overwrites each param's gradient
     * with dLoss/dParam, and returns dLoss/dInput (or null when {@code needInputGradient} is false,
     * which saves a product in the first layer).
     */
    FMatrixRMaj backward(FMatrixRMaj dOut, boolean needInputGradient);

    /** {@code backward(dOut, true)}. */
    default FMatrixRMaj backward(FMatrixRMaj dOut) {
        return backward(dOut, true);
    }

    /**
     * Stateless forward for prediction: writes {@code out} (already {@code x.numRows × outputSize})
     * reading only the parameters; {@code scratch} is a caller-owned buffer the layer may reshape.
     */
    void infer(FMatrixRMaj x, FMatrixRMaj out, FMatrixRMaj scratch);

    /** Hyper-parameters as written in model files; {@code type} names the layer kind. */
    Map<String, Object> config();

    /** A new, unbuilt layer with the same hyper-parameters. */
    Layer unbuiltCopy();

    /** True for layers that read images, so a flat square input is taken as one channel. */
    default boolean needsImageInput() {
        return false;
    }
}
