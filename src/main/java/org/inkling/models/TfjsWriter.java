package org.inkling.models;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inkling.base.AtomicFiles;
import org.inkling.json.Json;
import org.inkling.nn.Layer;
import org.inkling.nn.Param;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Sequential;

/**
 * Writes an Inkling model as a TensorFlow.js Layers model into a folder: {@code model.json}
 * ({@code format: "layers-model"}, a Keras-style {@code modelTopology} whose first layer carries
 * {@code batch_input_shape}, as tfjs' own {@code model.save} writes it) and one weight shard
 * {@code group1-shard1of1.bin} (every weight, float32 little-endian, in manifest order). The shard is
 * written first, so a {@code model.json} never points at a missing one; each file atomically.
 * {@code tf.loadLayersModel} opens the result; its {@code getUserDefinedMetadata()} returns the
 * model's class names and verdict rule ({@link InklingMetadata}).
 */
public final class TfjsWriter {
    public static final String MODEL_JSON = "model.json";
    static final String SHARD = "group1-shard1of1.bin";

    private TfjsWriter() {}

    /** Writes {@code model} into {@code folder} (created if needed). */
    public static void save(SavedModel model, Path folder) throws IOException {
        Sequential net = model.network();
        KerasLayers.requireExportable(net);
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException(folder + ": is a file; a TensorFlow.js model is a folder (model.json and its weights)");
        }
        Files.createDirectories(folder);
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(net.parameterCount() * 4)).order(ByteOrder.LITTLE_ENDIAN);
        List<Object> weights = new ArrayList<>();
        for (Layer l : net.layers()) {
            List<Param> params = l.params();
            for (int i = 0; i < params.size(); i++) {
                Param p = params.get(i);
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("name", l.name() + "/" + (i == 0 ? "kernel" : "bias"));
                w.put("shape", p.shape());
                w.put("dtype", "float32");
                weights.add(w);
                bytes.asFloatBuffer().put(p.value().data, 0, p.size());
                bytes.position(bytes.position() + p.size() * 4);
            }
        }
        AtomicFiles.write(folder.resolve(SHARD), out -> out.write(bytes.array()));
        AtomicFiles.write(folder.resolve(MODEL_JSON), out -> out.write(Json.write(modelJson(model, weights)).getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, Object> modelJson(SavedModel model, List<Object> weights) {
        Sequential net = model.network();
        List<Object> layers = new ArrayList<>();
        for (Layer l : net.layers()) {
            Map<String, Object> c = KerasLayers.config(l);
            if (layers.isEmpty()) c.put("batch_input_shape", KerasLayers.batchShape(net.inputShape()));
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("class_name", KerasLayers.className(l));
            e.put("config", c);
            layers.add(e);
        }
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("name", "sequential");
        cfg.put("layers", layers);
        Map<String, Object> topology = new LinkedHashMap<>();
        topology.put("class_name", "Sequential");
        topology.put("config", cfg);
        topology.put("keras_version", "tfjs-layers 4.22.0");
        topology.put("backend", "tensor_flow.js");
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("paths", List.of(SHARD));
        group.put("weights", weights);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("modelTopology", topology);
        json.put("format", "layers-model");
        json.put("generatedBy", "Inkling (model " + model.name() + ")");
        json.put("convertedBy", null);
        json.put("weightsManifest", List.of(group));
        json.put("userDefinedMetadata", Map.of(InklingMetadata.KEY, InklingMetadata.of(model)));
        return json;
    }
}
