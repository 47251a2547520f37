package org.inkling.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.inkling.base.Fuzzing;
import org.inkling.nn.ModelFileException;
import org.inkling.nn.SavedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * HDF5 files crafted against jhdf's insides (see {@link Hdf5Limits}): a B-tree that is its own
 * child, an attribute declaring two billion values, a deflated chunk that inflates without end.
 * Each must end in a short error naming the file, having allocated little.
 */
class Hdf5LimitsTest {
    private static final Path MLP = Path.of("src/test/resources/keras/mlp-keras2-list.h5");

    @TempDir
    Path dir;

    private static long allocatedBy(Runnable work) {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = bean.getCurrentThreadAllocatedBytes();
        work.run();
        return bean.getCurrentThreadAllocatedBytes() - before;
    }

    private static int find(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    private void refusedCheaply(Path file, String... expected) {
        long allocated = allocatedBy(() -> assertThatThrownBy(() -> Models.open(file)).isInstanceOfSatisfying(ModelFileException.class, e -> {
            assertThat(e.getMessage()).startsWith(file.toString()).contains(expected);
            Fuzzing.checkMessage(e.getMessage().replace(file.toString(), "FILE"), 600);
        }));
        assertThat(allocated).as("bytes allocated to refuse it").isLessThan(64L << 20);
    }

    @Test
    void soundFilesReadWellWithinTheBudgets() throws Exception {
        SavedModel m = Models.open(MLP);
        assertThat(m.network().outputSize()).isEqualTo(10);
        // the same weights, chunked and gzip-compressed by h5py: inflated by Inkling's deflate, not jhdf's
        SavedModel gz = Models.open(Path.of("src/test/resources/keras/mlp-keras2-gzip.h5"));
        assertThat(Hdf5Limits.inflated()).as("bytes inflated").isBetween(4L * (784 * 24 + 24 + 24 * 10 + 10), 1L << 20);
        float[] x = new float[784];
        Arrays.fill(x, 0.3f);
        assertThat(gz.network().predict(x)).containsExactly(m.network().predict(x));
    }

    @Test
    @Timeout(120)
    void aBTreeThatIsItsOwnChildStopsAtItsReadingBudget() throws Exception {
        byte[] file = Files.readAllBytes(MLP);
        // the first group B-tree node: "TREE", type 0 (group), level, entries used, two siblings, then key/child pairs
        int node = find(file, "TREE".getBytes(StandardCharsets.US_ASCII), 0);
        while (file[node + 4] != 0) node = find(file, "TREE".getBytes(StandardCharsets.US_ASCII), node + 1);
        // room for 65,535 key/child pairs after it, which jhdf reads in one go per level
        byte[] crafted = Arrays.copyOf(file, file.length + 65_535 * 32 + 256);
        ByteBuffer b = ByteBuffer.wrap(crafted).order(ByteOrder.LITTLE_ENDIAN);
        b.put(node + 5, (byte) 1);                 // an inner node, so its children are B-tree nodes too
        b.putShort(node + 6, (short) 0xFFFF);      // with the most entries
        b.putLong(node + 24 + 8, node);            // whose first child is itself
        Path h5 = Files.write(dir.resolve("self-child.h5"), crafted);
        refusedCheaply(h5, "refers back to itself");
    }

    /** Where an attribute message's dataspace starts (version 1: sizes, then name, datatype, dataspace, each padded to 8). */
    private static int dataspaceOf(byte[] file, String attribute) {
        int name = find(file, (attribute + "\0").getBytes(StandardCharsets.US_ASCII), 0);
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        return name + pad8(b.getShort(name - 6)) + pad8(b.getShort(name - 4));
    }

    @Test
    void anAttributeDeclaringMoreValuesThanItHoldsIsNotAllocated() throws Exception {
        byte[] file = Files.readAllBytes(MLP);
        int dataspace = dataspaceOf(file, "layer_names");
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.get(dataspace + 1)).as("rank").isEqualTo((byte) 1);
        assertThat(b.getLong(dataspace + 8)).as("the three layer names").isEqualTo(3);
        for (long declared : new long[] {100_000_000, Integer.MAX_VALUE - 16, Long.MAX_VALUE / 2}) {
            b.putLong(dataspace + 8, declared);
            refusedCheaply(Files.write(dir.resolve("attribute-" + declared + ".h5"), file), "model_weights");
        }
    }

    @Test
    void variableLengthStringsNamingOneHeapObjectTwiceAreRefused() throws Exception {
        Path sound = Path.of("src/test/resources/keras/mlp-keras2-vlen.h5");
        assertThat(Models.open(sound).network().outputSize()).isEqualTo(10);
        byte[] file = Files.readAllBytes(sound);
        int dataspace = dataspaceOf(file, "layer_names");
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int dataspaceSize = b.getShort(find(file, "layer_names\0".getBytes(StandardCharsets.US_ASCII), 0) - 2);
        // the values: per name its length (4 bytes), its heap's address (8) and its index in the heap (4)
        int refs = dataspace + pad8(dataspaceSize);
        assertThat(b.getInt(refs)).as("length of dense_1").isEqualTo(7);
        System.arraycopy(file, refs + 4, file, refs + 16 + 4, 12);   // dropout_1 is dense_1's object again
        refusedCheaply(Files.write(dir.resolve("one-object-twice.h5"), file), "layer_names", "names one heap object twice");
    }

    private static int pad8(int n) {
        return (n + 7) & ~7;
    }

    @Test
    void aDeflatedChunkStopsInflatingAtTheBudget() {
        // 1 GB of zeros deflates to about a megabyte
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        Deflater d = new Deflater(9);
        byte[] zeros = new byte[1 << 20];
        byte[] out = new byte[1 << 16];
        for (int i = 0; i < 1024; i++) {
            d.setInput(zeros);
            while (!d.needsInput()) bomb.write(out, 0, d.deflate(out));
        }
        d.finish();
        while (!d.finished()) bomb.write(out, 0, d.deflate(out));
        d.end();
        Hdf5Limits.open();
        assertThatThrownBy(() -> new Hdf5Limits.BoundedDeflate().decode(bomb.toByteArray(), new int[0]))
                .isInstanceOf(Hdf5Limits.Unreadable.class).hasMessageContaining("inflates past");
        // a truncated chunk is damaged, not a hang
        Hdf5Limits.open();
        byte[] cut = Arrays.copyOf(bomb.toByteArray(), 1000);
        assertThatThrownBy(() -> new Hdf5Limits.BoundedDeflate().decode(cut, new int[0]))
                .isInstanceOf(Hdf5Limits.Unreadable.class).hasMessageContaining("ends before");
    }

    @Test
    void lz4AndBitshuffleAreRefusedAndLzfChecksItsDeclaredSize() {
        Hdf5Limits.open();
        assertThatThrownBy(() -> new Hdf5Limits.Refused(32004, "lz4").decode(new byte[16], new int[0]))
                .isInstanceOf(Hdf5Limits.Unreadable.class).hasMessageContaining("lz4");
        assertThatThrownBy(() -> new Hdf5Limits.CheckedLzf().decode(new byte[16], new int[] {0, 0, Integer.MAX_VALUE}))
                .isInstanceOf(Hdf5Limits.Unreadable.class).hasMessageContaining("inflates past");
    }
}
