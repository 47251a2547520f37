package org.inkling.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ejml.data.FMatrixRMaj;

/**
 * Keras' {@code MaxPooling2D(pool_size)} with stride = pool size and valid padding, on
 * channels-last images: each output is the largest of a {@code pool × pool} window of one channel.
 * A trailing row or column that does not fill a window is dropped, as in Keras.
 */
public final class MaxPool2D extends AbstractLayer {
    private final int pool;
    private int h, w, c, oh, ow;
    private int[] argmax = new int[0];
    private final FMatrixRMaj out = new FMatrixRMaj(1, 1);
    private final FMatrixRMaj dIn = new FMatrixRMaj(1, 1);

    public MaxPool2D(int pool) {
        if (pool < 1) throw new IllegalArgumentException("pool size must be positive, got " + pool);
        this.pool = pool;
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
        int n = x.numRows * oh * ow * c;
        if (argmax.length < n) argmax = new int[n];
        out.reshape(x.numRows, oh * ow * c);
        pool(x, out, argmax);
        return out;
    }

    @Override
    public void infer(FMatrixRMaj x, FMatrixRMaj result, FMatrixRMaj scratch) {
        pool(x, result, null);
    }

    /** Writes the window maxima; with {@code arg} also where each came from (first one on ties). */
    private void pool(FMatrixRMaj x, FMatrixRMaj dst, int[] arg) {
        int in = h * w * c, outSize = oh * ow * c;
        float[] s = x.data, d = dst.data;
        for (int b = 0; b < x.numRows; b++) {
            int base = b * in, o = b * outSize;
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    for (int ch = 0; ch < c; ch++, o++) {
                        int best = base + ((y * pool) * w + xx * pool) * c + ch;
                        for (int py = 0; py < pool; py++) {
                            for (int px = 0; px < pool; px++) {
                                int i = base + ((y * pool + py) * w + xx * pool + px) * c + ch;
                                if (s[i] > s[best]) best = i;
                            }
                        }
                        d[o] = s[best];
                        if (arg != null) arg[o] = best;
                    }
                }
            }
        }
    }

    @Override
    public FMatrixRMaj backward(FMatrixRMaj dOut, boolean needInputGradient) {
        if (!needInputGradient) return null;
        int batch = dOut.numRows, n = batch * oh * ow * c;
        dIn.reshape(batch, h * w * c);
        java.util.Arrays.fill(dIn.data, 0, batch * h * w * c, 0f);
        for (int o = 0; o < n; o++) dIn.data[argmax[o]] += dOut.data[o];
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
