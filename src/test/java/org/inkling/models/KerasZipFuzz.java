package org.inkling.models;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.inkling.nn.ModelFileFuzz;

/**
 * Fuzzes Keras 3 {@code .keras} files through {@link Models#open} ({@link KerasZipReader}, jhdf).
 * Random bytes would rarely get past the zip's checksums, so the input is the archive's
 * {@code model.weights.h5} after one byte that picks whose {@code config.json} and
 * {@code metadata.json} go with it: those of {@link ModelFileFuzz#TINY} as {@link KerasWriter}
 * writes it, or of a {@code .keras} test fixture. The seeds are each one's own weights.
 */
public class KerasZipFuzz {
    /** The fixtures whose config.json the first byte picks from, after TINY's (index 0). */
    static final List<String> FIXTURES = List.of("src/test/resources/keras/cnn-named.keras",
            "src/test/resources/keras/reshape-conv.keras", "src/test/resources/keras/keras3/mlp.keras",
            "src/test/resources/keras/keras3/cnn.keras");

    private static List<Map<String, byte[]>> archives;
    private static Path file;

    public static void fuzzerTestOneInput(byte[] input) {
        List<Map<String, byte[]>> all = archives();
        Map<String, byte[]> chosen = all.get(input.length == 0 ? 0 : (input[0] & 0xFF) % all.size());
        byte[] weights = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
        ModelFuzzing.write(file, zip(chosen.get("config.json"), chosen.get("metadata.json"), weights));
        ModelFuzzing.open(file);
    }

    /** The seed for archive {@code index}: its index, then its own model.weights.h5. */
    static byte[] seed(int index) {
        byte[] w = archives().get(index).get("model.weights.h5");
        byte[] s = new byte[w.length + 1];
        s[0] = (byte) index;
        System.arraycopy(w, 0, s, 1, w.length);
        return s;
    }

    static synchronized List<Map<String, byte[]>> archives() {
        if (archives == null) {
            try {
                Path dir = ModelFuzzing.scratch("keras");
                file = dir.resolve("model.keras");
                Path tiny = dir.resolve("tiny.keras");
                KerasWriter.save(ModelFileFuzz.TINY, tiny);
                List<Map<String, byte[]>> list = new ArrayList<>();
                list.add(entries(tiny));
                Files.delete(tiny);
                for (String f : FIXTURES) list.add(entries(Path.of(f)));
                archives = list;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return archives;
    }

    private static Map<String, byte[]> entries(Path keras) throws IOException {
        Map<String, byte[]> m = new HashMap<>();
        try (InputStream in = Files.newInputStream(keras); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) m.put(e.getName(), zip.readAllBytes());
        }
        return m;
    }

    private static byte[] zip(byte[] config, byte[] metadata, byte[] weights) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(b)) {
            zip.setLevel(0);   // quicker; the reader inflates either way
            put(zip, "metadata.json", metadata);
            put(zip, "config.json", config);
            put(zip, "model.weights.h5", weights);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        if (bytes == null) return;
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
