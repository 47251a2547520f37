package org.inkling.models;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.VariableLength;
import io.jhdf.storage.HdfBackingStorage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * heap), through {@link Hdf5Limits}, which bounds how much it reads and inflates. Whatever jhdf
     * throws unchecked (a bad offset, a size it cannot use, a structure that refers to itself and
     * recurses without end) becomes a {@link ModelFileException} naming {@code source}. One file is
     * read at a time (the inflate budget is the JVM's).
     */
    static synchronized <T> T read(Path file, String source, Reading<T> reading) throws ModelFileException {
        ByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // Models.open has checked it is a regular file of at most 512 MB, well within one mapping
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        } catch (IOException e) {
            throw new ModelFileException(source, "cannot be read (" + SafeText.excerpt(e.getMessage()) + ")", e);
        }
        Hdf5Limits.open();
        try (HdfFile h = Hdf5Limits.bounded(mapped)) {
            return reading.from(h);
        } catch (ModelFileException e) {
            throw e;
        } catch (RuntimeException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof Hdf5Limits.Unreadable u) throw new ModelFileException(source, "is refused: " + u.getMessage(), e);
            }
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
        Object v = data(node, name, a);
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
        Object v = data(node, name, a);
        if (v instanceof String s) return List.of(s);
        if (v instanceof String[] arr) return Arrays.asList(arr);
        throw fail("attribute " + name + " of " + where(node) + " is not a list of strings (" + describe(v) + ")");
    }

    /** Most values a string attribute may hold (Keras' longest lists name one weight each). */
    static final int MAX_ATTRIBUTE_VALUES = 1 << 16;

    /**
     * An attribute's values, once what it declares is there: jhdf allocates the array its dimensions
     * declare before reading, and turns each variable-length string's reference into a copy of the
     * heap object it names, so many references to one large object (or to heaps laid over each
     * other) would multiply the file. So: at most one dimension, {@link #MAX_ATTRIBUTE_VALUES}
     * values, all within the attribute's bytes; variable-length references each distinct, their
     * heaps together no larger than the file (as every sound file's are, heaps not overlapping).
     */
    private Object data(Node node, String name, Attribute a) throws ModelFileException {
        String what = "attribute " + name + " of " + where(node);
        int rank = a.getDataSpace().getDimensions().length;
        if (rank > 1) throw fail(what + " has " + rank + " dimensions; Keras writes at most one");
        long count = a.getSize();
        DataType type = a.getDataType();
        ByteBuffer bytes = a.getBuffer().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long each = Math.max(1, type.getSize());
        if (count < 0 || count > MAX_ATTRIBUTE_VALUES || count * each > bytes.remaining()) {
            throw fail(what + " declares " + count + " values of " + each + " bytes in " + bytes.remaining() + " bytes");
        }
        if (type instanceof VariableLength) checkHeaps(node, what, bytes, count);
        return a.getData();
    }

    private void checkHeaps(Node node, String what, ByteBuffer refs, long count) throws ModelFileException {
        HdfBackingStorage storage = node.getHdfFile().getHdfBackingStorage();
        int offsets = storage.getSizeOfOffsets();
        int lengths = storage.getSizeOfLengths();
        Set<String> seen = new HashSet<>();
        Map<Long, Long> heaps = new HashMap<>();
        long total = 0;
        for (long i = 0; i < count; i++) {
            refs.getInt();   // the value's length, which jhdf does not use: the heap object's size counts
            long heap = readUnsigned(refs, offsets);
            int index = refs.getInt();
            if (!seen.add(heap + "/" + index)) throw fail(what + " names one heap object twice (value " + i + ")");
            if (!heaps.containsKey(heap)) {
                // a global heap collection: "GCOL", version, 3 reserved bytes, then its size
                ByteBuffer head = storage.readBufferFromAddress(heap, 8 + lengths).order(ByteOrder.LITTLE_ENDIAN);
                head.position(8);
                long size = readUnsigned(head, lengths);
                heaps.put(heap, size);
                total += size;
                if (size < 0 || total > storage.size()) {
                    throw fail(what + " refers to heaps of " + SafeText.bytes(total) + " in a file of " + SafeText.bytes(storage.size()));
                }
            }
        }
    }

    private static long readUnsigned(ByteBuffer b, int size) {
        long v = 0;
        for (int i = 0; i < size; i++) v |= (b.get() & 0xFFL) << (8 * i);
        return v;
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
