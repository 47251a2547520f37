package org.inkling.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.inkling.base.Inputs;
import org.inkling.base.SafeText;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the format MNIST ships in), gzipped or raw, and checks everything a damaged or
 * wrong file could get wrong: magic number, data type, dimensions, a file that ends early, bytes
 * after the declared end, and labels outside the class range. Compression is recognised from the
 * gzip magic bytes, not from the file name, so a renamed or re-compressed copy still reads.
 *
 * <p>Every failure is a {@link MnistFileException} whose message starts with the file name and
 * gives the exact problem, e.g. {@code "train-images-idx3-ubyte.gz: ends after 1234 of 47040016
 * bytes (16 header + 60000 images of 28x28)"}.
 */
public final class IdxReader {
    /** Magic number of an IDX file of unsigned bytes with three dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with one dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;
    /** MNIST labels are the digits 0..9. */
    public static final int MNIST_CLASSES = org.inkling.base.DigitGeometry.DIGITS;

    private static final int UNSIGNED_BYTE = 0x08;
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 16;
    private static final int BUFFER = 1 << 16;
    /** The body array starts this large and doubles as bytes arrive, up to what the header declares. */
    private static final int FIRST_CHUNK = 1 << 20;
    /** Image width or height (MNIST's is 28). */
    static final long MAX_SIDE = 65_535;
    /** How much of an unexpected tail is read before reporting it. */
    private static final long MAX_TRAILING = 1L << 20;
    /** An IDX file on disk (MNIST's largest is 47 MB, EMNIST's about 700 MB). */
    public static final long MAX_FILE_BYTES = 1L << 30;

    private IdxReader() {}

    /** Reads an IDX image file ({@value #IMAGES_MAGIC}); any number of images of any size. */
    public static IdxImages readImages(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return readImages(in, file.toString());
        }
    }

    /** Reads IDX images from a stream (gzipped or raw); {@code name} is used in messages. */
    public static IdxImages readImages(InputStream raw, String name) throws IOException {
        InputStream in = decode(raw, name);
        long[] dims = readHeader(in, name, IMAGES_MAGIC);
        long count = dims[0];
        long rows = dims[1];
        long cols = dims[2];
        if (rows == 0 || cols == 0) {
            throw new MnistFileException(name, "declares images of " + rows + "x" + cols + " pixels");
        }
        if (rows > MAX_SIDE || cols > MAX_SIDE) { // also when there are no images (found by fuzz/run.sh)
            throw new MnistFileException(name, "declares images of " + rows + "x" + cols + " pixels; the limit is "
                    + MAX_SIDE + " on a side");
        }
        // in double: three 32-bit counts multiplied can overflow a long (found by fuzz/run.sh)
        if ((double) count * rows * cols > MAX_ARRAY) {
            throw new MnistFileException(name, "declares " + count + " images of " + rows + "x" + cols
                    + ", more than fits in memory as one array (the header is probably damaged)");
        }
        int headerBytes = 16;
        long bytes = count * rows * cols;
        String layout = headerBytes + " header + " + count + " images of " + rows + "x" + cols;
        byte[] pixels = readBody(in, bytes, name, headerBytes, layout);
        return new IdxImages(name, (int) count, (int) rows, (int) cols, pixels);
    }

    /** Reads an IDX label file ({@value #LABELS_MAGIC}) of MNIST digits, each in 0..9. */
    public static IdxLabels readLabels(Path file) throws IOException {
        return readLabels(file, MNIST_CLASSES);
    }

    /** Reads an IDX label file whose labels must lie in {@code 0..classes-1}. */
    public static IdxLabels readLabels(Path file, int classes) throws IOException {
        try (InputStream in = open(file)) {
            return readLabels(in, file.toString(), classes);
        }
    }

    /** Reads IDX labels from a stream (gzipped or raw); {@code name} is used in messages. */
    public static IdxLabels readLabels(InputStream raw, String name, int classes) throws IOException {
        if (classes < 1 || classes > 256) {
            throw new IllegalArgumentException("classes must be in 1..256, got " + classes);
        }
        InputStream in = decode(raw, name);
        long count = readHeader(in, name, LABELS_MAGIC)[0];
        if (count > MAX_ARRAY) {
            throw new MnistFileException(name, "declares " + count
                    + " labels, more than fits in memory as one array (the header is probably damaged)");
        }
        int headerBytes = 8;
        byte[] labels = readBody(in, count, name, headerBytes, headerBytes + " header + " + count + " labels");
        for (int i = 0; i < labels.length; i++) {
            int v = labels[i] & 0xFF;
            if (v >= classes) {
                throw new MnistFileException(name, "label " + v + " at index " + i + " is outside 0.."
                        + (classes - 1));
            }
        }
        return new IdxLabels(name, labels);
    }

    /**
     * Returns a stream of the decoded bytes: gunzipped when {@code raw} starts with the gzip magic
     * (1f 8b), else {@code raw} itself (buffered). Used for reading and for checksums of what a file
     * holds, whatever its compression.
     */
    public static InputStream decode(InputStream raw, String name) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                return new GZIPInputStream(in, BUFFER);
            } catch (EOFException e) {
                throw new MnistFileException(name, "ends inside its gzip header", e);
            } catch (ZipException e) {
                throw new MnistFileException(name, "has a damaged gzip header: " + e.getMessage(), e);
            }
        }
        return in;
    }

    private static InputStream open(Path file) throws IOException {
        try {
            return Inputs.open(file, MAX_FILE_BYTES, "an IDX file");
        } catch (Inputs.InputException e) {
            throw new MnistFileException(file.toString(), e.problem(), e);
        }
    }

    /** Reads and checks the magic number and dimensions; returns the dimensions as unsigned values. */
    private static long[] readHeader(InputStream in, String name, int expectedMagic) throws IOException {
        int expectedDims = expectedMagic & 0xFF;
        int headerBytes = 4 + 4 * expectedDims;
        byte[] h = new byte[headerBytes];
        String ofHeader = headerBytes + " header bytes";
        int got = readFully(in, h, 0, 4, name, 0, ofHeader);
        if (got == 0) {
            throw new MnistFileException(name, "is empty");
        }
        if (got < 4) {
            throw new MnistFileException(name, "ends after " + got + " of " + headerBytes + " header bytes");
        }
        int magic = readInt(h, 0);
        if (magic != expectedMagic) {
            throw new MnistFileException(name, describeWrongMagic(magic, expectedMagic));
        }
        got = readFully(in, h, 4, headerBytes - 4, name, 4, ofHeader);
        if (got < headerBytes - 4) {
            throw new MnistFileException(name, "ends after " + (4 + got) + " of " + headerBytes + " header bytes");
        }
        long[] dims = new long[expectedDims];
        for (int d = 0; d < expectedDims; d++) {
            dims[d] = Integer.toUnsignedLong(readInt(h, 4 + 4 * d));
        }
        return dims;
    }

    private static String describeWrongMagic(int magic, int expected) {
        String what = expected == IMAGES_MAGIC ? "an image file" : "a label file";
        String want = String.format("0x%08x", expected);
        if (magic == IMAGES_MAGIC) {
            return "is an IDX image file (magic 0x00000803), expected " + what + " (" + want + ")";
        }
        if (magic == LABELS_MAGIC) {
            return "is an IDX label file (magic 0x00000801), expected " + what + " (" + want + ")";
        }
        if ((magic >>> 16) == 0) {
            int type = (magic >>> 8) & 0xFF;
            int dims = magic & 0xFF;
            if (type != UNSIGNED_BYTE) {
                return String.format("holds IDX data type 0x%02x; MNIST files hold unsigned bytes (0x08),"
                        + " expected magic %s", type, want);
            }
            return "has " + dims + " dimensions (magic " + String.format("0x%08x", magic) + "), expected "
                    + what + " with " + (expected & 0xFF) + " (" + want + ")";
        }
        return String.format("is not an IDX file: it starts with 0x%08x, expected %s (%s)", magic, want, what);
    }

    /**
     * Reads the declared body, then insists the file ends exactly there. The array grows with the
     * bytes that actually arrive, so a 16-byte header declaring two million images costs nothing
     * before its error.
     */
    private static byte[] readBody(InputStream in, long declared, String name, int headerBytes, String layout)
            throws IOException {
        long total = headerBytes + declared;
        String ofTotal = total + " bytes (" + layout + ")";
        byte[] body = new byte[(int) Math.min(declared, FIRST_CHUNK)];
        int done = 0;
        while (done < declared) {
            if (done == body.length) {
                body = java.util.Arrays.copyOf(body, (int) Math.min(declared, 2L * body.length));
            }
            int got = readFully(in, body, done, body.length - done, name, headerBytes + done, ofTotal);
            done += got;
            if (done < body.length) {
                throw new MnistFileException(name, "ends after " + (headerBytes + done) + " of " + ofTotal);
            }
        }
        // Only a little of the tail is read: a long one (or a gzip bomb after the data) is an error already.
        long extra = 0;
        byte[] skip = new byte[BUFFER];
        try {
            for (int r; extra <= MAX_TRAILING && (r = in.read(skip)) > 0; ) extra += r;
        } catch (EOFException | ZipException e) {
            throw new MnistFileException(name, "has damaged gzip data after its " + total + " bytes: "
                    + SafeText.excerpt(e.getMessage()), e);
        }
        if (extra > MAX_TRAILING) {
            throw new MnistFileException(name, "has more than " + SafeText.bytes(MAX_TRAILING) + " of trailing bytes after the "
                    + total + " its header declares (" + layout + ")");
        }
        if (extra > 0) {
            throw new MnistFileException(name, "has " + extra + " trailing bytes after the " + total
                    + " its header declares (" + layout + ")");
        }
        return body;
    }

    /**
     * Reads up to {@code len} bytes, returning how many were there. A gzip stream cut short or
     * corrupted becomes a message that says how far the decoded data got.
     */
    private static int readFully(InputStream in, byte[] b, int off, int len, String name, long before, String ofTotal)
            throws IOException {
        int done = 0;
        try {
            while (done < len) {
                int r = in.read(b, off + done, len - done);
                if (r < 0) {
                    break;
                }
                done += r;
            }
        } catch (EOFException e) {
            throw new MnistFileException(name, "ends after " + (before + done) + " of " + ofTotal
                    + ": the gzip stream is cut short", e);
        } catch (ZipException e) {
            throw new MnistFileException(name, "has damaged gzip data after " + (before + done) + " of "
                    + ofTotal + ": " + e.getMessage(), e);
        }
        return done;
    }

    private static int readInt(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }
}
