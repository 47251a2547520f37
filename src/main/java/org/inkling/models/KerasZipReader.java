package org.inkling.models;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.inkling.base.SafeText;
import org.inkling.json.Json;
import org.inkling.nn.ModelFileException;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Sequential;

/**
 * Keras 3's {@code .keras} file: a zip of {@code config.json} (the serialised model),
 * {@code metadata.json} ({@code keras_version}, date) and {@code model.weights.h5}. In the weights
 * file (Keras' {@code saving_lib}: {@code _save_state} walking the model, {@code H5IOStore}) each
 * object's variables are datasets {@code "0"}, {@code "1"}, ... of a group {@code <path>/vars}; a
 * Sequential's layers sit under {@code layers/<class name in snake case>}, repeats numbered
 * {@code _1}, {@code _2} in order, the InputLayer not among them.
 */
final class KerasZipReader {
    static final long MAX_JSON_BYTES = 64L << 20;
    static final long MAX_WEIGHTS_BYTES = 512L << 20;

    private KerasZipReader() {}

    static SavedModel read(Path file) throws ModelFileException {
        String source = file.toString();
        Map<String, byte[]> json = new HashMap<>();
        Path weights = null;
        try {
            try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    String name = e.getName();
                    if (name.equals("config.json") || name.equals("metadata.json")) {
                        if (json.put(name, readBounded(zip, MAX_JSON_BYTES, source, name)) != null) {
                            throw new ModelFileException(source, "holds " + name + " twice");
                        }
                    } else if (name.equals("model.weights.h5")) {
                        if (weights != null) throw new ModelFileException(source, "holds " + name + " twice");
                        weights = copyBounded(zip, MAX_WEIGHTS_BYTES, source, name);
                    }
                    // assets/ and anything else: not needed to predict
                }
            } catch (ModelFileException e) {
                throw e;
            } catch (IOException e) {
                throw new ModelFileException(source, "is damaged or truncated (" + SafeText.excerpt(e.getMessage()) + ")", e);
            }
            return read(json, weights, source, file.getFileName().toString());
        } finally {
            deleteQuietly(weights);
        }
    }

    /**
     * Reads the archive's parts: {@code json} holds config.json and metadata.json when present,
     * {@code weights} is model.weights.h5 copied out of the zip (null when absent). jhdf maps a file
     * where it would hold bytes on the heap, so a large (or inflating) weights file costs no memory.
     */
    static SavedModel read(Map<String, byte[]> json, Path weights, String source, String fileName) throws ModelFileException {
        byte[] configBytes = json.get("config.json");
        if (configBytes == null) throw new ModelFileException(source, "is a zip but not a Keras .keras model (no config.json inside)");
        if (weights == null) {
            throw new ModelFileException(source, "is a Keras .keras archive without its weights (no model.weights.h5 inside); "
                    + "save the trained model again with model.save(\"model.keras\")");
        }
        Map<String, Object> config;
        try {
            config = Json.parseObject(new String(configBytes, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new ModelFileException(source, "config.json is not valid JSON: " + SafeText.excerpt(e.getMessage(), 300));
        }
        KerasConfig.Plan plan = KerasConfig.parse(config, source);
        Map<String, Object> extra = new LinkedHashMap<>();
        Object inkling = null;
        if (json.get("metadata.json") != null) {
            Map<String, Object> meta = null;
            try {
                meta = Json.parseObject(new String(json.get("metadata.json"), StandardCharsets.UTF_8));
            } catch (RuntimeException ignored) {
                // Keras' own metadata is informative only: a damaged one does not stop the model
            }
            if (meta != null) {
                if (meta.get("keras_version") instanceof String v) extra.put("keras_version", v);
                if (meta.get("date_saved") instanceof String d) extra.put("keras_date_saved", d);
                inkling = meta.get(InklingMetadata.KEY);
            }
        }
        if (config.get("compile_config") instanceof Map<?, ?> cc) {
            if (cc.get("loss") instanceof String loss) extra.put("keras_loss", loss);
            if (cc.get("optimizer") instanceof Map<?, ?> o && o.get("class_name") instanceof String opt) extra.put("keras_optimizer", opt);
        }

        String weightsSource = source + " (model.weights.h5)";
        List<float[][]> arrays = Hdf5.read(weights, weightsSource, h -> weights(h, plan, new Hdf5(weightsSource)));
        Sequential net = KerasConfig.network(plan, arrays);
        SavedModel model = new SavedModel(Models.stem(fileName), net, KerasConfig.recipe("keras", "keras-v3", fileName, plan, extra), Map.of(), null);
        return InklingMetadata.apply(model, inkling, source + " (metadata.json)");
    }

    private static List<float[][]> weights(HdfFile h, KerasConfig.Plan plan, Hdf5 io) throws ModelFileException {
        Group layers = Hdf5.group(h, "layers");
        if (layers == null) throw io.fail("has no 'layers' group: not the weights of a Keras 3 Sequential model");
        // keras/src/saving/saving_lib.py _save_container_state: snake-cased class names, repeats _1, _2, ...
        List<String> paths = new ArrayList<>();
        Map<String, Integer> used = new HashMap<>();
        for (String cls : plan.kerasClasses()) {
            String name = KerasConfig.snakeCase(cls);
            Integer n = used.get(name);
            used.put(name, n == null ? 0 : n + 1);
            paths.add(n == null ? name : name + "_" + (n + 1));
        }
        List<float[][]> arrays = new ArrayList<>();
        for (KerasConfig.WeightedLayer w : plan.weighted()) {
            String path = paths.get(w.kerasIndex());
            Group g = Hdf5.group(layers, path);
            Group vars = g == null ? null : Hdf5.group(g, "vars");
            if (vars == null) {
                throw io.fail("has no weights for " + w.kerasClass() + " layer '" + w.kerasName() + "' (no group layers/" + path + "/vars)");
            }
            int count = vars.getChildren().size();
            if (count != w.arrays()) {
                throw io.fail("layers/" + path + "/vars holds " + count + " arrays but " + w.kerasClass() + " '" + w.kerasName()
                        + "' needs " + w.arrays() + (w.hasBias() ? " (kernel, bias)" : " (kernel)"));
            }
            String what = "layers/" + path + "/vars/";
            float[] kernel = io.floats(child(vars, "0"), w.kernelShape(), what + "0 (the kernel of '" + w.kerasName() + "')");
            float[] bias = w.hasBias() ? io.floats(child(vars, "1"), w.biasShape(), what + "1 (the bias of '" + w.kerasName() + "')") : null;
            arrays.add(new float[][] {kernel, bias});
        }
        return arrays;
    }

    private static Node child(Group g, String name) {
        return g.getChildren().get(name);
    }

    static byte[] readBounded(InputStream in, long limit, String source, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            if (out.size() + (long) n > limit) throw new ModelFileException(source, name + " is larger than " + SafeText.bytes(limit));
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Copies at most {@code limit} bytes of {@code in} to a temporary file, which the caller deletes. */
    private static Path copyBounded(InputStream in, long limit, String source, String name) throws IOException {
        Path tmp = Files.createTempFile("inkling-keras-", ".weights.h5");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            byte[] buf = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > limit) throw new ModelFileException(source, name + " is larger than " + SafeText.bytes(limit));
                out.write(buf, 0, n);
            }
            return tmp;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the system's cleaning removes it
        }
    }
}
