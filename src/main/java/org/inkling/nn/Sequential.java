package org.inkling.nn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.FMatrixRMaj;

/**
 * A stack of layers, as in Keras' {@code Sequential}: built once from an input shape and a seed
 * (same seed, same weights), trained by {@link Trainer}, used through {@link #predict}.
 *
 * <p>Threads: training ({@code forward}/{@code backward}, package-private) belongs to one thread.
 * {@code predict} may be called from any thread at the same time: each thread gets its own buffers
 * (a {@link ThreadLocal} workspace), and prediction reads the weights only. While another thread
 * trains this same model, a prediction may see weights from two different steps; for a consistent
 * view, predict from a {@link #copy()} refreshed with {@link #copyWeightsFrom} on the training
 * thread (for example from a listener's {@code onBatchEnd}).
 */
public final class Sequential {
    /** Rows per chunk when predicting a large batch: bounds the workspace, keeps the product efficient. */
    private static final int PREDICT_CHUNK = 512;

    private final Shape inputShape;
    private final List<Layer> layers;
    private final List<Param> params;
    private final ThreadLocal<Workspace> workspaces;
    /**
     * pooledBy[i]: layer i is a convolution that computes the max-pool after it itself
     * ({@link Conv2D#forwardPooled}); the pool's own passes are then skipped.
     */
    private final boolean[] pooledBy;

    /** Builds a network for flat inputs of {@code inputSize}; see {@link #Sequential(Shape, List, long)}. */
    public Sequential(int inputSize, List<Layer> layers, long seed) {
        this(inputFor(inputSize, layers), layers, seed);
    }

    /**
     * Builds the given unbuilt layers in order, naming them as Keras does ({@code dense},
     * {@code dense_1}, ...) and drawing their initial weights from one generator seeded with
     * {@code seed}.
     */
    public Sequential(Shape inputShape, List<Layer> layers, long seed) {
        if (layers.isEmpty()) throw new IllegalArgumentException("a Sequential model needs at least one layer");
        NetworkBudget.check(inputShape, layers.stream().map(Layer::config).toList()); // before any weight is allocated
        this.inputShape = inputShape;
        this.layers = List.copyOf(layers);
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, Integer> counts = new HashMap<>();
        Shape shape = inputShape;
        List<Param> ps = new ArrayList<>();
        for (Layer l : this.layers) {
            int k = counts.merge(l.namePrefix(), 1, Integer::sum) - 1;
            shape = l.build(k == 0 ? l.namePrefix() : l.namePrefix() + "_" + k, shape, rng);
            ps.addAll(l.params());
        }
        if (!shape.isFlat()) {
            throw new IllegalArgumentException("the last layer must produce a flat output, got " + shape);
        }
        this.params = List.copyOf(ps);
        this.pooledBy = new boolean[this.layers.size()];
        for (int i = 0; i + 1 < this.layers.size(); i++) {
            // a relu convolution's gradient routed by the pool after it arrives already masked
            if (this.layers.get(i) instanceof Conv2D c && c.activation() == Activation.RELU
                    && this.layers.get(i + 1) instanceof MaxPool2D p) {
                c.takesMaskedGradient(true);
                p.appliesReluDerivative(true);
                pooledBy[i] = c.poolsInPlaceOf(p);
            }
        }
        this.workspaces = ThreadLocal.withInitial(() -> new Workspace(this.layers.size()));
    }

    /** A 28×28 image network fed flat rows of 784 still starts from an image shape. */
    private static Shape inputFor(int inputSize, List<Layer> layers) {
        if (!layers.isEmpty() && layers.get(0).needsImageInput()) {
            int side = (int) Math.round(Math.sqrt(inputSize));
            if (side * side != inputSize) {
                throw new IllegalArgumentException("a convolutional network needs a square image input, got " + inputSize + " values");
            }
            return Shape.image(side, side, 1);
        }
        return Shape.flat(inputSize);
    }

    /**
     * The multi-layer perceptron Keras' textbook builds: {@code hidden} Dense layers with
     * {@code hiddenActivation}, then a softmax over {@code classes}.
     */
    public static Sequential mlp(int inputSize, int[] hidden, Activation hiddenActivation, int classes, long seed) {
        List<Layer> ls = new ArrayList<>();
        for (int h : hidden) ls.add(new Dense(h, hiddenActivation));
        ls.add(new Dense(classes, Activation.SOFTMAX));
        return new Sequential(inputSize, ls, seed);
    }

    public Shape inputShape() {
        return inputShape;
    }

    public int inputSize() {
        return inputShape.size();
    }

    public int outputSize() {
        return layers.get(layers.size() - 1).outputShape().size();
    }

    public List<Layer> layers() {
        return layers;
    }

    /** All trainable parameters, layer by layer (kernel before bias). */
    public List<Param> params() {
        return params;
    }

    public long parameterCount() {
        long n = 0;
        for (Param p : params) n += p.size();
        return n;
    }

    /** True when the last layer is a softmax Dense, so cross-entropy can take the fused gradient. */
    public boolean endsWithSoftmax() {
        return layers.get(layers.size() - 1) instanceof Dense d && d.activation() == Activation.SOFTMAX;
    }

    /** Class probabilities (the last layer's output) for one input of {@link #inputSize()} values. */
    public float[] predict(float[] x) {
        float[] out = new float[outputSize()];
        predict(x, out);
        return out;
    }

    /** As {@link #predict(float[])}, into {@code out}; allocates nothing after a thread's first call. */
    public void predict(float[] x, float[] out) {
        if (x.length != inputSize()) {
            throw new IllegalArgumentException("expected " + inputSize() + " input values, got " + x.length);
        }
        Workspace ws = workspaces.get();
        FMatrixRMaj in = ws.input(1, x.length);
        System.arraycopy(x, 0, in.data, 0, x.length);
        FMatrixRMaj y = infer(in, ws);
        System.arraycopy(y.data, 0, out, 0, out.length);
    }

    /** One row of output per row of {@code batch}; processed in chunks. */
    public FMatrixRMaj predict(FMatrixRMaj batch) {
        if (batch.numCols != inputSize()) {
            throw new IllegalArgumentException("expected rows of " + inputSize() + " values, got " + batch.numCols);
        }
        int n = batch.numRows, outCols = outputSize();
        FMatrixRMaj result = new FMatrixRMaj(n, outCols);
        Workspace ws = workspaces.get();
        for (int start = 0; start < n; start += PREDICT_CHUNK) {
            int rows = Math.min(PREDICT_CHUNK, n - start);
            FMatrixRMaj in = ws.input(rows, batch.numCols);
            System.arraycopy(batch.data, start * batch.numCols, in.data, 0, rows * batch.numCols);
            FMatrixRMaj y = infer(in, ws);
            System.arraycopy(y.data, 0, result.data, start * outCols, rows * outCols);
        }
        return result;
    }

    /** Runs {@code in} through every layer's stateless path using the thread's buffers. */
    FMatrixRMaj infer(FMatrixRMaj in, Workspace ws) {
        FMatrixRMaj x = in;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (pooledBy[i]) {
                i++;
                FMatrixRMaj out = ws.outs[i];
                out.reshape(x.numRows, layers.get(i).outputShape().size());
                ((Conv2D) l).inferPooled(x, out);
                x = out;
                continue;
            }
            FMatrixRMaj out = ws.outs[i];
            out.reshape(x.numRows, l.outputShape().size());
            l.infer(x, out, ws.scratch[i]);
            x = out;
        }
        return x;
    }

    /** The calling thread's prediction buffers (used by the evaluator to avoid a copy). */
    Workspace workspace() {
        return workspaces.get();
    }

    /** Training forward pass; the result is owned by the last layer. */
    FMatrixRMaj forward(FMatrixRMaj x, boolean training) {
        for (int i = 0; i < layers.size(); i++) {
            if (pooledBy[i]) {
                x = ((Conv2D) layers.get(i)).forwardPooled(x, (MaxPool2D) layers.get(i + 1));
                i++;
            } else {
                x = layers.get(i).forward(x, training);
            }
        }
        return x;
    }

    /**
     * Backward pass from dLoss/dOutput (or dLoss/dLogits when {@code wrtLogits}, for a softmax
     * output); leaves every parameter's gradient set. The first layer skips its input gradient.
     */
    void backward(FMatrixRMaj grad, boolean wrtLogits) {
        backward(grad, wrtLogits, false);
    }

    /**
     * As {@link #backward(FMatrixRMaj, boolean)}, and returns dLoss/dInput when
     * {@code needInputGradient} (null otherwise): what {@link InputGradient} explains a reading with.
     */
    FMatrixRMaj backward(FMatrixRMaj grad, boolean wrtLogits, boolean needInputGradient) {
        int last = layers.size() - 1;
        for (int i = last; i >= 0; i--) {
            boolean needIn = i > 0 || needInputGradient;
            if (i == last && wrtLogits) {
                if (!endsWithSoftmax()) throw new IllegalStateException("the logits gradient needs a softmax output layer");
                grad = ((Dense) layers.get(i)).backwardFromLogits(grad, needIn);
            } else if (i > 0 && pooledBy[i - 1]) {
                i--;
                grad = ((Conv2D) layers.get(i)).backwardPooled(grad, (MaxPool2D) layers.get(i + 1), i > 0 || needInputGradient);
            } else {
                grad = layers.get(i).backward(grad, needIn);
            }
        }
        return grad;
    }

    /**
     * Every layer's output for one input, in layer order (the last is the prediction), through the
     * stateless prediction path with buffers of its own: safe from any thread, allocates.
     */
    public List<float[]> activations(float[] x) {
        if (x.length != inputSize()) {
            throw new IllegalArgumentException("expected " + inputSize() + " input values, got " + x.length);
        }
        List<float[]> outs = new ArrayList<>(layers.size());
        FMatrixRMaj in = new FMatrixRMaj(1, x.length);
        System.arraycopy(x, 0, in.data, 0, x.length);
        FMatrixRMaj scratch = new FMatrixRMaj(1, 1);
        for (Layer l : layers) {
            FMatrixRMaj out = new FMatrixRMaj(1, l.outputShape().size());
            l.infer(in, out, scratch);
            outs.add(java.util.Arrays.copyOf(out.data, out.numCols));
            in = out;
        }
        return outs;
    }

    /** A new model with the same architecture and a copy of the current weights. */
    public Sequential copy() {
        List<Layer> fresh = new ArrayList<>();
        for (Layer l : layers) fresh.add(l.unbuiltCopy());
        Sequential s = new Sequential(inputShape, fresh, 0);
        s.copyWeightsFrom(this);
        return s;
    }

    /** Overwrites this model's weights with {@code other}'s; the architectures must match. */
    public void copyWeightsFrom(Sequential other) {
        if (other.params.size() != params.size()) {
            throw new IllegalArgumentException("architectures differ: " + other.params.size() + " vs " + params.size() + " parameter arrays");
        }
        for (int i = 0; i < params.size(); i++) {
            Param a = params.get(i), b = other.params.get(i);
            if (!java.util.Arrays.equals(a.shape(), b.shape())) {
                throw new IllegalArgumentException("architectures differ at " + a.name() + ": "
                        + java.util.Arrays.toString(a.shape()) + " vs " + java.util.Arrays.toString(b.shape()));
            }
            System.arraycopy(b.value().data, 0, a.value().data, 0, a.size());
        }
    }

    /** Keras-style table: layer (type), output shape, parameter count, totals. */
    public String summary() {
        return ModelSummary.of(this);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Sequential[").append(inputShape.size());
        for (Layer l : layers) sb.append(" -> ").append(l.name());
        return sb.append(']').toString();
    }

    /** A thread's prediction buffers: an input copy, every layer's output and scratch. */
    static final class Workspace {
        final FMatrixRMaj[] outs;
        final FMatrixRMaj[] scratch;
        private final FMatrixRMaj input = new FMatrixRMaj(1, 1);

        Workspace(int n) {
            outs = new FMatrixRMaj[n];
            scratch = new FMatrixRMaj[n];
            for (int i = 0; i < n; i++) {
                outs[i] = new FMatrixRMaj(1, 1);
                scratch[i] = new FMatrixRMaj(1, 1);
            }
        }

        FMatrixRMaj input(int rows, int cols) {
            input.reshape(rows, cols);
            return input;
        }
    }
}
