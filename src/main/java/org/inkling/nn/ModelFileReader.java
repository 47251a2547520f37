package org.inkling.nn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.inkling.base.SafeText;
import org.inkling.json.Json;

/** Reads one model file and checks it thoroughly; every problem names the source. */
final class ModelFileReader {
    /**
     * All entries inflated together: room for {@link NetworkBudget#MAX_PARAMETERS} float32 weights
     * and their JSON, and far below the launcher's 1 GB heap, whatever the zip claims.
     */
    static final long MAX_INFLATED_BYTES = 128L << 20;
    /** model.json inflated; Inkling writes a few KB. */
    static final long MAX_JSON_BYTES = 16L << 20;
    /** Entries in the archive (Inkling writes one per weight array plus model.json). */
    static final int MAX_ENTRIES = 1_000;

    private final String source;

    ModelFileReader(String source) {
        this.source = source;
    }

    SavedModel read(InputStream in) throws ModelFileException {
        Map<String, byte[]> entries = unzip(in);
        byte[] jsonBytes = entries.get("model.json");
        if (jsonBytes == null) {
            throw fail(entries.isEmpty() ? "is not an Inkling model file (not a zip archive, or an empty one)"
                    : "is not an Inkling model file (no model.json inside; entries: " + SafeText.excerpt(entries.keySet()) + ")");
        }
        Map<String, Object> json;
        try {
            json = Json.parseObject(new String(jsonBytes, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw fail("model.json is not valid JSON: " + SafeText.excerpt(e.getMessage(), 200));
        }
        if (!"inkling-model".equals(json.get("format"))) {
            throw fail("model.json does not describe an Inkling model (format is " + SafeText.excerpt(json.get("format")) + ")");
        }
        Object version = json.get("format_version");
        if (!(version instanceof Number v) || v.doubleValue() != Math.rint(v.doubleValue())) {
            throw fail("has no valid format_version (got " + SafeText.excerpt(version) + "); it was not written by Inkling or is damaged");
        }
        if (v.doubleValue() > ModelFile.FORMAT_VERSION) {
            throw fail("is format version " + v.longValue() + ", made by a newer Inkling; this Inkling reads versions up to "
                    + ModelFile.FORMAT_VERSION + ": update Inkling to open it");
        }
        if (v.doubleValue() < 1) {
            throw fail("has format version " + v.longValue() + ", which no Inkling ever wrote (versions start at 1)");
        }
        Sequential net = network(json, weightBytes(entries));
        loadWeights(json, net, entries);
        try {
            List<String> names = classNames(json, net.outputSize());
            return new SavedModel(stringOr(json.get("name"), "model"), net, map(json, "recipe"), map(json, "metrics"),
                    names, verdict(json));
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    /**
     * Inflates every entry, counting the bytes as they come (the sizes a zip declares are not
     * trusted), and stops at the first limit passed.
     */
    private Map<String, byte[]> unzip(InputStream in) throws ModelFileException {
        Map<String, byte[]> entries = new HashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            byte[] buf = new byte[1 << 16];
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (entries.size() >= MAX_ENTRIES) throw fail("holds more than " + MAX_ENTRIES + " entries (the limit)");
                String name = e.getName();
                long limit = name.equals("model.json") ? MAX_JSON_BYTES : MAX_INFLATED_BYTES;
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                for (int n; (n = zip.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    total += n;
                    if (out.size() > limit) {
                        throw fail(SafeText.excerpt(name) + " inflates to more than " + SafeText.bytes(limit) + " (the limit)");
                    }
                    if (total > MAX_INFLATED_BYTES) {
                        throw fail("inflates to more than " + SafeText.bytes(MAX_INFLATED_BYTES) + " (the limit for a model file)");
                    }
                }
                if (entries.put(name, out.toByteArray()) != null) throw fail("holds " + SafeText.excerpt(name) + " twice");
            }
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            // ZipInputStream reports a bad entry name encoding as IllegalArgumentException
            throw new ModelFileException(source, "is damaged or truncated (" + SafeText.excerpt(e.getMessage()) + ")", e);
        }
        return entries;
    }

    private static long weightBytes(Map<String, byte[]> entries) {
        long n = 0;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (!e.getKey().equals("model.json")) n += e.getValue().length;
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private Sequential network(Map<String, Object> json, long weightBytes) throws ModelFileException {
        Shape input;
        try {
            input = Shape.of(numbers(json.get("input_shape"), "input_shape"));
        } catch (IllegalArgumentException e) {
            throw fail("bad input_shape: " + SafeText.excerpt(e.getMessage(), 200));
        }
        if (!(json.get("layers") instanceof List<?> configs) || configs.isEmpty()) {
            throw fail("model.json has no \"layers\" list");
        }
        List<Layer> layers = new ArrayList<>();
        List<Map<String, Object>> maps = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            if (!(configs.get(i) instanceof Map<?, ?> c)) throw fail("layer " + (i + 1) + " is not a JSON object");
            try {
                layers.add(Layers.fromConfig((Map<String, Object>) c));
                maps.add((Map<String, Object>) c);
            } catch (IllegalArgumentException e) {
                throw fail("layer " + (i + 1) + ": " + SafeText.excerpt(e.getMessage(), 200));
            }
        }
        // sizes first: the network allocates its weights as it is built
        long params;
        try {
            params = NetworkBudget.check(input, maps);
        } catch (IllegalArgumentException e) {
            throw fail("model.json: " + e.getMessage());
        }
        if (params * 4 > weightBytes) {
            throw fail("model.json describes " + String.format(java.util.Locale.ROOT, "%,d", params) + " parameters ("
                    + SafeText.bytes(params * 4) + ") but the archive holds only " + SafeText.bytes(weightBytes) + " of weights");
        }
        try {
            return new Sequential(input, layers, 0);
        } catch (IllegalArgumentException e) {
            throw fail("the architecture does not fit together: " + SafeText.excerpt(e.getMessage(), 200));
        }
    }

    @SuppressWarnings("unchecked")
    private void loadWeights(Map<String, Object> json, Sequential net, Map<String, byte[]> entries) throws ModelFileException {
        if (!(json.get("weights") instanceof List<?> list)) throw fail("model.json has no \"weights\" list");
        List<Param> params = net.params();
        if (list.size() != params.size()) {
            throw fail("model.json lists " + list.size() + " weight arrays but the architecture has " + params.size());
        }
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (!(list.get(i) instanceof Map<?, ?> raw)) throw fail("weight entry " + (i + 1) + " is not a JSON object");
            Map<String, Object> w = (Map<String, Object>) raw;
            if (!p.name().equals(w.get("name"))) {
                throw fail("weight entry " + (i + 1) + " is " + SafeText.excerpt(w.get("name")) + " but the architecture expects " + p.name());
            }
            int[] shape;
            try {
                shape = numbers(w.get("shape"), "shape").stream().mapToInt(Number::intValue).toArray();
            } catch (IllegalArgumentException e) {
                throw fail(p.name() + ": " + SafeText.excerpt(e.getMessage(), 200));
            }
            if (!Arrays.equals(shape, p.shape())) {
                throw fail(p.name() + " is listed with shape " + Npy.tuple(shape) + " but the architecture needs " + Npy.tuple(p.shape()));
            }
            String file = stringOr(w.get("file"), null);
            byte[] bytes = file == null ? null : entries.get(file);
            if (bytes == null) throw fail(p.name() + ": weight file " + SafeText.excerpt(file) + " is missing from the archive");
            try {
                float[] v = Npy.read(bytes, p.shape(), file);
                System.arraycopy(v, 0, p.value().data, 0, v.length);
            } catch (Npy.NpyException e) {
                throw fail(e.getMessage());
            }
        }
    }

    private List<String> classNames(Map<String, Object> json, int outputs) throws ModelFileException {
        Object v = json.get("class_names");
        if (v == null) return SavedModel.digits(outputs);
        if (!(v instanceof List<?> l) || l.size() != outputs || !l.stream().allMatch(String.class::isInstance)) {
            throw fail("class_names must be a list of " + outputs + " strings, got " + SafeText.excerpt(v));
        }
        return l.stream().map(String.class::cast).toList();
    }

    /** The recorded rule, or null (the plain rule) for files written before rules were recorded. */
    private VerdictRule verdict(Map<String, Object> json) throws ModelFileException {
        if (json.get(VerdictRule.KEY) == null) return null;
        try {
            return VerdictRule.fromMap(map(json, VerdictRule.KEY));
        } catch (IllegalArgumentException e) {
            throw fail("bad \"" + VerdictRule.KEY + "\": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Map<String, Object> json, String key) throws ModelFileException {
        Object v = json.get(key);
        if (v == null) return Map.of();
        if (!(v instanceof Map<?, ?> m)) throw fail("\"" + key + "\" must be a JSON object");
        return (Map<String, Object>) m;
    }

    private static List<Number> numbers(Object v, String what) {
        if (!(v instanceof List<?> l) || l.isEmpty() || !l.stream().allMatch(Number.class::isInstance)) {
            throw new IllegalArgumentException(what + " must be a list of numbers, got " + SafeText.excerpt(v));
        }
        return l.stream().map(Number.class::cast).toList();
    }

    private static String stringOr(Object v, String dflt) {
        return v instanceof String s ? s : dflt;
    }

    private ModelFileException fail(String problem) {
        return new ModelFileException(source, problem);
    }
}
