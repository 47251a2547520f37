package org.inkling.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/** Small synthetic IDX files for tests, so no test needs the 47 MB originals. */
final class IdxFixtures {
    private IdxFixtures() {}

    /** An IDX image file of {@code count} images; pixel values follow a formula so each image differs. */
    static byte[] images(int count, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols);
        b.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * cols; p++) {
                b.put((byte) ((i * 31 + p * 7) & 0xFF));
            }
        }
        return b.array();
    }

    /** An IDX label file; label i is {@code i % 10}. */
    static byte[] labels(int count) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(IdxReader.LABELS_MAGIC).putInt(count);
        for (int i = 0; i < count; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    static byte[] gzip(byte[] raw) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(raw);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
