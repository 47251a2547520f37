package org.inkling.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.ejml.data.FMatrixRMaj;

/**
 * A 2-D convolution with valid padding and stride 1 on channels-last images, as Keras'
 * {@code Conv2D(filters, kernel_size, activation=...)}: kernel {@code (k, k, inChannels, filters)},
 * bias {@code (filters)}.
 *
 * <p>The batch is unfolded (im2col) into a matrix with one row per output pixel and one column per
 * kernel tap {@code (kh, kw, c)}, so the convolution is one product through {@link Gemm}:
 * {@code (batch·outH·outW × k·k·C) · (k·k·C × filters)}. Its result, read row-major, already is the
 * channels-last output of the batch, so no transpose follows; bias and activation run on it in
 * one pass. Backward is two more products ({@code colsᵀ·dZ}, {@code dZ·Wᵀ}) and a fold (col2im).
 */
public final class Conv2D extends AbstractLayer {
    private final int filters;
    private final int kernel;
    private final Activation activation;
    private final Initializer initializer;

    private int h, w, c, oh, ow, taps;
    private Param weights;
    private Param bias;
    private final FMatrixRMaj cols = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj out = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dz = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dCols = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dIn = new FMatrixRMaj(1, 1);

    /** He initialisation for relu, Glorot otherwise. */
    public Conv2D(int filters, int kernel, Activation activation) {
        this(filters, kernel, activation, Initializers.defaultFor(activation));
    }

    public Conv2D(int filters, int kernel, Activation activation, Initializer initializer) {
        if (filters <= 0) throw new IllegalArgumentException("filters must be positive, got " + filters);
        if (kernel <= 0) throw new IllegalArgumentException("kernel size must be positive, got " + kernel);
        if (activation == Activation.SOFTMAX) throw new IllegalArgumentException("softmax is not a convolution activation");
        this.filters = filters;
        this.kernel = kernel;
        this.activation = Objects.requireNonNull(activation, "activation");
        this.initializer = Objects.requireNonNull(initializer, "initializer");
    }

    @Override
    protected Shape create(Shape in, RandomGenerator rng) {
        if (in.isFlat()) throw new IllegalArgumentException("Conv2D needs an image input (height, width, channels), got " + in);
        h = in.height();
        w = in.width();
        c = in.channels();
        if (h < kernel || w < kernel) {
            throw new IllegalArgumentException("a " + kernel + "x" + kernel + " kernel does not fit a " + h + "x" + w + " input");
        }
        oh = h - kernel + 1;
        ow = w - kernel + 1;
        taps = kernel * kernel * c;
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

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x, boolean training) {
        requireBuilt();
        out.reshape(x.numRows, oh * ow * filters);
        infer(x, out, cols);
        return out;
    }

    @Override
    public void infer(FMatrixRMaj x, FMatrixRMaj result, FMatrixRMaj scratch) {
        int batch = x.numRows;
        im2col(x, scratch);
        // the output rows, read as one row per output pixel: same memory, different shape
        result.numRows = batch * oh * ow;
        result.numCols = filters;
        Gemm.mult(scratch, weights.value(), result);
        ActivationOps.biasActivate(result, bias.value().data, activation);
        result.numRows = batch;
        result.numCols = oh * ow * filters;
    }

    /** cols[(b, y, x)][(kh, kw, ch)] = in[b][(y + kh, x + kw, ch)]: k row runs of k·C values each. */
    private void im2col(FMatrixRMaj x, FMatrixRMaj dst) {
        int batch = x.numRows, in = h * w * c, run = kernel * c;
        dst.reshape(batch * oh * ow, taps);
        float[] src = x.data, d = dst.data;
        int row = 0;
        for (int b = 0; b < batch; b++) {
            int base = b * in;
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++, row++) {
                    int o = row * taps;
                    for (int kh = 0; kh < kernel; kh++) {
                        System.arraycopy(src, base + ((y + kh) * w + xx) * c, d, o + kh * run, run);
                    }
                }
            }
        }
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj dOut, boolean needInputGradient) {
        int batch = out.numRows, pixels = batch * oh * ow;
        dz.reshape(pixels, filters);
        // view the output and its gradient as one row per output pixel while computing dZ
        out.numRows = pixels;
        out.numCols = filters;
        int dRows = dOut.numRows, dCols0 = dOut.numCols;
        dOut.numRows = pixels;
        dOut.numCols = filters;
        ActivationOps.backward(out, dOut, dz, activation);
        out.numRows = batch;
        out.numCols = oh * ow * filters;
        dOut.numRows = dRows;
        dOut.numCols = dCols0;

        Gemm.multTransA(cols, dz, weights.grad());
        ActivationOps.columnSums(dz, bias.grad().data);
        if (!needInputGradient) return null;
        dCols.reshape(pixels, taps);
        Gemm.multTransB(dz, weights.value(), dCols);
        col2im(batch);
        return dIn;
    }

    /** dIn[b][(y + kh, x + kw, ch)] += dCols[(b, y, x)][(kh, kw, ch)]: the adjoint of im2col. */
    private void col2im(int batch) {
        int in = h * w * c, run = kernel * c;
        dIn.reshape(batch, in);
        float[] d = dIn.data, s = dCols.data;
        java.util.Arrays.fill(d, 0, batch * in, 0f);
        int row = 0;
        for (int b = 0; b < batch; b++) {
            int base = b * in;
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++, row++) {
                    int o = row * taps;
                    for (int kh = 0; kh < kernel; kh++) {
                        int dst = base + ((y + kh) * w + xx) * c, src = o + kh * run;
                        for (int i = 0; i < run; i++) d[dst + i] += s[src + i];
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
        m.put("activation", activation.kerasName());
        m.put("initializer", initializer.kerasName());
        return m;
    }

    @Override
    public Layer unbuiltCopy() {
        return new Conv2D(filters, kernel, activation, initializer);
    }
}
