package org.inkling.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.inkling.base.Fuzzing;
import org.inkling.json.Json;
import org.inkling.nn.ModelFileException;
import org.inkling.nn.ModelFileFuzz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Keras and TensorFlow.js files made to hurt: pipes for shards, sizes trusted from the file, zip bombs, hostile names. */
class ModelImportHostileTest {
    @TempDir
    Path dir;

    /** Bytes this thread allocates while {@code work} runs (HotSpot's per-thread counter). */
    private static long allocatedBy(ThrowingRunnable work) throws Exception {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = bean.getCurrentThreadAllocatedBytes();
        work.run();
        return bean.getCurrentThreadAllocatedBytes() - before;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private Path tinyTfjs() throws IOException {
        Path folder = dir.resolve("tfjs");
        TfjsWriter.save(ModelFileFuzz.TINY, folder);
        return folder.resolve(TfjsWriter.MODEL_JSON);
    }

    @SuppressWarnings("unchecked")
    private static void rewriteManifest(Path json, java.util.function.Consumer<Map<String, Object>> group) throws IOException {
        Map<String, Object> model = Json.parseObject(Files.readString(json));
        group.accept((Map<String, Object>) ((List<Object>) model.get("weightsManifest")).get(0));
        Files.writeString(json, Json.write(model));
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aShardThatIsAPipeOrAFolderIsNamedNotWaitedOn() throws Exception {
        Path json = tinyTfjs();
        Path fifo = json.resolveSibling("fifo.bin");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, TimeUnit.SECONDS)).isTrue();
        rewriteManifest(json, g -> g.put("paths", List.of("fifo.bin")));
        assertThatThrownBy(() -> Models.open(json)).isInstanceOf(ModelFileException.class)
                .hasMessage(json + ": weight shard fifo.bin is not a regular file (a pipe, device or socket); give a file");

        Files.createDirectory(json.resolveSibling("folder.bin"));
        rewriteManifest(json, g -> g.put("paths", List.of("folder.bin")));
        assertThatThrownBy(() -> Models.open(json)).hasMessage(json + ": weight shard folder.bin is a folder, not a file");
    }

    @Test
    void aManifestDeclaringHundredsOfMegabytesIsRefusedFromTheShardSizesBeforeAllocating() throws Exception {
        Path json = tinyTfjs();
        long shard = Files.size(json.resolveSibling(TfjsWriter.SHARD));
        rewriteManifest(json, g -> g.put("weights", List.of(Map.of("name", "dense/kernel", "shape", List.of(100_000_000), "dtype", "float32"))));
        long allocated = allocatedBy(() -> assertThatThrownBy(() -> Models.open(json))
                .hasMessage(json + ": weight shards hold " + shard + " bytes but its weightsManifest lists 400000000"));
        assertThat(allocated).as("bytes allocated to refuse it").isLessThan(64L << 20);
    }

    @Test
    void weightsThatInflateInsideAKerasFileAreNotHeldInMemory() throws Exception {
        // 200 MB of zeros as model.weights.h5 (a few hundred KB zipped): once read into a byte array that doubled as it grew
        Path tiny = dir.resolve("tiny.keras");
        KerasWriter.save(ModelFileFuzz.TINY, tiny);
        Path bomb = dir.resolve("bomb.keras");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb));
             var in = new java.util.zip.ZipInputStream(Files.newInputStream(tiny))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("model.weights.h5")) continue;
                z.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(z);
            }
            z.putNextEntry(new ZipEntry("model.weights.h5"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) z.write(zeros);
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        long allocated = allocatedBy(() -> assertThatThrownBy(() -> Models.open(bomb))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(bomb + " (model.weights.h5): is damaged or an HDF5 file Inkling cannot read"));
        assertThat(allocated).as("bytes allocated to refuse it").isLessThan(64L << 20);
    }

    @Test
    void anHdf5HeaderDeclaringAHugeSizeIsNotAllocated() throws Exception {
        // found by KerasZipFuzz: jhdf allocated an object header's declared size before reading it (OutOfMemoryError in 1 GB)
        byte[] input = Files.readAllBytes(Path.of("fuzz/regressions/KerasZipFuzz/object-header-declaring-a-huge-size"));
        KerasZipFuzz.archives();
        assertThat(allocatedBy(() -> KerasZipFuzz.fuzzerTestOneInput(input))).as("bytes allocated to refuse it").isLessThan(64L << 20);
        // the same weights file as a legacy .h5 model
        Path h5 = dir.resolve("huge-header.h5");
        Files.write(h5, java.util.Arrays.copyOfRange(input, 1, input.length));
        assertThat(allocatedBy(() -> assertThatThrownBy(() -> Models.open(h5)).isInstanceOf(ModelFileException.class)))
                .as("bytes allocated to refuse it").isLessThan(64L << 20);
    }

    @Test
    void hostileNamesInAConfigAreShortAndEscapedInTheMessage() throws Exception {
        Path json = tinyTfjs();
        String evil = "Evil\u001b[2J\u202e" + "x".repeat(100_000);
        Files.writeString(json, Files.readString(json).replace("\"class_name\":\"Dense\"", "\"class_name\":\"" + evil.replace("\u001b", "\\u001b") + "\""));
        assertThatThrownBy(() -> Models.open(json)).isInstanceOfSatisfying(ModelFileException.class, e -> {
            assertThat(e.getMessage()).startsWith(json + ": ").contains("Evil\\u001b[2J\\u202e");
            Fuzzing.checkMessage(e.getMessage().replace(json.toString(), "FILE"), 700);
        });
    }
}
