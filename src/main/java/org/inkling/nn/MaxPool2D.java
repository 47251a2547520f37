package org.inkling.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
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
    private int h, w, c, oh, ow;
    private FMatrixRMaj input;
    private final FMatrixRMaj out = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dIn = new FMatrixRMaj(1, 1);

    public MaxPool2D(int pool) {
        if (pool < 1) throw new IllegalArgumentException("pool size must be positive, got " + pool);
        this.pool = pool;
    }

    public int poolSize() {
        return pool;
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
        input = x;
        out.reshape(x.numRows, oh * ow * c);
        pool(x, out);
        return out;
    }

    @Override
    public void infer(FMatrixRMaj x, FMatrixRMaj result, FMatrixRMaj scratch) {
        pool(x, result);
    }

    /** Images per part of a parallel pass: a part should stream at least a few hundred kilobytes. */
    private int imagesPerPart() {
        return Math.max(1, (1 << 16) / (h * w * c));
    }

    // The passes run over ranges of images on the engine's threads; each image is written by one
    // thread only, so the split changes no bit. The operands sit in fields for the range bodies,
    // which are kept (not new lambdas) so that a pass allocates nothing.
    private float[] src, max, grad, dst;
    private final Parallel.Range poolRange = this::poolImages;
    private final Parallel.Range backRange = this::backImages;

    private void pool(FMatrixRMaj x, FMatrixRMaj d) {
        src = x.data;
        dst = d.data;
        try {
            Parallel.forRange(x.numRows, 2 * imagesPerPart(), 1, poolRange);
        } finally {
            src = null;
            dst = null;
        }
    }

    /**
     * Window maxima. Channels are contiguous (channels-last), so each window position is one
     * vector max over the channels.
     */
    private void poolImages(int from, int to) {
        int in = h * w * c, outSize = oh * ow * c, upper = S.loopBound(c);
        float[] s = src, d = dst;
        for (int b = from; b < to; b++) {
            int base = b * in;
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    int o = b * outSize + (y * ow + xx) * c;
                    int first = base + ((y * pool) * w + xx * pool) * c;
                    int ch = 0;
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
                    }
                    for (; ch < c; ch++) {
                        float m = s[first + ch];
                        for (int py = 0; py < pool; py++) {
                            for (int px = 0; px < pool; px++) {
                                m = Math.max(m, s[base + ((y * pool + py) * w + xx * pool + px) * c + ch]);
                            }
                        }
                        d[o + ch] = m;
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
        src = input.data;
        max = out.data;
        grad = dOut.data;
        dst = dIn.data;
        try {
            Parallel.forRange(batch, 2 * imagesPerPart(), 1, backRange);
        } finally {
            src = null;
            max = null;
            grad = null;
            dst = null;
        }
        return dIn;
    }

    /**
     * Every input position lies in at most one window, so each is written once: the window's
     * gradient where it is the first maximum, zero elsewhere (and zero in a trailing row or column
     * that no window covers). No clearing pass first, no read of the old value.
     */
    private void backImages(int from, int to) {
        int in = h * w * c, outSize = oh * ow * c, upper = S.loopBound(c);
        float[] s = src, m = max, g = grad, d = dst;
        FloatVector zero = FloatVector.zero(S);
        for (int b = from; b < to; b++) {
            int base = b * in;
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    int o = b * outSize + (y * ow + xx) * c;
                    int ch = 0;
                    for (; ch < upper; ch += S.length()) {
                        FloatVector mv = FloatVector.fromArray(S, m, o + ch);
                        FloatVector gv = FloatVector.fromArray(S, g, o + ch);
                        VectorMask<Float> taken = S.maskAll(false);
                        for (int py = 0; py < pool; py++) {
                            for (int px = 0; px < pool; px++) {
                                int i = base + ((y * pool + py) * w + xx * pool + px) * c + ch;
                                VectorMask<Float> hit = FloatVector.fromArray(S, s, i).compare(VectorOperators.EQ, mv).andNot(taken);
                                zero.blend(gv, hit).intoArray(d, i);
                                taken = taken.or(hit);
                            }
                        }
                    }
                    for (; ch < c; ch++) {
                        boolean taken = false;
                        for (int py = 0; py < pool; py++) {
                            for (int px = 0; px < pool; px++) {
                                int i = base + ((y * pool + py) * w + xx * pool + px) * c + ch;
                                boolean hit = !taken && s[i] == m[o + ch];
                                d[i] = hit ? g[o + ch] : 0f;
                                taken |= hit;
                            }
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
