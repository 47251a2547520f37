package org.inkling.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.ejml.data.FMatrixRMaj;
import org.inkling.nn.kernel.ConvPool;
import org.inkling.nn.kernel.ConvProducts;
import org.inkling.nn.kernel.ConvShape;
import org.inkling.nn.kernel.Parallel;

/**
 * A 2-D convolution with stride 1 on channels-last images, as Keras'
 * {@code Conv2D(filters, kernel_size, activation=..., padding="valid" | "same")}: kernel
 * {@code (k, k, inChannels, filters)}, bias {@code (filters)}. {@code "same"} pads with zeros so the
 * output keeps the input's height and width, splitting the {@code k - 1} padding as TensorFlow and
 * Keras do: {@code (k - 1) / 2} before (top, left), the rest after (one more for even kernels).
 *
 * <p>The batch is unfolded (im2col) into a matrix with one row per output pixel and one column per
 * kernel tap {@code (kh, kw, c)}, so the convolution is one product through {@link Gemm}:
 * {@code (batch·outH·outW × k·k·C) · (k·k·C × filters)}. Its result, read row-major, already is the
 * channels-last output of the batch, so no transpose follows; bias and activation run on it in
 * one pass. Backward is two more products ({@code colsᵀ·dZ}, {@code dZ·Wᵀ}) and a fold (col2im).
 *
 * <p>When a kernel row of the input holds a multiple of eight values (every convolution after a
 * gray image's first: 3·32 for the MNIST network's second) and the padding is valid, the products
 * read that matrix straight from the images and fold the input gradient as they compute it
 * ({@link ConvProducts}): no im2col copy is written and read back. Same bits either way.
 */
public final class Conv2D extends AbstractLayer {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    /** Keras' {@code padding} argument. */
    public enum Padding {
        VALID, SAME;

        /** {@code "valid"} or {@code "same"}, case-insensitive. */
        public static Padding parse(String name) {
            for (Padding p : values()) {
                if (p.kerasName().equalsIgnoreCase(String.valueOf(name).trim())) return p;
            }
            throw new IllegalArgumentException("unknown padding '" + name + "' (expected valid or same)");
        }

        public String kerasName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final int filters;
    private final int kernel;
    private final Activation activation;
    private final Initializer initializer;
    private final Padding padding;

    private int h, w, c, oh, ow, taps, padTop, padLeft;
    /** Set when the products read the images in place (see the class comment); null: explicit im2col. */
    private ConvShape inPlace;
    /** The input of the last training forward pass, which the in-place weight gradient reads. */
    private FMatrixRMaj input;
    /** See {@link #takesMaskedGradient}. */
    private boolean maskedGradient;
    /** The geometry for {@link ConvPool}, when this convolution can pool its own output; else null. */
    private ConvShape poolable;
    private Param weights;
    private Param bias;
    private final FMatrixRMaj cols = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj out = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dz = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dCols = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dIn = new FMatrixRMaj(1, 1);

    /** Valid padding; He initialisation for relu, Glorot otherwise. */
    public Conv2D(int filters, int kernel, Activation activation) {
        this(filters, kernel, activation, Initializers.defaultFor(activation));
    }

    /** Valid padding. */
    public Conv2D(int filters, int kernel, Activation activation, Initializer initializer) {
        this(filters, kernel, activation, initializer, Padding.VALID);
    }

    public Conv2D(int filters, int kernel, Activation activation, Initializer initializer, Padding padding) {
        if (filters <= 0) throw new IllegalArgumentException("filters must be positive, got " + filters);
        if (kernel <= 0) throw new IllegalArgumentException("kernel size must be positive, got " + kernel);
        if (activation == Activation.SOFTMAX) throw new IllegalArgumentException("softmax is not a convolution activation");
        this.filters = filters;
        this.kernel = kernel;
        this.activation = Objects.requireNonNull(activation, "activation");
        this.initializer = Objects.requireNonNull(initializer, "initializer");
        this.padding = Objects.requireNonNull(padding, "padding");
    }

    public int filters() {
        return filters;
    }

    public int kernelSize() {
        return kernel;
    }

    public Activation activation() {
        return activation;
    }

    public Padding padding() {
        return padding;
    }

    /**
     * Set by {@link Sequential} for a relu convolution followed by a max-pool that applies relu's
     * derivative as it routes the gradient (see {@link MaxPool2D#appliesReluDerivative}): the
     * gradient that arrives is already dZ, so backward neither reads the output back nor writes a
     * copy (for the first convolution of the MNIST network that is 11 MB each, a batch).
     */
    void takesMaskedGradient(boolean on) {
        if (on && activation != Activation.RELU) {
            throw new IllegalStateException("only a relu convolution takes a masked gradient");
        }
        maskedGradient = on;
    }

    @Override
    protected Shape create(Shape in, RandomGenerator rng) {
        if (in.isFlat()) throw new IllegalArgumentException("Conv2D needs an image input (height, width, channels), got " + in);
        h = in.height();
        w = in.width();
        c = in.channels();
        if (padding == Padding.SAME) {
            padTop = (kernel - 1) / 2;
            padLeft = (kernel - 1) / 2;
            oh = h;
            ow = w;
        } else {
            if (h < kernel || w < kernel) {
                throw new IllegalArgumentException("a " + kernel + "x" + kernel + " kernel does not fit a " + h + "x" + w + " input");
            }
            oh = h - kernel + 1;
            ow = w - kernel + 1;
        }
        taps = kernel * kernel * c;
        ConvShape shape = padding == Padding.VALID ? new ConvShape(h, w, c, kernel) : null;
        inPlace = shape != null && shape.readsImagesInPlace() ? shape : null;
        // a few taps: the four outputs of a window are computed faster than they are stored and
        // read back (the products that read images in place are faster for the many-tap ones)
        poolable = shape != null && inPlace == null && activation == Activation.RELU && taps <= MAX_POOLED_TAPS
                && ConvPool.fits(shape, filters) ? shape : null;
        weights = new Param(name() + "/kernel", new int[] {kernel, kernel, c, filters}, taps, filters);
        bias = new Param(name() + "/bias", new int[] {filters}, 1, filters);
        initializer.fill(weights.value().data, taps * filters, taps, kernel * kernel * filters, rng);
        return Shape.image(oh, ow, filters);
    }

    @Override
    public String typeName() {
        return "Conv2D";
    }

    @Override
    public String namePrefix() {
        return "conv2d";
    }

    @Override
    public boolean needsImageInput() {
        return true;
    }

    @Override
    public List<Param> params() {
        requireBuilt();
        return List.of(weights, bias);
    }

    /** Up to this many taps a convolution may pool its own output (a 3x3 kernel over up to 3 channels). */
    private static final int MAX_POOLED_TAPS = 27;

    /**
     * Whether this convolution can compute {@code pool}'s output itself ({@link #forwardPooled}):
     * a relu, valid-padding convolution with few taps followed by a 2x2 pool that applies relu's
     * derivative (set by {@link Sequential}).
     */
    boolean poolsInPlaceOf(MaxPool2D pool) {
        return poolable != null && maskedGradient && pool.poolSize() == 2;
    }

    /**
     * This convolution and {@code pool} in one pass ({@link ConvPool}): the pool's output and
     * where each maximum was, as the two layers' forward passes give them, without this layer's
     * output ever being written. {@link #backwardPooled} follows.
     */
    FMatrixRMaj forwardPooled(FMatrixRMaj x, MaxPool2D pool) {
        requireBuilt();
        input = x;
        FMatrixRMaj pooled = pool.pooledOutput(x.numRows);
        ConvPool.forward(poolable, x.numRows, filters, x.data, weights.value().data, bias.value().data,
                pooled.data, pool.maxima().data);
        return pooled;
    }

    /** The prediction path of {@link #forwardPooled}: {@code pooled} already has the pool's output size. */
    void inferPooled(FMatrixRMaj x, FMatrixRMaj pooled) {
        ConvPool.forward(poolable, x.numRows, filters, x.data, weights.value().data, bias.value().data, pooled.data, null);
    }

    /**
     * Backward through {@code pool} and this convolution after {@link #forwardPooled}, from the
     * gradient of the pool's output: the weight and bias gradients straight from it and where the
     * maxima were. The input gradient (only for explaining a reading) goes through the pool's and
     * this layer's own passes.
     */
    FMatrixRMaj backwardPooled(FMatrixRMaj dPooled, MaxPool2D pool, boolean needInputGradient) {
        int batch = dPooled.numRows;
        if (!needInputGradient) {
            ConvPool.backward(poolable, batch, filters, input.data, pool.maxima().data, dPooled.data,
                    weights.grad().data, bias.grad().data);
            return null;
        }
        FMatrixRMaj dz = pool.backward(dPooled, true);
        im2col(input, cols);
        return backward(dz, true);
    }

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x, boolean training) {
        requireBuilt();
        out.reshape(x.numRows, oh * ow * filters);
        input = x;
        infer(x, out, cols);
        return out;
    }

    @Override
    public void infer(FMatrixRMaj x, FMatrixRMaj result, FMatrixRMaj scratch) {
        int batch = x.numRows;
        if (inPlace != null) {
            boolean fused = activation == Activation.RELU || activation == Activation.LINEAR;
            ConvProducts.forward(inPlace, batch, filters, x.data, weights.value().data, fused ? bias.value().data : null,
                    activation == Activation.RELU, result.data);
            if (!fused) {
                result.numRows = batch * oh * ow;
                result.numCols = filters;
                ActivationOps.biasActivate(result, bias.value().data, activation, true);
                result.numRows = batch;
                result.numCols = oh * ow * filters;
            }
            return;
        }
        im2col(x, scratch);
        // the output rows, read as one row per output pixel: same memory, different shape
        result.numRows = batch * oh * ow;
        result.numCols = filters;
        if (activation == Activation.RELU || activation == Activation.LINEAR) {
            // bias and relu on each tile as the kernel finishes it: no second pass over the output
            Gemm.multBiasActivate(scratch, weights.value(), bias.value().data, activation == Activation.RELU, result);
        } else {
            Gemm.mult(scratch, weights.value(), result);
            ActivationOps.biasActivate(result, bias.value().data, activation, true);
        }
        result.numRows = batch;
        result.numCols = oh * ow * filters;
    }

    // im2col and col2im run over ranges of images on the engine's threads (each image's rows, or
    // its input gradient, written by one thread: the same bits for any split). A pass's operands
    // travel in the calling thread's own Pass, not in this layer's fields, because infer may run on
    // one network from several threads at once; the Pass and its range bodies are kept per thread,
    // so a pass allocates nothing.
    private static final ThreadLocal<Pass> PASS = ThreadLocal.withInitial(Pass::new);

    private static final class Pass {
        Conv2D layer;
        float[] src, dst;
        final Parallel.Range im2col = (from, to) -> layer.im2colImages(src, dst, from, to);
        final Parallel.Range col2im = (from, to) -> layer.col2imImages(src, dst, from, to);

        Pass set(Conv2D layer, float[] src, float[] dst) {
            this.layer = layer;
            this.src = src;
            this.dst = dst;
            return this;
        }
    }

    /** Images per part of a parallel pass: a part should move at least a few hundred kilobytes. */
    private int imagesPerPart() {
        return Math.max(1, (1 << 16) / (oh * ow * taps));
    }

    /**
     * cols[(b, y, x)][(kh, kw, ch)] = in[b][(y + kh - padTop, x + kw - padLeft, ch)], zero outside
     * the image: per kernel row one run of up to k·C values (the whole run with valid padding).
     */
    private void im2col(FMatrixRMaj x, FMatrixRMaj dst) {
        dst.reshape(x.numRows * oh * ow, taps);
        Pass p = PASS.get().set(this, x.data, dst.data);
        try {
            Parallel.forRange(x.numRows, 2 * imagesPerPart(), 1, p.im2col);
        } finally {
            p.set(null, null, null);
        }
    }

    private void im2colImages(float[] src, float[] d, int from, int to) {
        int in = h * w * c, run = kernel * c;
        int row = from * oh * ow;
        for (int b = from; b < to; b++) {
            int base = b * in;
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++, row++) {
                    int o = row * taps;
                    int kw0 = Math.max(0, padLeft - xx), kw1 = Math.min(kernel, w + padLeft - xx);
                    for (int kh = 0; kh < kernel; kh++) {
                        int iy = y + kh - padTop, dst0 = o + kh * run;
                        if (iy < 0 || iy >= h || kw0 >= kw1) {
                            java.util.Arrays.fill(d, dst0, dst0 + run, 0f);
                            continue;
                        }
                        if (kw0 > 0) java.util.Arrays.fill(d, dst0, dst0 + kw0 * c, 0f);
                        int s0 = base + (iy * w + xx + kw0 - padLeft) * c, d0 = dst0 + kw0 * c, len = (kw1 - kw0) * c;
                        if (len < 16) {
                            // a call of System.arraycopy costs more than moving a few values (the first layer's runs are 3)
                            for (int i = 0; i < len; i++) d[d0 + i] = src[s0 + i];
                        } else {
                            System.arraycopy(src, s0, d, d0, len);
                        }
                        if (kw1 < kernel) java.util.Arrays.fill(d, dst0 + kw1 * c, dst0 + run, 0f);
                    }
                }
            }
        }
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj dOut, boolean needInputGradient) {
        int batch = dOut.numRows, pixels = batch * oh * ow;
        // view the output and its gradient as one row per output pixel while computing dZ
        int dRows = dOut.numRows, dCols0 = dOut.numCols;
        dOut.numRows = pixels;
        dOut.numCols = filters;
        FMatrixRMaj dz;
        if (maskedGradient) {
            dz = dOut;
            ActivationOps.columnSums(dz, bias.grad().data, true);
        } else {
            dz = this.dz;
            dz.reshape(pixels, filters);
            out.numRows = pixels;
            out.numCols = filters;
            ActivationOps.backwardAndColumnSums(out, dOut, dz, activation, bias.grad().data);
            out.numRows = batch;
            out.numCols = oh * ow * filters;
        }
        try {
            return backwardFrom(dz, batch, pixels, needInputGradient);
        } finally {
            dOut.numRows = dRows;
            dOut.numCols = dCols0;
        }
    }

    /** The products of backward, from dZ (one row per output pixel). */
    private FMatrixRMaj backwardFrom(FMatrixRMaj dz, int batch, int pixels, boolean needInputGradient) {
        if (inPlace != null) {
            ConvProducts.weightGradient(inPlace, batch, filters, input.data, dz.data, weights.grad().data);
            if (!needInputGradient) return null;
            dIn.reshape(batch, h * w * c);
            ConvProducts.inputGradient(inPlace, batch, filters, dz.data, weights.value().data, dIn.data);
            return dIn;
        }
        Gemm.multTransA(cols, dz, weights.grad());
        if (!needInputGradient) return null;
        dCols.reshape(pixels, taps);
        Gemm.multTransB(dz, weights.value(), dCols);
        col2im(batch);
        return dIn;
    }

    /**
     * dIn[b][(y + kh - padTop, x + kw - padLeft, ch)] += dCols[(b, y, x)][(kh, kw, ch)] inside the
     * image: the adjoint of im2col (taps on the zero padding have no input to go to).
     */
    private void col2im(int batch) {
        dIn.reshape(batch, h * w * c);
        Pass p = PASS.get().set(this, dCols.data, dIn.data);
        try {
            Parallel.forRange(batch, 2 * imagesPerPart(), 1, p.col2im);
        } finally {
            p.set(null, null, null);
        }
    }

    private void col2imImages(float[] s, float[] d, int from, int to) {
        int in = h * w * c, run = kernel * c;
        java.util.Arrays.fill(d, from * in, to * in, 0f);
        int row = from * oh * ow;
        for (int b = from; b < to; b++) {
            int base = b * in;
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++, row++) {
                    int o = row * taps;
                    int kw0 = Math.max(0, padLeft - xx), kw1 = Math.min(kernel, w + padLeft - xx);
                    for (int kh = 0; kh < kernel; kh++) {
                        int iy = y + kh - padTop;
                        if (iy < 0 || iy >= h || kw0 >= kw1) continue;
                        int dst = base + (iy * w + xx + kw0 - padLeft) * c, src = o + kh * run + kw0 * c, n = (kw1 - kw0) * c;
                        int i = 0;
                        for (int upper = S.loopBound(n); i < upper; i += S.length()) {
                            FloatVector.fromArray(S, d, dst + i).add(FloatVector.fromArray(S, s, src + i)).intoArray(d, dst + i);
                        }
                        for (; i < n; i++) d[dst + i] += s[src + i];
                    }
                }
            }
        }
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "conv2d");
        m.put("filters", filters);
        m.put("kernel_size", kernel);
        m.put("padding", padding.kerasName());
        m.put("activation", activation.kerasName());
        m.put("initializer", initializer.kerasName());
        return m;
    }

    @Override
    public Layer unbuiltCopy() {
        return new Conv2D(filters, kernel, activation, initializer, padding);
    }
}
