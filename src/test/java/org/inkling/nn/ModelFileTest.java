package org.inkling.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path dir;

    private static SavedModel sample() {
        Sequential net = Sequential.mlp(20, new int[] {16}, Activation.RELU, 3, 4);
        Random rnd = new Random(1);
        for (Param p : net.params()) for (int i = 0; i < p.size(); i++) p.value().data[i] = (float) rnd.nextGaussian();
        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("optimizer", new RmsProp().config());
        recipe.put("epochs", 5);
        recipe.put("seed", 42);
        return new SavedModel("tiny", net, recipe, Map.of("test_accuracy", 0.97), List.of("a", "b", "c"));
    }

    private static byte[] bytes(SavedModel m) throws IOException {
        return ModelFile.toBytes(m);
    }

    private static SavedModel load(byte[] b) throws ModelFileException {
        return ModelFile.load(new ByteArrayInputStream(b), "test.inkling");
    }

    /** Rewrites the zip, letting {@code edit} replace entries (null drops one). */
    private static byte[] rewrite(byte[] zipBytes, Map<String, UnaryOperator<byte[]>> edits) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (edits.containsKey(e.getName())) content = edits.get(e.getName()).apply(content);
                if (content == null) continue;
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static UnaryOperator<byte[]> replaceInJson(String from, String to) {
        return b -> {
            String s = new String(b, StandardCharsets.UTF_8);
            assertThat(s).contains(from);
            return s.replace(from, to).getBytes(StandardCharsets.UTF_8);
        };
    }

    @Test
    void roundTripIsBitExact() throws IOException {
        SavedModel m = sample();
        Path file = dir.resolve("m.inkling");
        ModelFile.save(file, m);
        SavedModel back = ModelFile.load(file);
        assertThat(back.name()).isEqualTo("tiny");
        assertThat(back.classNames()).containsExactly("a", "b", "c");
        assertThat(back.metrics()).containsEntry("test_accuracy", 0.97);
        assertThat(back.recipe()).containsEntry("epochs", 5L);
        assertThat(back.network().summary()).isEqualTo(m.network().summary());
        for (int i = 0; i < m.network().params().size(); i++) {
            float[] a = m.network().params().get(i).value().data, b = back.network().params().get(i).value().data;
            for (int k = 0; k < a.length; k++) assertThat(Float.floatToRawIntBits(b[k])).isEqualTo(Float.floatToRawIntBits(a[k]));
        }
        assertThat(Files.list(dir)).containsExactly(file);
    }

    @Test
    void numpyReadsTheWeights() throws Exception {
        Path file = dir.resolve("np.inkling");
        SavedModel m = sample();
        ModelFile.save(file, m);
        String script = "import numpy as np, sys\n"
                + "z = np.load(sys.argv[1])\n"
                + "k = z['weights/dense.kernel']; b = z['weights/dense.bias']\n"
                + "print(k.dtype, k.shape, b.shape, repr(float(k[3, 5])), repr(float(b[7])))\n";
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script, file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not installed");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        Assumptions.assumeFalse(out.contains("No module named 'numpy'"), "numpy is not installed");
        assertThat(p.waitFor()).as(out).isZero();
        float k35 = m.network().params().get(0).value().get(3, 5), b7 = m.network().params().get(1).value().data[7];
        assertThat(out).isEqualTo("float32 (20, 16) (16,) " + pyRepr(k35) + " " + pyRepr(b7));
    }

    private static String pyRepr(float f) {
        return Double.toString((double) f).replace("E", "e");
    }

    @Test
    void npyHeaderIsPaddedTo64Bytes() {
        byte[] b = Npy.write(new int[] {784, 512}, new float[784 * 512], 784 * 512);
        String header = new String(b, 10, (b[8] & 0xFF) | (b[9] & 0xFF) << 8, StandardCharsets.US_ASCII);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (784, 512), }").endsWith("\n");
        assertThat((10 + header.length()) % 64).isZero();
        assertThat(b.length).isEqualTo(10 + header.length() + 784 * 512 * 4);
    }

    @Test
    void truncatedFileIsRejectedByName() throws IOException {
        byte[] b = bytes(sample());
        for (int cut : new int[] {b.length / 2, 100, 3}) {
            assertThatThrownBy(() -> load(java.util.Arrays.copyOf(b, cut)))
                    .isInstanceOf(ModelFileException.class).hasMessageStartingWith("test.inkling: ");
        }
    }

    @Test
    void randomBytesAreNotAModel() {
        byte[] junk = new byte[5000];
        new Random(3).nextBytes(junk);
        assertThatThrownBy(() -> load(junk)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("test.inkling").hasMessageContaining("not an Inkling model file");
    }

    @Test
    void foreignZipWithoutModelJsonIsRejected() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> load(out.toByteArray())).hasMessageContaining("no model.json").hasMessageContaining("readme.txt");
        byte[] noJson = rewrite(bytes(sample()), Map.of("model.json", b -> null));
        assertThatThrownBy(() -> load(noJson)).hasMessageContaining("no model.json");
        byte[] otherFormat = rewrite(bytes(sample()), Map.of("model.json", replaceInJson("\"inkling-model\"", "\"keras\"")));
        assertThatThrownBy(() -> load(otherFormat)).hasMessageContaining("format is keras");
    }

    @Test
    void wrongShapesAreRejectedWithBothShapes() throws IOException {
        byte[] good = bytes(sample());
        byte[] npyShape = rewrite(good, Map.of("weights/dense.kernel.npy",
                b -> Npy.write(new int[] {16, 20}, new float[320], 320)));
        assertThatThrownBy(() -> load(npyShape)).hasMessageContaining("weights/dense.kernel.npy has shape (16, 20)")
                .hasMessageContaining("needs (20, 16)");
        byte[] jsonShape = rewrite(good, Map.of("model.json", replaceInJson("\"units\": 16", "\"units\": 17")));
        assertThatThrownBy(() -> load(jsonShape)).hasMessageContaining("dense/kernel is listed with shape (20, 16)")
                .hasMessageContaining("(20, 17)");
    }

    @Test
    void badContentIsRejectedWithItsReason() throws IOException {
        byte[] good = bytes(sample());
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("is format version 2, made by a newer Inkling; this Inkling reads versions up to 1: update Inkling", "\"format_version\": 1|\"format_version\": 2");
        cases.put("has format version 0, which no Inkling ever wrote", "\"format_version\": 1|\"format_version\": 0");
        cases.put("not valid JSON", "\"layers\": [|\"layers\": [[[");
        cases.put("unknown activation 'gelu'", "\"relu\"|\"gelu\"");
        cases.put("missing from the archive", "weights/dense.bias.npy|weights/nothing.npy");
        for (var c : cases.entrySet()) {
            String[] fromTo = c.getValue().split("\\|");
            byte[] bad = rewrite(good, Map.of("model.json", replaceInJson(fromTo[0], fromTo[1])));
            assertThatThrownBy(() -> load(bad)).as(c.getKey()).hasMessageStartingWith("test.inkling: ").hasMessageContaining(c.getKey());
        }
        byte[] nan = rewrite(good, Map.of("weights/dense_1.bias.npy", b -> Npy.write(new int[] {3}, new float[] {1, Float.NaN, 2}, 3)));
        assertThatThrownBy(() -> load(nan)).hasMessageContaining("non-finite");
        byte[] longer = rewrite(good, Map.of("weights/dense_1.bias.npy", b -> java.util.Arrays.copyOf(b, b.length + 4)));
        assertThatThrownBy(() -> load(longer)).hasMessageContaining("bytes");
        byte[] shorter = rewrite(good, Map.of("weights/dense_1.bias.npy", b -> java.util.Arrays.copyOf(b, b.length - 4)));
        assertThatThrownBy(() -> load(shorter)).hasMessageContaining("bytes");
        byte[] f8 = rewrite(good, Map.of("weights/dense_1.bias.npy", b -> new String(b, StandardCharsets.ISO_8859_1)
                .replace("<f4", "<f8").getBytes(StandardCharsets.ISO_8859_1)));
        assertThatThrownBy(() -> load(f8)).hasMessageContaining("'<f8'");
    }

    @Test
    void saveOverwritesAtomicallyAndAFailedSaveLeavesTheOldFileAndNoTemp() throws IOException {
        Path file = dir.resolve("m.inkling");
        ModelFile.save(file, sample());
        byte[] old = Files.readAllBytes(file);
        Map<String, Object> unwritable = Map.of("bad", new Object());
        SavedModel broken = new SavedModel("x", sample().network(), unwritable, Map.of(), null);
        assertThatThrownBy(() -> ModelFile.save(file, broken)).isInstanceOf(IOException.class).hasMessageContaining("m.inkling");
        assertThat(Files.readAllBytes(file)).isEqualTo(old);
        assertThat(Files.list(dir)).containsExactly(file);

        SavedModel other = SavedModel.of("other", Sequential.mlp(20, new int[] {4}, Activation.RELU, 3, 1));
        ModelFile.save(file, other);
        assertThat(ModelFile.load(file).name()).isEqualTo("other");
    }

    @Test
    void saveIntoAnUnwritableDirectoryFailsCleanly() throws IOException {
        Path notADir = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> ModelFile.save(notADir.resolve("m.inkling"), sample())).isInstanceOf(IOException.class);
        // a target that cannot be replaced (a non-empty directory): the rename fails after writing
        Path blocked = Files.createDirectory(dir.resolve("blocked.inkling"));
        Files.writeString(blocked.resolve("keep"), "keep");
        assertThatThrownBy(() -> ModelFile.save(blocked, sample())).isInstanceOf(IOException.class);
        assertThat(Files.readString(blocked.resolve("keep"))).isEqualTo("keep");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("plain-file", "blocked.inkling");
    }

    @Test
    void saveIntoAReadOnlyDirectoryFailsWhenPermissionsApply() throws IOException {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        ro.toFile().setWritable(false);
        try {
            Assumptions.assumeFalse(Files.isWritable(ro), "running as root: permissions do not stop writes");
            assertThatThrownBy(() -> ModelFile.save(ro.resolve("m.inkling"), sample())).isInstanceOf(IOException.class);
            assertThat(Files.list(ro)).isEmpty();
        } finally {
            ro.toFile().setWritable(true);
        }
    }

    private static SavedModel elevenClasses() {
        Sequential net = Sequential.mlp(784, new int[] {8}, Activation.RELU, 11, 3);
        List<String> names = new java.util.ArrayList<>(SavedModel.digits(10));
        names.add(VerdictRule.NOT_A_DIGIT);
        return new SavedModel("eleven", net, Map.of(), Map.of(), names);
    }

    @Test
    void theVerdictRuleIsRecordedAndReadBack() throws Exception {
        SavedModel m = elevenClasses().withVerdict(new VerdictRule(1.25, 0.85, 0.4, 10));
        SavedModel back = load(bytes(m));
        assertThat(back.verdict()).isEqualTo(new VerdictRule(1.25, 0.85, 0.4, 10));
        assertThat(back.classNames()).endsWith(VerdictRule.NOT_A_DIGIT);
        String json = new String(rewriteRead(bytes(m)), StandardCharsets.UTF_8);
        assertThat(json).contains("\"verdict\"").contains("\"reject_class\": 10");
    }

    @Test
    void filesWithoutARuleGetThePlainRule() throws Exception {
        byte[] old = rewrite(bytes(elevenClasses().withVerdict(new VerdictRule(2, 0.7, 0.3, 10))),
                Map.of("model.json", b -> new String(b, StandardCharsets.UTF_8)
                        .replaceAll("(?s),\\s*\"verdict\": \\{[^}]*\\}", "").getBytes(StandardCharsets.UTF_8)));
        assertThat(new String(rewriteRead(old), StandardCharsets.UTF_8)).doesNotContain("verdict");
        SavedModel back = load(old);
        assertThat(back.verdict()).isEqualTo(new VerdictRule(1, VerdictRule.PLAIN_ACCEPT_AT, VerdictRule.DEFAULT_REJECT_AT, 10));
        assertThat(load(bytes(sample())).verdict().rejectClass()).isEqualTo(-1);
    }

    @Test
    void aBadRuleNamesTheFileAndTheField() throws Exception {
        byte[] bad = rewrite(bytes(elevenClasses()), Map.of("model.json", b -> new String(b, StandardCharsets.UTF_8)
                .replace("\"accept_at\": 0.9", "\"accept_at\": 7").getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> load(bad)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("test.inkling").hasMessageContaining("accept_at");
        assertThatThrownBy(() -> new SavedModel("x", Sequential.mlp(4, new int[] {2}, Activation.RELU, 10, 1), Map.of(), Map.of(),
                null, new VerdictRule(1, 0.9, 0.5, 10))).hasMessageContaining("11 outputs");
    }

    private static byte[] rewriteRead(byte[] zipBytes) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("model.json")) return in.readAllBytes();
            }
        }
        throw new IOException("no model.json");
    }

    @Test
    void aModelWhoseFiniteWeightsOverflowIsRefusedNamingTheFile() throws IOException {
        SavedModel huge = sample();
        // finite weights, zero biases: a blank input stays 0, a fully inked one overflows
        for (Param p : huge.network().params()) java.util.Arrays.fill(p.value().data, p.name().contains("bias") ? 0f : 1e30f);
        Path file = dir.resolve("huge.inkling");
        ModelFile.save(file, huge);
        assertThatThrownBy(() -> ModelFile.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("too large for float arithmetic")
                .hasMessageContaining("fully inked");
        ModelFile.save(file, sample());
        assertThat(ModelFile.load(file).network().predict(new float[20])).hasSize(3);
    }

    /** The shipped model's read leaves the output probe to later (the app runs it after its first frame); every other check stays. */
    @Test
    void theShippedModelsReadSkipsOnlyTheOutputProbe() throws IOException {
        SavedModel huge = sample();
        for (Param p : huge.network().params()) java.util.Arrays.fill(p.value().data, p.name().contains("bias") ? 0f : 1e30f);
        byte[] bytes = ModelFile.toBytes(huge);
        SavedModel read = ModelFile.loadShipped(new ByteArrayInputStream(bytes), "built-in");
        assertThat(read.network().parameterCount()).isEqualTo(huge.network().parameterCount());
        assertThatThrownBy(() -> ModelFile.requireFiniteOutputs("built-in", read)).hasMessageContaining("too large for float arithmetic");
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length / 2);
        assertThatThrownBy(() -> ModelFile.loadShipped(new ByteArrayInputStream(cut), "built-in"))
                .isInstanceOf(ModelFileException.class).hasMessageStartingWith("built-in");
    }
}
