package org.inkling.models;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.inkling.base.AtomicFiles;
import org.inkling.json.Json;
import org.inkling.nn.Layer;
import org.inkling.nn.Param;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Sequential;

/**
 * Writes an Inkling model as a Keras 3 {@code .keras} file that {@code keras.saving.load_model}
 * opens: {@code metadata.json}, {@code config.json} (a Sequential with an InputLayer, each layer with
 * {@code module}, {@code class_name}, {@code config}, {@code build_config}) and
 * {@code model.weights.h5} in the layout of Keras' {@code saving_lib}
 * ({@code layers/<snake-cased class>[_N]/vars/0, 1}), written with jhdf. No optimiser state and no
 * {@code compile_config}: the file carries the trained network; compile it in Keras to train on.
 * {@code metadata.json} also holds the model's class names and verdict rule ({@link InklingMetadata}).
 */
public final class KerasWriter {
    /** The Keras format version the file follows (the {@code .keras} layout of Keras 3.0 and later). */
    static final String KERAS_FORMAT_VERSION = "3.0.0";

    private KerasWriter() {}

    /** Writes {@code model} to {@code path} atomically. */
    public static void save(SavedModel model, Path path) throws IOException {
        KerasLayers.requireExportable(model.network());
        byte[] weights = weightsFile(model.network());
        AtomicFiles.write(path, out -> write(model, weights, out));
    }

    private static void write(SavedModel model, byte[] weights, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("keras_version", KERAS_FORMAT_VERSION);
        meta.put("date_saved", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss")));
        meta.put("exported_by", "Inkling");
        meta.put("inkling_model", model.name());
        meta.put(InklingMetadata.KEY, InklingMetadata.of(model));
        put(zip, "metadata.json", Json.write(meta).getBytes(StandardCharsets.UTF_8));
        put(zip, "config.json", Json.write(config(model)).getBytes(StandardCharsets.UTF_8));
        put(zip, "model.weights.h5", weights);
        zip.finish();
    }

    static Map<String, Object> config(SavedModel model) {
        Sequential net = model.network();
        List<Object> layers = new ArrayList<>();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("batch_shape", KerasLayers.batchShape(net.inputShape()));
        input.put("dtype", "float32");
        input.put("sparse", false);
        input.put("name", "input_layer");
        layers.add(entry("InputLayer", input, null));
        for (Layer l : net.layers()) {
            Map<String, Object> build = new LinkedHashMap<>();
            build.put("input_shape", KerasLayers.batchShape(l.inputShape()));
            layers.add(entry(KerasLayers.className(l), KerasLayers.config(l), build));
        }
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("name", "sequential");
        cfg.put("trainable", true);
        cfg.put("dtype", "float32");
        cfg.put("layers", layers);
        Map<String, Object> build = new LinkedHashMap<>();
        build.put("input_shape", KerasLayers.batchShape(net.inputShape()));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("module", "keras");
        root.put("class_name", "Sequential");
        root.put("config", cfg);
        root.put("registered_name", null);
        root.put("build_config", build);
        return root;
    }

    private static Map<String, Object> entry(String cls, Map<String, Object> config, Map<String, Object> build) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("module", "keras.layers");
        e.put("class_name", cls);
        e.put("config", config);
        e.put("registered_name", null);
        if (build != null) e.put("build_config", build);
        return e;
    }

    /** model.weights.h5 as bytes: jhdf writes to a path, so through a temporary file. */
    static byte[] weightsFile(Sequential net) throws IOException {
        Path tmp = Files.createTempFile("inkling-keras-", ".weights.h5");
        try {
            try (WritableHdfFile h = HdfFile.write(tmp)) {
                // Keras writes an empty "vars" for the model itself and reads its absence as empty; jhdf 0.9.2
                // writes a broken file when an empty group sits at the root beside datasets, so it is left out.
                WritableGroup layers = h.putGroup("layers");
                Map<String, Integer> used = new HashMap<>();
                for (Layer l : net.layers()) {
                    String name = KerasConfig.snakeCase(KerasLayers.className(l));
                    Integer n = used.get(name);
                    used.put(name, n == null ? 0 : n + 1);
                    WritableGroup vars = layers.putGroup(n == null ? name : name + "_" + (n + 1)).putGroup("vars");
                    List<Param> params = l.params();
                    for (int i = 0; i < params.size(); i++) vars.putDataset(Integer.toString(i), nested(params.get(i)));
                }
            } catch (RuntimeException e) {
                throw new IOException("could not write the Keras weights (" + e.getMessage() + ")", e);
            }
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A parameter as the nested Java array of its shape (float[] ... float[][][][]), which jhdf writes with that shape. */
    static Object nested(Param p) {
        int[] shape = p.shape();
        Object arr = Array.newInstance(float.class, shape);
        float[] flat = p.value().data;
        fill(arr, shape, 0, flat, new int[] {0});
        return arr;
    }

    private static void fill(Object arr, int[] shape, int dim, float[] flat, int[] at) {
        if (dim == shape.length - 1) {
            float[] row = (float[]) arr;
            System.arraycopy(flat, at[0], row, 0, row.length);
            at[0] += row.length;
            return;
        }
        for (int i = 0; i < shape[dim]; i++) fill(Array.get(arr, i), shape, dim + 1, flat, at);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
