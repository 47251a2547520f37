package org.inkling.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inkling.base.Inputs;
import org.inkling.base.SafeText;
import org.inkling.json.Json;
import org.inkling.nn.ModelFileException;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Sequential;

/**
 * TensorFlow.js Layers models ({@code model.json} with the weight shards beside it), as
 * {@code model.save("file://...")} in tfjs and {@code tensorflowjs_converter} write them:
 * {@code modelTopology} is a Keras model config (or {@code {"model_config": ...}} from the
 * converter); {@code weightsManifest} is a list of groups, each with {@code paths} (shard files,
 * concatenated) and {@code weights} ({@code name}, {@code shape}, {@code dtype}) stored in that order
 * as little-endian float32. Weights are matched to layers by name ({@code <layer>/kernel},
 * {@code <layer>/bias}), else in order.
 */
final class TfjsReader {
    static final long MAX_JSON_BYTES = 64L << 20;
    static final long MAX_WEIGHT_BYTES = 512L << 20;
    /** Shards per weight group; tfjs writes 4 MB shards, so 512 MB of weights take 128. */
    static final int MAX_SHARDS = 1024;

    private TfjsReader() {}

    private record Entry(String name, int[] shape, ByteBuffer bytes, int offset) {}

    static SavedModel read(Path file) throws ModelFileException {
        String source = file.toString();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_JSON_BYTES) throw new ModelFileException(source, "is larger than " + (MAX_JSON_BYTES >> 20) + " MB");
            bytes = Files.readAllBytes(file);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFileException(source, "cannot be read (" + SafeText.excerpt(e.getMessage()) + ")", e);
        }
        Map<String, Object> json;
        try {
            json = Json.parseObject(new String(bytes, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new ModelFileException(source, "is not valid JSON: " + SafeText.excerpt(e.getMessage(), 300));
        }
        return read(json, file, source);
    }

    private static SavedModel read(Map<String, Object> json, Path file, String source) throws ModelFileException {
        Object format = json.get("format");
        if ("graph-model".equals(format)) {
            throw new ModelFileException(source, "is a TensorFlow.js graph model (converted from a SavedModel); Inkling opens Layers models "
                    + "(tf.LayersModel.save, or tensorflowjs_converter --output_format tfjs_layers_model)");
        }
        if (!(json.get("modelTopology") instanceof Map<?, ?> topo)) {
            throw new ModelFileException(source, "is JSON but not a TensorFlow.js model (no modelTopology)");
        }
        Map<String, Object> topology = KerasConfig.cast(topo);
        Map<String, Object> modelConfig = topology.get("model_config") instanceof Map<?, ?> mc ? KerasConfig.cast(mc) : topology;
        KerasConfig.Plan plan = KerasConfig.parse(modelConfig, source);

        if (!(json.get("weightsManifest") instanceof List<?> manifest)) throw new ModelFileException(source, "has no weightsManifest");
        Path dir = file.toAbsolutePath().getParent();
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        for (Object g : manifest) {
            if (!(g instanceof Map<?, ?> group) || !(group.get("paths") instanceof List<?> paths) || !(group.get("weights") instanceof List<?> ws)) {
                throw new ModelFileException(source, "has a weightsManifest group without paths and weights");
            }
            long groupBytes = 0;
            List<Object[]> specs = new ArrayList<>();
            for (Object o : ws) {
                if (!(o instanceof Map<?, ?> w) || !(w.get("name") instanceof String name) || !(w.get("shape") instanceof List<?> shapeList)) {
                    throw new ModelFileException(source, "has a weight entry without name and shape: " + SafeText.excerpt(o));
                }
                if (w.get("quantization") != null) throw new ModelFileException(source, "weight " + SafeText.excerpt(name) + " is quantized; Inkling reads float32 weights");
                Object dtype = w.get("dtype");
                if (dtype != null && !"float32".equals(dtype)) {
                    throw new ModelFileException(source, "weight " + SafeText.excerpt(name) + " is " + SafeText.excerpt(dtype) + "; Inkling reads float32 weights");
                }
                int[] shape = new int[shapeList.size()];
                long n = 1;
                for (int i = 0; i < shape.length; i++) {
                    if (!(shapeList.get(i) instanceof Number d) || d.longValue() < 0 || d.longValue() > Integer.MAX_VALUE) {
                        throw new ModelFileException(source, "weight " + SafeText.excerpt(name) + " has a bad shape " + SafeText.excerpt(shapeList));
                    }
                    shape[i] = d.intValue();
                    n *= shape[i];
                    if (n > MAX_WEIGHT_BYTES) throw new ModelFileException(source, "weight " + SafeText.excerpt(name) + " is larger than Inkling opens");
                }
                specs.add(new Object[] {name, shape, groupBytes});
                groupBytes += n * 4;
            }
            total += groupBytes;
            if (total > MAX_WEIGHT_BYTES) throw new ModelFileException(source, "lists more than " + (MAX_WEIGHT_BYTES >> 20) + " MB of weights");
            ByteBuffer buffer = shards(dir, paths, groupBytes, source);
            for (Object[] s : specs) entries.add(new Entry((String) s[0], (int[]) s[1], buffer, (int) (long) (Long) s[2]));
        }

        List<float[][]> arrays = match(plan, entries, source);
        Sequential net = KerasConfig.network(plan, arrays);
        Map<String, Object> extra = new LinkedHashMap<>();
        Object version = topology.get("keras_version");
        if (version instanceof String v) extra.put("keras_version", v);
        if (json.get("generatedBy") instanceof String g) extra.put("generated_by", g);
        if (json.get("convertedBy") instanceof String c) extra.put("converted_by", c);
        String fileName = file.getFileName().toString();
        String name = fileName.equals("model.json") && dir != null && dir.getFileName() != null ? dir.getFileName().toString() : Models.stem(fileName);
        SavedModel model = new SavedModel(name, net, KerasConfig.recipe("tensorflow.js", "tfjs-layers", fileName, plan, extra), Map.of(), null);
        Object user = json.get("userDefinedMetadata");
        if (user != null && !(user instanceof Map<?, ?>)) throw new ModelFileException(source, "\"userDefinedMetadata\" must be a JSON object");
        return InklingMetadata.apply(model, user == null ? null : ((Map<?, ?>) user).get(InklingMetadata.KEY), source);
    }

    /**
     * The group's shard files, concatenated; each must be a regular file beside model.json (a pipe
     * would block the read) and their sizes must add up to what the manifest lists, which is checked
     * before anything is allocated.
     */
    private static ByteBuffer shards(Path dir, List<?> paths, long expected, String source) throws ModelFileException {
        if (paths.size() > MAX_SHARDS) throw new ModelFileException(source, "lists " + paths.size() + " weight shards in a group; Inkling reads at most " + MAX_SHARDS);
        List<Path> files = new ArrayList<>();
        long size = 0;
        for (Object p : paths) {
            if (!(p instanceof String name) || name.isEmpty()) {
                throw new ModelFileException(source, "has a weight shard path that is not a file name: " + SafeText.excerpt(p));
            }
            Path shard;
            try {
                shard = dir.resolve(name).normalize();
            } catch (InvalidPathException e) {
                throw new ModelFileException(source, "names weight shard '" + SafeText.excerpt(name) + "', which is not a file name");
            }
            if (!shard.startsWith(dir) || name.contains("\\")) {
                throw new ModelFileException(source, "names weight shard '" + SafeText.excerpt(name) + "' outside its folder; Inkling reads shards beside model.json only");
            }
            try {
                size += Inputs.checkRegularFile(shard, MAX_WEIGHT_BYTES, "a weight shard");
            } catch (Inputs.InputException e) {
                String problem = e.getCause() instanceof java.nio.file.NoSuchFileException ? "is missing (expected at " + SafeText.excerpt(shard.toString(), 300) + ")"
                        : e.problem();
                throw new ModelFileException(source, "weight shard " + SafeText.excerpt(name) + " " + problem, e);
            }
            if (size > expected) {
                throw new ModelFileException(source, "weight shards hold more bytes than the " + expected + " its weightsManifest lists (at "
                        + SafeText.excerpt(name) + ")");
            }
            files.add(shard);
        }
        if (size != expected) {
            throw new ModelFileException(source, "weight shards hold " + size + " bytes but its weightsManifest lists " + expected);
        }
        byte[] all = new byte[(int) expected];
        int at = 0;
        for (Path shard : files) {
            try (InputStream in = Inputs.open(shard, MAX_WEIGHT_BYTES, "a weight shard")) {
                for (int n; at < all.length && (n = in.readNBytes(all, at, all.length - at)) > 0; ) at += n;
            } catch (IOException e) {
                throw new ModelFileException(source, "weight shard " + SafeText.excerpt(shard.getFileName()) + " cannot be read ("
                        + SafeText.excerpt(e.getMessage()) + ")", e);
            }
        }
        if (at != expected) throw new ModelFileException(source, "weight shards changed while they were read");
        return ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static List<float[][]> match(KerasConfig.Plan plan, List<Entry> entries, String source) throws ModelFileException {
        Map<String, Entry> byName = new HashMap<>();
        for (Entry e : entries) byName.put(e.name(), e);
        boolean named = plan.weighted().stream().allMatch(w -> byName.containsKey(w.kerasName() + "/kernel")
                && (!w.hasBias() || byName.containsKey(w.kerasName() + "/bias")));
        int expected = plan.weighted().stream().mapToInt(KerasConfig.WeightedLayer::arrays).sum();
        if (entries.size() != expected) {
            throw new ModelFileException(source, "lists " + entries.size() + " weight arrays but its layers need " + expected);
        }
        List<float[][]> arrays = new ArrayList<>();
        int next = 0;
        for (KerasConfig.WeightedLayer w : plan.weighted()) {
            Entry k = named ? byName.get(w.kerasName() + "/kernel") : entries.get(next++);
            Entry b = !w.hasBias() ? null : named ? byName.get(w.kerasName() + "/bias") : entries.get(next++);
            arrays.add(new float[][] {values(k, w.kernelShape(), source), b == null ? null : values(b, w.biasShape(), source)});
        }
        return arrays;
    }

    private static float[] values(Entry e, int[] shape, String source) throws ModelFileException {
        if (!java.util.Arrays.equals(e.shape(), shape)) {
            throw new ModelFileException(source, "weight " + e.name() + " has shape " + KerasConfig.tuple(e.shape())
                    + " but the model's topology needs " + KerasConfig.tuple(shape));
        }
        int n = 1;
        for (int d : shape) n *= d;
        float[] v = new float[n];
        e.bytes().slice(e.offset(), n * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(v[i])) throw new ModelFileException(source, "weight " + e.name() + " holds a non-finite value at index " + i);
        }
        return v;
    }
}
