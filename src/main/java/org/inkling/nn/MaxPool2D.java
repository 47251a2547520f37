package org.inkling.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ejml.data.FMatrixRMaj;

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
    private boolean[] pending = new boolean[0];
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

    /**
     * Window maxima. Channels are contiguous (channels-last), so each window position is one
     * vector max over the channels.
     */
    private void pool(FMatrixRMaj x, FMatrixRMaj dst) {
        int in = h * w * c, outSize = oh * ow * c, upper = S.loopBound(c);
        float[] s = x.data, d = dst.data;
        for (int b = 0; b < x.numRows; b++) {
            int base = b * in;
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    int o = b * outSize + (y * ow + xx) * c;
                    int first = base + ((y * pool) * w + xx * pool) * c;
                    System.arraycopy(s, first, d, o, c);
                    for (int py = 0; py < pool; py++) {
                        for (int px = 0; px < pool; px++) {
                            int i = base + ((y * pool + py) * w + xx * pool + px) * c;
                            int ch = 0;
                            for (; ch < upper; ch += S.length()) {
                                FloatVector.fromArray(S, d, o + ch).max(FloatVector.fromArray(S, s, i + ch)).intoArray(d, o + ch);
                            }
                            for (; ch < c; ch++) d[o + ch] = Math.max(d[o + ch], s[i + ch]);
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
        int batch = dOut.numRows, in = h * w * c, outSize = oh * ow * c, upper = S.loopBound(c);
        dIn.reshape(batch, in);
        float[] s = input.data, m = out.data, g = dOut.data, d = dIn.data;
        java.util.Arrays.fill(d, 0, batch * in, 0f);
        if (pending.length < c) pending = new boolean[c];
        for (int b = 0; b < batch; b++) {
            int base = b * in;
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    int o = b * outSize + (y * ow + xx) * c;
                    java.util.Arrays.fill(pending, 0, c, true);
                    for (int py = 0; py < pool; py++) {
                        for (int px = 0; px < pool; px++) {
                            int i = base + ((y * pool + py) * w + xx * pool + px) * c;
                            int ch = 0;
                            for (; ch < upper; ch += S.length()) {
                                VectorMask<Float> open = VectorMask.fromArray(S, pending, ch);
                                VectorMask<Float> hit = FloatVector.fromArray(S, s, i + ch)
                                        .compare(VectorOperators.EQ, FloatVector.fromArray(S, m, o + ch)).and(open);
                                FloatVector.fromArray(S, d, i + ch).add(FloatVector.fromArray(S, g, o + ch), hit).intoArray(d, i + ch);
                                open.andNot(hit).intoArray(pending, ch);
                            }
                            for (; ch < c; ch++) {
                                if (pending[ch] && s[i + ch] == m[o + ch]) {
                                    d[i + ch] += g[o + ch];
                                    pending[ch] = false;
                                }
                            }
                        }
                    }
                }
            }
        }
        return dIn;
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
