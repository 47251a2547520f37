package org.inkling.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ejml.data.FMatrixRMaj;
import org.inkling.nn.kernel.Parallel;

/**
 * Keras' {@code MaxPooling2D(pool_size)} with stride = pool size and valid padding, on
 * channels-last images: each output is the largest of a {@code pool × pool} window of one channel.
 * A trailing row or column that does not fill a window is dropped, as in Keras.
 */
public final class MaxPool2D extends AbstractLayer {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private final int pool;
    /**
     * Set by {@link Sequential} when this pool follows a relu layer whose gradient it feeds: the
     * gradient then goes only to a maximum above zero, which is relu's derivative at that position
     * applied here, so that the layer before need not read its output back (see
     * {@link Conv2D#takesMaskedGradient}).
     */
    private boolean appliesRelu;
    private int h, w, c, oh, ow;
    private final FMatrixRMaj out = new FMatrixRMaj(1, 1);
    /**
     * For each output of the last training pass, which position of its window (row by row from
     * 0) was the first to hold the maximum, or −1 for none (a NaN window, or a maximum not above
     * zero when {@link #appliesRelu}): backward reads this instead of the whole input again.
     */
    private final FMatrixRMaj where = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dIn = new FMatrixRMaj(1, 1);

    public MaxPool2D(int pool) {
        if (pool < 1) throw new IllegalArgumentException("pool size must be positive, got " + pool);
        this.pool = pool;
    }

    public int poolSize() {
        return pool;
    }

    /** See {@link #appliesRelu}: only for a pool whose input is a relu output. */
    void appliesReluDerivative(boolean on) {
        appliesRelu = on;
    }

    @Override
    protected Shape create(Shape in, RandomGenerator rng) {
        if (in.isFlat()) throw new IllegalArgumentException("MaxPool2D needs an image input (height, width, channels), got " + in);
        h = in.height();
        w = in.width();
        c = in.channels();
        oh = h / pool;
        ow = w / pool;
        if (oh == 0 || ow == 0) throw new IllegalArgumentException("a " + pool + "x" + pool + " pool does not fit a " + h + "x" + w + " input");
        return Shape.image(oh, ow, c);
    }

    @Override
    public String typeName() {
        return "MaxPooling2D";
    }

    @Override
    public String namePrefix() {
        return "max_pooling2d";
    }

    @Override
    public boolean needsImageInput() {
        return true;
    }

    @Override
    public FMatrixRMaj forward(FMatrixRMaj x, boolean training) {
        requireBuilt();
        out.reshape(x.numRows, oh * ow * c);
        where.reshape(x.numRows, oh * ow * c);
        pool(x, out, where.data);
        return out;
    }

    /**
     * This layer's output buffer sized for {@code batch} images, with {@link #maxima} beside it,
     * for a convolution that computes both itself ({@link Conv2D#forwardPooled}).
     */
    FMatrixRMaj pooledOutput(int batch) {
        requireBuilt();
        out.reshape(batch, oh * ow * c);
        where.reshape(batch, oh * ow * c);
        return out;
    }

    /** Where each maximum of the last training pass was (see {@link #where}). */
    FMatrixRMaj maxima() {
        return where;
    }

    @Override
    public void infer(FMatrixRMaj x, FMatrixRMaj result, FMatrixRMaj scratch) {
        pool(x, result, null);
    }

    /** Images per part of a parallel pass: a part should stream at least a few hundred kilobytes. */
    private int imagesPerPart() {
        return Math.max(1, (1 << 16) / (h * w * c));
    }

    // The passes run over ranges of images on the engine's threads; each image is written by one
    // thread only, so the split changes no bit. A pass's operands travel in the calling thread's
    // own Pass, not in this layer's fields: predict may run on one network from several threads at
    // once (the live bars and an evaluation), and each must read its own input. The Pass and its
    // range bodies are kept per thread, so a pass allocates nothing.
    private static final ThreadLocal<Pass> PASS = ThreadLocal.withInitial(Pass::new);

    private static final class Pass {
        MaxPool2D layer;
        float[] src, grad, dst, at;
        final Parallel.Range pool = (from, to) -> layer.poolImages(src, dst, at, from, to);
        final Parallel.Range back = (from, to) -> layer.backImages(at, grad, dst, from, to);

        Pass set(MaxPool2D layer, float[] src, float[] grad, float[] dst, float[] at) {
            this.layer = layer;
            this.src = src;
            this.grad = grad;
            this.dst = dst;
            this.at = at;
            return this;
        }

        void clear() {
            set(null, null, null, null, null);
        }
    }

    private void pool(FMatrixRMaj x, FMatrixRMaj d, float[] where) {
        Pass p = PASS.get().set(this, x.data, null, d.data, where);
        try {
            Parallel.forRange(x.numRows, 2 * imagesPerPart(), 1, p.pool);
        } finally {
            p.clear();
        }
    }

    /**
     * Window maxima, and where each was first found when {@code wh} is set. Channels are
     * contiguous (channels-last), so each window position is one vector max over the channels.
     */
    private void poolImages(float[] s, float[] d, float[] wh, int from, int to) {
        int in = h * w * c, outSize = oh * ow * c, upper = S.loopBound(c);
        boolean relu = appliesRelu;
        for (int b = from; b < to; b++) {
            int base = b * in;
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    int o = b * outSize + (y * ow + xx) * c;
                    int first = base + ((y * pool) * w + xx * pool) * c;
                    int ch = 0;
                    if (pool == 2 && wh != null) {
                        // the usual 2x2 window: its four vectors loaded once for the maximum and for where it is
                        int row2 = first + w * c;
                        FloatVector minus1 = FloatVector.broadcast(S, -1f);
                        for (; ch < upper; ch += S.length()) {
                            FloatVector v0 = FloatVector.fromArray(S, s, first + ch), v1 = FloatVector.fromArray(S, s, first + c + ch);
                            FloatVector v2 = FloatVector.fromArray(S, s, row2 + ch), v3 = FloatVector.fromArray(S, s, row2 + c + ch);
                            FloatVector m = v0.max(v1).max(v2).max(v3);
                            m.intoArray(d, o + ch);
                            FloatVector pos = minus1.blend(3f, v3.compare(VectorOperators.EQ, m));
                            pos = pos.blend(2f, v2.compare(VectorOperators.EQ, m));
                            pos = pos.blend(1f, v1.compare(VectorOperators.EQ, m));
                            pos = pos.blend(0f, v0.compare(VectorOperators.EQ, m));
                            if (relu) {
                                pos = pos.blend(-1f, m.compare(VectorOperators.LE, 0f));
                            }
                            pos.intoArray(wh, o + ch);
                        }
                    }
                    for (; ch < upper; ch += S.length()) {
                        FloatVector m = FloatVector.fromArray(S, s, first + ch);
                        for (int py = 0; py < pool; py++) {
                            for (int px = 0; px < pool; px++) {
                                if ((py | px) != 0) {
                                    m = m.max(FloatVector.fromArray(S, s, base + ((y * pool + py) * w + xx * pool + px) * c + ch));
                                }
                            }
                        }
                        m.intoArray(d, o + ch);
                        if (wh != null) {
                            // the last position visited that holds the maximum wins: visit them backwards
                            FloatVector pos = FloatVector.broadcast(S, -1f);
                            for (int k = pool * pool - 1; k >= 0; k--) {
                                int i = base + ((y * pool + k / pool) * w + xx * pool + k % pool) * c + ch;
                                pos = pos.blend((float) k, FloatVector.fromArray(S, s, i).compare(VectorOperators.EQ, m));
                            }
                            if (relu) {
                                pos = pos.blend(-1f, m.compare(VectorOperators.LE, 0f));
                            }
                            pos.intoArray(wh, o + ch);
                        }
                    }
                    for (; ch < c; ch++) {
                        float m = s[first + ch];
                        for (int py = 0; py < pool; py++) {
                            for (int px = 0; px < pool; px++) {
                                m = Math.max(m, s[base + ((y * pool + py) * w + xx * pool + px) * c + ch]);
                            }
                        }
                        d[o + ch] = m;
                        if (wh != null) {
                            float pos = -1f;
                            for (int k = pool * pool - 1; k >= 0; k--) {
                                if (s[base + ((y * pool + k / pool) * w + xx * pool + k % pool) * c + ch] == m) pos = k;
                            }
                            wh[o + ch] = relu && !(m > 0f) ? -1f : pos;
                        }
                    }
                }
            }
        }
    }

    /** Routes each gradient to the first position of its window (row by row) that holds the maximum. */
    @Override
    public FMatrixRMaj backward(FMatrixRMaj dOut, boolean needInputGradient) {
        if (!needInputGradient) return null;
        int batch = dOut.numRows;
        dIn.reshape(batch, h * w * c);
        Pass p = PASS.get().set(this, null, dOut.data, dIn.data, where.data);
        try {
            Parallel.forRange(batch, 2 * imagesPerPart(), 1, p.back);
        } finally {
            p.clear();
        }
        return dIn;
    }

    /**
     * Every input position lies in at most one window, so each is written once: the window's
     * gradient where forward found the window's (first) maximum, zero elsewhere (and zero in a
     * trailing row or column that no window covers). No clearing pass first, no read of the old
     * value, and the input is not read again: {@link #where} says where the maxima were.
     */
    private void backImages(float[] wh, float[] g, float[] d, int from, int to) {
        int in = h * w * c, outSize = oh * ow * c, upper = S.loopBound(c);
        FloatVector zero = FloatVector.zero(S);
        for (int b = from; b < to; b++) {
            int base = b * in;
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    int o = b * outSize + (y * ow + xx) * c;
                    int ch = 0;
                    for (; ch < upper; ch += S.length()) {
                        FloatVector pos = FloatVector.fromArray(S, wh, o + ch);
                        FloatVector gv = FloatVector.fromArray(S, g, o + ch);
                        for (int k = 0; k < pool * pool; k++) {
                            int i = base + ((y * pool + k / pool) * w + xx * pool + k % pool) * c + ch;
                            zero.blend(gv, pos.compare(VectorOperators.EQ, (float) k)).intoArray(d, i);
                        }
                    }
                    for (; ch < c; ch++) {
                        float pos = wh[o + ch];
                        for (int k = 0; k < pool * pool; k++) {
                            d[base + ((y * pool + k / pool) * w + xx * pool + k % pool) * c + ch] = pos == k ? g[o + ch] : 0f;
                        }
                    }
                }
                // a trailing column that no window covers
                int row = base + (y * pool) * w * c;
                for (int py = 0; py < pool; py++) {
                    int r = row + py * w * c;
                    java.util.Arrays.fill(d, r + ow * pool * c, r + w * c, 0f);
                }
            }
            // trailing rows that no window covers
            java.util.Arrays.fill(d, base + oh * pool * w * c, base + in, 0f);
        }
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "max_pool2d");
        m.put("pool_size", pool);
        return m;
    }

    @Override
    public Layer unbuiltCopy() {
        return new MaxPool2D(pool);
    }
}
