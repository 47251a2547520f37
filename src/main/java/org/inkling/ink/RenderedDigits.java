package org.inkling.ink;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Drawings rendered to network input, kept as bytes like MNIST (0..255 per pixel, 784 per image),
 * so that training code can put them next to MNIST's own images.
 *
 * <p>{@link #copyInput} and {@link #label} have the shapes of the engine's {@code Examples}
 * interface, which this package may not import; a one-line adapter in the data code wraps them.
 */
public record RenderedDigits(byte[] pixels, byte[] labels) {
    public static final int PIXELS = org.inkling.base.DigitGeometry.PIXELS;

    public RenderedDigits {
        if (pixels.length != labels.length * PIXELS) {
            throw new IllegalArgumentException(pixels.length + " pixel bytes do not make " + labels.length + " images of 784");
        }
    }

    /** Renders labelled drawings with the standard pen (the same pixels the app and the CLI see). */
    public static RenderedDigits render(List<LabeledInk> items) {
        double[] pen = new double[items.size()];
        java.util.Arrays.fill(pen, MnistNormalizer.DEFAULT_PEN_FRACTION);
        return render(items, pen);
    }

    /**
     * Renders with a pen width drawn per drawing from [{@code minPen}, {@code maxPen}] (fractions of
     * the digit's larger side): MNIST's strokes vary in thickness and so should training data.
     */
    public static RenderedDigits render(List<LabeledInk> items, double minPen, double maxPen, long seed) {
        if (!(minPen > 0 && maxPen >= minPen && maxPen <= 1)) {
            throw new IllegalArgumentException("pen range must satisfy 0 < min <= max <= 1, got " + minPen + ".." + maxPen);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] pen = new double[items.size()];
        for (int i = 0; i < pen.length; i++) {
            pen[i] = minPen + (maxPen - minPen) * rng.nextDouble();
        }
        return render(items, pen);
    }

    private static RenderedDigits render(List<LabeledInk> items, double[] pen) {
        byte[] labels = new byte[items.size()];
        for (int i = 0; i < labels.length; i++) {
            Integer l = items.get(i).label();
            if (l == null) {
                throw new IllegalArgumentException("drawing " + i + " has no label");
            }
            labels[i] = (byte) (int) l;
        }
        byte[] pixels = new byte[labels.length * PIXELS];
        // Each image depends only on its own drawing and pen, so the order of work does not matter.
        IntStream.range(0, labels.length).parallel().forEach(i -> {
            float[] img = new MnistNormalizer(pen[i], MnistNormalizer.DEFAULT_SUPERSAMPLE).normalize(items.get(i).ink());
            for (int k = 0; k < PIXELS; k++) {
                pixels[i * PIXELS + k] = (byte) Math.round(img[k] * 255f);
            }
        });
        return new RenderedDigits(pixels, labels);
    }

    public int size() {
        return labels.length;
    }

    public int inputSize() {
        return PIXELS;
    }

    public int label(int i) {
        return labels[i];
    }

    /** Image {@code i} scaled to 0..1 into {@code dst} from {@code offset}. */
    public void copyInput(int i, float[] dst, int offset) {
        int base = i * PIXELS;
        for (int k = 0; k < PIXELS; k++) {
            dst[offset + k] = (pixels[base + k] & 0xFF) / 255f;
        }
    }

    public float[] image(int i) {
        float[] out = new float[PIXELS];
        copyInput(i, out, 0);
        return out;
    }
}
