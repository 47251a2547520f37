package org.inkling.models;

import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.jhdf.filter.Filter;
import io.jhdf.filter.FilterManager;
import io.jhdf.filter.LzfFilter;
import io.jhdf.storage.HdfBackingStorage;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.inkling.base.SafeText;
import org.inkling.nn.NetworkBudget;

/**
 * What jhdf may do with one file, which it would otherwise trust: how much of the file it reads
 * (a B-tree or heap that refers back to itself is read again and again, each pass allocating its
 * entries, long before the stack overflows) and how many bytes its filters inflate (a deflated
 * chunk of a few KB can inflate to gigabytes). jhdf has no hook for either, so this class
 * <ul>
 *   <li>hands jhdf the file through {@link Storage}, which counts each read and stops the reading
 *       past {@link #READS_PER_FILE_BYTE} times the file's size or {@link #MAX_READS} reads, and</li>
 *   <li>replaces jhdf's decompression filters (registered once, for the whole JVM): deflate with one
 *       that stops at the inflated-bytes budget, LZF checking the size it declares against it first,
 *       LZ4 and bitshuffle (which Keras never writes) refused, as they allocate declared sizes.</li>
 * </ul>
 * One file is read at a time ({@link #open} and {@link #close} bracket it; {@link Hdf5#read} holds
 * the lock), as the filters have no way to know which file a chunk is from.
 */
final class Hdf5Limits {
    /** jhdf reads a sound Keras file's bytes a few times over (headers re-read as objects open). */
    static final long READS_PER_FILE_BYTE = 64;
    /** Reads at most, and bytes read at most, whatever the file's size. */
    static final long MAX_READS = 1_000_000;
    static final long MIN_READ_BYTES = 64L << 20;
    /**
     * All a file's chunks together may inflate to this: every parameter the network budget allows
     * as a double, and 16 MB for chunks reaching past a dataset's edge.
     */
    static final long MAX_INFLATED_BYTES = NetworkBudget.MAX_PARAMETERS * Double.BYTES + (16L << 20);

    /** A file that asks for more than its budget, or a damaged chunk; {@link Hdf5#read} names the file. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String problem) {
            super(problem, null, false, false);
        }
    }

    private static final Constructor<HdfFile> HDF_FILE_OF_STORAGE;

    static {
        try {
            // jhdf builds an HdfFile on any storage only privately; fromByteBuffer has no way to pass ours
            HDF_FILE_OF_STORAGE = HdfFile.class.getDeclaredConstructor(HdfBackingStorage.class);
            HDF_FILE_OF_STORAGE.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExceptionInInitializerError("jhdf " + HdfFile.class.getPackage().getImplementationVersion()
                    + " cannot be given a bounded storage: " + e);
        }
        FilterManager.addFilter(new BoundedDeflate());
        FilterManager.addFilter(new CheckedLzf());
        FilterManager.addFilter(new Refused(32004, "lz4"));
        FilterManager.addFilter(new Refused(32008, "bitshuffle"));
    }

    private static long inflated;

    private Hdf5Limits() {}

    /** Starts reading one file: the filters' budget is whole again. */
    static synchronized void open() {
        inflated = 0;
    }

    /** The inflated bytes of the file being read so far (for tests). */
    static synchronized long inflated() {
        return inflated;
    }

    private static synchronized void inflate(long bytes) {
        if (bytes < 0 || inflated + bytes > MAX_INFLATED_BYTES) {
            throw new Unreadable("its compressed data inflates past " + SafeText.bytes(MAX_INFLATED_BYTES) + ", the limit");
        }
        inflated += bytes;
    }

    private static synchronized long inflateRoom() {
        return MAX_INFLATED_BYTES - inflated;
    }

    /** {@code mapped} (the whole file) as jhdf reads it, each read counted against the file's budget. */
    static HdfFile bounded(ByteBuffer mapped) {
        // fromByteBuffer finds the signature (after a user block or not) and reads the superblock
        HdfFile plain = HdfFile.fromByteBuffer(mapped);
        try {
            return HDF_FILE_OF_STORAGE.newInstance(new Storage(plain.getHdfBackingStorage(), mapped.capacity()));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** jhdf's storage for a mapped file, counting what is read from it. */
    static final class Storage implements HdfBackingStorage {
        private final HdfBackingStorage inner;
        private final long maxBytes;
        private long reads;
        private long bytes;

        Storage(HdfBackingStorage inner, long fileSize) {
            this.inner = inner;
            this.maxBytes = Math.max(MIN_READ_BYTES, READS_PER_FILE_BYTE * fileSize);
        }

        private synchronized void charge(long length) {
            reads++;
            bytes += Math.max(0, length);
            if (reads > MAX_READS || bytes > maxBytes) {
                throw new Unreadable("its HDF5 structure takes more than " + (reads > MAX_READS ? MAX_READS + " reads"
                        : SafeText.bytes(maxBytes) + " of reading") + " (a structure that refers back to itself?)");
            }
        }

        @Override
        public ByteBuffer readBufferFromAddress(long address, int length) {
            charge(length);
            return inner.readBufferFromAddress(address, length);
        }

        @Override
        public ByteBuffer map(long address, long length) {
            charge(length);
            return inner.map(address, length);
        }

        @Override
        public ByteBuffer mapNoOffset(long address, long length) {
            charge(length);
            return inner.mapNoOffset(address, length);
        }

        @Override
        public long getUserBlockSize() {
            return inner.getUserBlockSize();
        }

        @Override
        public Superblock getSuperblock() {
            return inner.getSuperblock();
        }

        @Override
        public FileChannel getFileChannel() {
            return inner.getFileChannel();
        }

        @Override
        public int getSizeOfOffsets() {
            return inner.getSizeOfOffsets();
        }

        @Override
        public int getSizeOfLengths() {
            return inner.getSizeOfLengths();
        }

        @Override
        public void close() {
            inner.close();
        }

        @Override
        public long size() {
            return inner.size();
        }

        @Override
        public boolean inMemory() {
            return inner.inMemory();
        }
    }

    /** HDF5's deflate (gzip) filter, inflating at most what is left of the file's budget. */
    static final class BoundedDeflate implements Filter {
        @Override
        public int getId() {
            return 1;
        }

        @Override
        public String getName() {
            return "deflate";
        }

        @Override
        public byte[] decode(byte[] encoded, int[] filterData) {
            Inflater inflater = new Inflater();
            try {
                inflater.setInput(encoded);
                long room = inflateRoom();
                byte[] out = new byte[(int) Math.min(room, Math.min(Integer.MAX_VALUE - 8, Math.max(4096L, 4L * encoded.length)))];
                int n = 0;
                while (!inflater.finished()) {
                    if (n == out.length) {
                        if (n >= room || n >= Integer.MAX_VALUE - 8) inflate(n + 1L);   // past the budget: throws
                        out = Arrays.copyOf(out, (int) Math.min(room, Math.min(Integer.MAX_VALUE - 8, 2L * n)));
                    }
                    int got = inflater.inflate(out, n, out.length - n);
                    if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw new Unreadable("a deflated chunk ends before its data does");
                    }
                    n += got;
                }
                inflate(n);
                return n == out.length ? out : Arrays.copyOf(out, n);
            } catch (DataFormatException e) {
                throw new Unreadable("a deflated chunk is damaged (" + SafeText.excerpt(e.getMessage(), 100) + ")");
            } finally {
                inflater.end();
            }
        }
    }

    /** jhdf's LZF filter, once the chunk's declared size fits the budget (it allocates that size first). */
    static final class CheckedLzf implements Filter {
        private final LzfFilter lzf = new LzfFilter();

        @Override
        public int getId() {
            return lzf.getId();
        }

        @Override
        public String getName() {
            return lzf.getName();
        }

        @Override
        public byte[] decode(byte[] encoded, int[] filterData) {
            if (filterData.length < 3) throw new Unreadable("an LZF chunk does not say its size");
            inflate(filterData[2]);
            return lzf.decode(encoded, filterData);
        }
    }

    /** A filter jhdf decodes by allocating sizes the data declares, which Keras files do not use. */
    record Refused(int getId, String getName) implements Filter {
        @Override
        public byte[] decode(byte[] encoded, int[] filterData) {
            throw new Unreadable("its data is compressed with " + getName + ", which Inkling does not read");
        }
    }
}
