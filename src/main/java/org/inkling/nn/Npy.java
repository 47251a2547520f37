package org.inkling.nn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.inkling.base.SafeText;

/**
 * NumPy's {@code .npy} format, version 1.0, for little-endian float32 arrays in C order: the magic
 * {@code \x93NUMPY}, version bytes 1 0, a little-endian uint16 header length, then a Python dict
 * literal padded with spaces and a newline so the data starts at a multiple of 64 bytes, then the
 * raw values. {@code numpy.load} reads what {@link #write} produces.
 */
final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern HEADER = Pattern.compile(
            "\\{\\s*'descr'\\s*:\\s*'([^']*)'\\s*,\\s*'fortran_order'\\s*:\\s*(True|False)\\s*,\\s*'shape'\\s*:\\s*\\(([^)]*)\\)\\s*,?\\s*}\\s*");

    private Npy() {}

    static byte[] write(int[] shape, float[] values, int count) {
        StringBuilder dims = new StringBuilder();
        for (int i = 0; i < shape.length; i++) dims.append(i > 0 ? ", " : "").append(shape[i]);
        if (shape.length == 1) dims.append(',');
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String header = dict + " ".repeat(total - unpadded) + "\n";
        ByteBuffer b = ByteBuffer.allocate(total + count * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        b.asFloatBuffer().put(values, 0, count);
        return b.array();
    }

    /**
     * Reads an array that must have exactly {@code shape}; every check failing throws with
     * {@code what} (the entry name) and the problem.
     */
    static float[] read(byte[] bytes, int[] shape, String what) throws NpyException {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new NpyException(what + " is not a .npy file (bad magic bytes)");
        }
        if (bytes[6] != 1 || bytes[7] != 0) {
            throw new NpyException(what + " has .npy version " + bytes[6] + "." + bytes[7] + "; only 1.0 is supported");
        }
        int headerLen = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        if (10 + headerLen > bytes.length) throw new NpyException(what + " ends inside its .npy header");
        String header = new String(bytes, 10, headerLen, StandardCharsets.US_ASCII);
        Matcher m = HEADER.matcher(header);
        if (!m.matches()) throw new NpyException(what + " has an unreadable .npy header: " + SafeText.excerpt(header.strip()));
        if (!m.group(1).equals("<f4")) {
            throw new NpyException(what + " holds '" + SafeText.excerpt(m.group(1)) + "' values; expected little-endian float32 ('<f4')");
        }
        if (m.group(2).equals("True")) throw new NpyException(what + " is in Fortran order; expected C order");
        int[] found = parseShape(m.group(3), what);
        if (!Arrays.equals(found, shape)) {
            throw new NpyException(what + " has shape " + tuple(found) + " but the architecture needs " + tuple(shape));
        }
        long n = 1;
        for (int d : shape) n *= d;
        long expected = 10L + headerLen + n * 4;
        if (bytes.length != expected) {
            throw new NpyException(what + " has " + bytes.length + " bytes; a " + tuple(shape) + " float32 array needs " + expected);
        }
        float[] v = new float[(int) n];
        ByteBuffer.wrap(bytes, 10 + headerLen, (int) n * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) throw new NpyException(what + " holds a non-finite value (" + v[i] + ") at index " + i);
        }
        return v;
    }

    private static int[] parseShape(String s, String what) throws NpyException {
        String[] parts = s.split(",");
        int count = 0;
        int[] dims = new int[parts.length];
        for (String p : parts) {
            if (p.isBlank()) continue;
            try {
                dims[count++] = Integer.parseInt(p.strip());
            } catch (NumberFormatException e) {
                throw new NpyException(what + " has a bad shape (" + SafeText.excerpt(s) + ")");
            }
        }
        return Arrays.copyOf(dims, count);
    }

    static String tuple(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) sb.append(i > 0 ? ", " : "").append(shape[i]);
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** A bad .npy entry; the model file reader adds the file name. */
    static final class NpyException extends Exception {
        NpyException(String message) {
            super(message);
        }
    }
}
