package org.inkling.nn;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Just enough of the gzipped IDX format to feed the engine real MNIST in tests (the real reader
 * lives in the data package, built separately). Keeps the pixels as bytes.
 */
final class MnistIdx implements Examples {
    private final byte[] pixels;
    private final byte[] labels;
    private final int count;

    private MnistIdx(byte[] pixels, byte[] labels, int count) {
        this.pixels = pixels;
        this.labels = labels;
        this.count = count;
    }

    /** The first {@code limit} examples of {@code train} or {@code t10k}. */
    static MnistIdx read(String set, int limit) throws IOException {
        Path dir = org.inkling.data.TestMnist.dir();
        byte[] images = readIdx(file(dir, set + "-images-idx3-ubyte"), 0x803, limit, 784);
        byte[] labels = readIdx(file(dir, set + "-labels-idx1-ubyte"), 0x801, limit, 1);
        return new MnistIdx(images, labels, limit);
    }

    /** MNIST files may be kept plain or gzipped. */
    private static Path file(Path dir, String name) {
        Path plain = dir.resolve(name);
        return Files.isRegularFile(plain) ? plain : dir.resolve(name + ".gz");
    }

    private static byte[] readIdx(Path file, int magic, int limit, int itemSize) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(org.inkling.data.IdxReader.decode(raw, file.toString()))) {
            if (in.readInt() != magic) throw new IOException(file + ": bad magic number");
            int n = in.readInt();
            if (itemSize > 1) {
                if (in.readInt() != 28 || in.readInt() != 28) throw new IOException(file + ": not 28x28");
            }
            if (n < limit) throw new IOException(file + ": only " + n + " items");
            byte[] data = new byte[limit * itemSize];
            in.readFully(data);
            return data;
        }
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public int inputSize() {
        return 784;
    }

    @Override
    public int label(int i) {
        return labels[i];
    }

    @Override
    public void copyInput(int i, float[] dst, int offset) {
        int o = i * 784;
        for (int k = 0; k < 784; k++) dst[offset + k] = (pixels[o + k] & 0xFF) * (1f / 255f);
    }
}
