package org.inkling.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.inkling.nn.Examples;

/**
 * MNIST images and labels as the trainer reads them. Pixels stay unsigned bytes and are scaled to
 * 0..1 ({@code v / 255f}) only when an input is copied out for a batch. {@link #subset} gives a
 * view over a range that shares the arrays, so a validation split costs nothing.
 */
public final class MnistDataset implements Examples {
    /** MNIST images are 28x28. */
    public static final int SIDE = org.inkling.base.DigitGeometry.SIDE;
    /** Input length of one MNIST image. */
    public static final int PIXELS = SIDE * SIDE;

    /** {@code SCALE[v] == v / 255f}, exactly as Keras' {@code x / 255}, without a division per pixel. */
    private static final float[] SCALE = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            SCALE[v] = v / 255f;
        }
    }

    private final String name;
    private final byte[] pixels;
    private final byte[] labels;
    private final int first;
    private final int size;

    private MnistDataset(String name, byte[] pixels, byte[] labels, int first, int size) {
        this.name = name;
        this.pixels = pixels;
        this.labels = labels;
        this.first = first;
        this.size = size;
    }

    /** Reads and pairs an image file and a label file; they must hold the same number of 28x28 images. */
    public static MnistDataset load(Path images, Path labels) throws IOException {
        return of(IdxReader.readImages(images), IdxReader.readLabels(labels));
    }

    /**
     * Pairs images with labels.
     *
     * @throws MnistFileException if there are none, the images are not 28x28 or the counts differ
     */
    public static MnistDataset of(IdxImages images, IdxLabels labels) throws MnistFileException {
        if (images.count() == 0) {
            // an empty set would train on nothing and report an accuracy of NaN
            throw new MnistFileException(images.source(), "holds no images");
        }
        if (images.rows() != SIDE || images.cols() != SIDE) {
            throw new MnistFileException(images.source(), "holds images of " + images.rows() + "x"
                    + images.cols() + " pixels, MNIST images are 28x28");
        }
        if (images.count() != labels.count()) {
            throw new MnistFileException(images.source(), "holds " + images.count() + " images but "
                    + labels.source() + " holds " + labels.count() + " labels; they must pair one to one");
        }
        return new MnistDataset(images.source(), images.pixels(), labels.labels(), 0, images.count());
    }

    /**
     * An in-memory dataset from raw arrays, for tests and generated data.
     *
     * @param pixels {@code labels.length * 784} bytes, image after image
     */
    public static MnistDataset of(String name, byte[] pixels, byte[] labels) {
        Objects.requireNonNull(name);
        if (pixels.length != (long) labels.length * PIXELS) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixel bytes are not "
                    + labels.length + " images of 28x28");
        }
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xFF) >= IdxReader.MNIST_CLASSES) {
                throw new IllegalArgumentException(name + ": label " + (labels[i] & 0xFF) + " at index " + i
                        + " is outside 0..9");
            }
        }
        return new MnistDataset(name, pixels, labels, 0, labels.length);
    }

    /** Where the images came from (the image file's path, or a name given in code). */
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int inputSize() {
        return PIXELS;
    }

    @Override
    public int label(int i) {
        return labels[first + checkIndex(i)] & 0xFF;
    }

    @Override
    public void copyInput(int i, float[] dst, int offset) {
        int base = (first + checkIndex(i)) * PIXELS;
        Objects.checkFromIndexSize(offset, PIXELS, dst.length);
        PixelScaling.scale(pixels, base, dst, offset, PIXELS, SCALE);
    }

    /**
     * Reads one byte of every cache line of the images first, so that their misses overlap
     * (independent loads) instead of coming one image at a time as the copy reaches them: a
     * shuffled batch is scattered over the 47 MB of pixels, and copying it waited on memory.
     */
    @Override
    public void copyInputs(int[] index, int from, int to, float[] dst, int offset) {
        Objects.checkFromToIndex(from, to, index.length);
        Objects.checkFromIndexSize((long) offset, (long) (to - from) * PIXELS, dst.length);
        byte[] p = pixels;
        int touched = 0;
        for (int r = from; r < to; r++) {
            int base = (first + checkIndex(index[r])) * PIXELS;
            for (int o = 0; o < PIXELS; o += CACHE_LINE) touched += p[base + o];
            touched += p[base + PIXELS - 1];
        }
        touchSink = touched;
        for (int r = from; r < to; r++) {
            PixelScaling.scale(p, (first + index[r]) * PIXELS, dst, offset + (r - from) * PIXELS, PIXELS, SCALE);
        }
    }

    private static final int CACHE_LINE = 64;
    /** Written so that the touching loads above are not removed as dead code. */
    @SuppressWarnings("unused")
    private static volatile int touchSink;

    /** Pixel {@code (row, col)} of image {@code i}, 0..255. */
    public int pixel(int i, int row, int col) {
        Objects.checkIndex(row, SIDE);
        Objects.checkIndex(col, SIDE);
        return pixels[(first + checkIndex(i)) * PIXELS + row * SIDE + col] & 0xFF;
    }

    /** A copy of image {@code i}'s 784 bytes (0..255), row after row. */
    public byte[] imageBytes(int i) {
        int base = (first + checkIndex(i)) * PIXELS;
        byte[] out = new byte[PIXELS];
        System.arraycopy(pixels, base, out, 0, PIXELS);
        return out;
    }

    /**
     * Examples {@code from} (inclusive) to {@code to} (exclusive) of this dataset, sharing its
     * storage: no copy.
     */
    public MnistDataset subset(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        return new MnistDataset(name + "[" + (first + from) + ".." + (first + to) + ")", pixels, labels,
                first + from, to - from);
    }

    /** How many examples carry each label 0..9. */
    public int[] labelCounts() {
        int[] counts = new int[IdxReader.MNIST_CLASSES];
        for (int i = 0; i < size; i++) {
            counts[labels[first + i] & 0xFF]++;
        }
        return counts;
    }

    private int checkIndex(int i) {
        return Objects.checkIndex(i, size);
    }

    @Override
    public String toString() {
        return "MnistDataset[" + name + ", " + size + " images]";
    }
}
