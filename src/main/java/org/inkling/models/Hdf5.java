package org.inkling.models;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.inkling.base.SafeText;
import org.inkling.nn.ModelFileException;

/** The few HDF5 reads the Keras formats need, through jhdf, each failure naming the file and the object. */
final class Hdf5 {
    /** HDF5's signature; a file may start with a user block of 512, 1024, 2048 ... bytes before it. */
    static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private final String source;

    Hdf5(String source) {
        this.source = source;
    }

    /** What a reader does with an open HDF5 file. */
    interface Reading<T> {
        T from(HdfFile h) throws ModelFileException;
    }

    /**
     * Opens {@code file} with jhdf and runs {@code reading} on it. jhdf is third-party and trusts the
     * file: read from a path it allocates a heap buffer of whatever size an object header declares,
     * so a small file could ask for gigabytes. It is given the file mapped into memory instead, where
     * each read is a slice of the mapping and a size past the file's end fails (the mapping costs no
     * heap). Whatever jhdf throws unchecked (a bad offset, a size it cannot use, a structure that
     * refers to itself and recurses without end) becomes a {@link ModelFileException} naming
     * {@code source}.
     */
    static <T> T read(Path file, String source, Reading<T> reading) throws ModelFileException {
        ByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // Models.open has checked it is a regular file of at most 512 MB, well within one mapping
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        } catch (IOException e) {
            throw new ModelFileException(source, "cannot be read (" + SafeText.excerpt(e.getMessage()) + ")", e);
        }
        try (HdfFile h = HdfFile.fromByteBuffer(mapped)) {
            return reading.from(h);
        } catch (ModelFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelFileException(source, "is damaged or an HDF5 file Inkling cannot read (" + SafeText.excerpt(e.getMessage(), 200) + ")", e);
        } catch (StackOverflowError e) {
            throw new ModelFileException(source, "is damaged: its HDF5 structure refers back to itself", e);
        }
    }

    /**
     * A string attribute, or null when absent. Keras writes strings as fixed-length bytes (h5py
     * {@code numpy.bytes_}) or, in Keras 3, as variable-length strings; both read as text here.
     */
    String string(Node node, String name) throws ModelFileException {
        Attribute a = node.getAttribute(name);
        if (a == null) return null;
        Object v = a.getData();
        if (v instanceof String s) return s;
        if (v instanceof String[] arr && arr.length == 1) return arr[0];
        throw fail("attribute " + name + " of " + where(node) + " is not a string (" + describe(v) + ")");
    }

    /**
     * A list-of-strings attribute, or null when absent. Keras splits one larger than HDF5's 64 KB
     * header limit into {@code name0}, {@code name1}, ... ({@code save_attributes_to_hdf5_group});
     * those are joined back, as its loader does. An empty list may come as an empty numeric array.
     */
    List<String> strings(Node node, String name) throws ModelFileException {
        if (node.getAttribute(name) != null) return stringsOf(node, name);
        if (node.getAttribute(name + "0") == null) return null;
        List<String> all = new ArrayList<>();
        for (int i = 0; node.getAttribute(name + i) != null; i++) all.addAll(stringsOf(node, name + i));
        return all;
    }

    private List<String> stringsOf(Node node, String name) throws ModelFileException {
        Attribute a = node.getAttribute(name);
        if (a.isEmpty() || a.getSize() == 0) return List.of();
        Object v = a.getData();
        if (v instanceof String s) return List.of(s);
        if (v instanceof String[] arr) return Arrays.asList(arr);
        throw fail("attribute " + name + " of " + where(node) + " is not a list of strings (" + describe(v) + ")");
    }

    /** The child group {@code name} of {@code g}, or null. */
    static Group group(Group g, String name) {
        Node n = g.getChildren().get(name);
        return n instanceof Group child ? child : null;
    }

    /**
     * Reads a float dataset that must have exactly {@code shape}; the shape is checked before the
     * values are read, so a file cannot make this allocate more than the architecture needs.
     */
    float[] floats(Node node, int[] shape, String what) throws ModelFileException {
        if (!(node instanceof Dataset d)) throw fail(what + " is missing (no dataset at " + where(node) + ")");
        int[] dims = d.isScalar() ? new int[0] : d.getDimensions();
        if (!Arrays.equals(dims, shape)) {
            throw fail(what + " has shape " + KerasConfig.tuple(dims) + " but the model's config needs " + KerasConfig.tuple(shape));
        }
        Class<?> type = d.getJavaType();
        if (type != float.class && type != double.class && type != Float.class && type != Double.class) {
            throw fail(what + " holds " + type.getSimpleName() + " values, not floating point");
        }
        Object data = d.getDataFlat();
        float[] out;
        if (data instanceof float[] f) {
            out = f;
        } else if (data instanceof double[] dd) {
            out = new float[dd.length];
            for (int i = 0; i < dd.length; i++) out[i] = (float) dd[i];
        } else {
            throw fail(what + " could not be read as numbers (" + describe(data) + ")");
        }
        for (int i = 0; i < out.length; i++) {
            if (!Float.isFinite(out[i])) throw fail(what + " holds a non-finite value (" + out[i] + ") at index " + i);
        }
        return out;
    }

    /** True when {@code head} (the file's first bytes) is HDF5 at offset 0 or after a user block. */
    static boolean isHdf5(byte[] head, int length) {
        for (int at = 0; at + SIGNATURE.length <= length; at = at == 0 ? 512 : at * 2) {
            if (Arrays.equals(head, at, at + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) return true;
        }
        return false;
    }

    private static String where(Node node) {
        return node == null ? "?" : node.getPath();
    }

    private static String describe(Object v) {
        return v == null ? "nothing" : v.getClass().getSimpleName();
    }

    ModelFileException fail(String problem) {
        return new ModelFileException(source, problem);
    }
}
