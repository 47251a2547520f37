package org.inkling.models;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inkling.base.SafeText;
import org.inkling.json.Json;
import org.inkling.nn.ModelFileException;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Sequential;

/**
 * Keras' legacy HDF5 model file, {@code model.save("x.h5")} (Keras 2, and Keras 3's legacy writer),
 * read as Keras' own {@code legacy_h5_format.load_model_from_hdf5} reads it: the root attribute
 * {@code model_config} (JSON) gives the layers; group {@code model_weights} has attribute
 * {@code layer_names}, each layer group an attribute {@code weight_names} naming its datasets in
 * order; the layers that have weights are matched to the model's layers with weights by position.
 * Optimiser state ({@code optimizer_weights}) is not needed to predict and is left alone.
 */
final class KerasH5Reader {
    private KerasH5Reader() {}

    static SavedModel read(Path file) throws ModelFileException {
        String source = file.toString();
        return Hdf5.read(file, source, h -> read(h, source, file.getFileName().toString()));
    }

    static SavedModel read(HdfFile h, String source, String fileName) throws ModelFileException {
        Hdf5 io = new Hdf5(source);
        String config = io.string(h, "model_config");
        if (config == null) {
            boolean weightsOnly = h.getAttribute("layer_names") != null || h.getChildren().containsKey("model_weights");
            throw io.fail(weightsOnly
                    ? "holds Keras weights only (model.save_weights), not a model; save the whole model with model.save(\"model.h5\") or .keras"
                    : "is an HDF5 file but not a Keras model (it has no model_config attribute)");
        }
        Map<String, Object> modelConfig;
        try {
            modelConfig = Json.parseObject(config);
        } catch (RuntimeException e) {
            throw io.fail("model_config is not valid JSON: " + SafeText.excerpt(e.getMessage(), 300));
        }
        KerasConfig.Plan plan = KerasConfig.parse(modelConfig, source);

        Group weights = Hdf5.group(h, "model_weights");
        if (weights == null) throw io.fail("has a model_config but no model_weights group: the model was saved without its weights");
        List<String> layerNames = io.strings(weights, "layer_names");
        if (layerNames == null) throw io.fail("model_weights has no layer_names attribute");

        // Keras' load_weights_from_hdf5_group: the file's layers with weights, in order
        List<String> withWeights = new ArrayList<>();
        List<List<String>> weightNames = new ArrayList<>();
        for (String layer : layerNames) {
            Group g = Hdf5.group(weights, layer);
            if (g == null) throw io.fail("model_weights lists layer " + layer + " but has no group for it");
            List<String> names = io.strings(g, "weight_names");
            if (names == null) throw io.fail("layer group " + layer + " has no weight_names attribute");
            if (!names.isEmpty()) {
                withWeights.add(layer);
                weightNames.add(names);
            }
        }
        List<KerasConfig.WeightedLayer> wanted = plan.weighted();
        if (withWeights.size() != wanted.size()) {
            throw io.fail("holds weights for " + withWeights.size() + " layers " + withWeights + " but its model_config has "
                    + wanted.size() + " layers with weights");
        }
        List<float[][]> arrays = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            KerasConfig.WeightedLayer w = wanted.get(i);
            Group g = Hdf5.group(weights, withWeights.get(i));
            List<String> names = weightNames.get(i);
            if (names.size() != w.arrays()) {
                throw io.fail("layer " + withWeights.get(i) + " holds " + names.size() + " weight arrays " + names + " but " + w.kerasClass()
                        + " '" + w.kerasName() + "' needs " + w.arrays() + (w.hasBias() ? " (kernel, bias)" : " (kernel)"));
            }
            float[] kernel = io.floats(node(g, names.get(0)), w.kernelShape(), "weight " + withWeights.get(i) + "/" + names.get(0));
            float[] bias = w.hasBias() ? io.floats(node(g, names.get(1)), w.biasShape(), "weight " + withWeights.get(i) + "/" + names.get(1)) : null;
            arrays.add(new float[][] {kernel, bias});
        }
        Sequential net = KerasConfig.network(plan, arrays);

        Map<String, Object> extra = new LinkedHashMap<>();
        String version = io.string(h, "keras_version");
        String backend = io.string(h, "backend");
        if (version != null) extra.put("keras_version", version);
        if (backend != null) extra.put("backend", backend);
        training(io.string(h, "training_config"), extra);
        // Inkling writes no .h5, so no file of this kind says its eleventh output is "not a digit"
        return InklingMetadata.apply(new SavedModel(Models.stem(fileName), net, KerasConfig.recipe("keras", "keras-h5", fileName, plan, extra),
                Map.of(), null), null, source);
    }

    /** The optimiser and loss Keras compiled with, when the file says (shown, not used). */
    static void training(String trainingConfig, Map<String, Object> extra) {
        if (trainingConfig == null) return;
        try {
            Map<String, Object> t = Json.parseObject(trainingConfig);
            if (t.get("loss") instanceof String loss) extra.put("keras_loss", loss);
            if (t.get("optimizer_config") instanceof Map<?, ?> o && o.get("class_name") instanceof String opt) extra.put("keras_optimizer", opt);
        } catch (RuntimeException ignored) {
            // only informative: a model predicts the same without it
        }
    }

    private static Node node(Group g, String path) {
        try {
            return g.getByPath(path);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
