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
import org.inkling.json.Json;

/** Reads one model file and checks it thoroughly; every problem names the source. */
final class ModelFileReader {
    /** Larger than any model Inkling trains; stops a hostile zip from filling memory. */
    private static final long MAX_ENTRY_BYTES = 512L << 20;

    private final String source;

    ModelFileReader(String source) {
        this.source = source;
    }

    SavedModel read(InputStream in) throws ModelFileException {
        Map<String, byte[]> entries = unzip(in);
        byte[] jsonBytes = entries.get("model.json");
        if (jsonBytes == null) {
            throw fail(entries.isEmpty() ? "is not an Inkling model file (not a zip archive, or an empty one)"
                    : "is not an Inkling model file (no model.json inside; entries: " + entries.keySet() + ")");
        }
        Map<String, Object> json;
        try {
            json = Json.parseObject(new String(jsonBytes, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw fail("model.json is not valid JSON: " + e.getMessage());
        }
        if (!"inkling-model".equals(json.get("format"))) {
            throw fail("model.json does not describe an Inkling model (format is " + json.get("format") + ")");
        }
        Object version = json.get("format_version");
        if (!(version instanceof Number v) || v.doubleValue() != Math.rint(v.doubleValue())) {
            throw fail("has no valid format_version (got " + version + "); it was not written by Inkling or is damaged");
        }
        if (v.doubleValue() > ModelFile.FORMAT_VERSION) {
            throw fail("is format version " + v.longValue() + ", made by a newer Inkling; this Inkling reads versions up to "
                    + ModelFile.FORMAT_VERSION + ": update Inkling to open it");
        }
        if (v.doubleValue() < 1) {
            throw fail("has format version " + v.longValue() + ", which no Inkling ever wrote (versions start at 1)");
        }
        Sequential net = network(json);
        loadWeights(json, net, entries);
        try {
            return new SavedModel(stringOr(json.get("name"), "model"), net, map(json, "recipe"), map(json, "metrics"),
                    classNames(json, net.outputSize()));
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    private Map<String, byte[]> unzip(InputStream in) throws ModelFileException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            byte[] buf = new byte[1 << 16];
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                for (int n; (n = zip.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    if (out.size() > MAX_ENTRY_BYTES) throw fail(e.getName() + " is larger than " + (MAX_ENTRY_BYTES >> 20) + " MB");
                }
                if (entries.put(e.getName(), out.toByteArray()) != null) throw fail("holds " + e.getName() + " twice");
            }
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFileException(source, "is damaged or truncated (" + e.getMessage() + ")", e);
        }
        return entries;
    }

    @SuppressWarnings("unchecked")
    private Sequential network(Map<String, Object> json) throws ModelFileException {
        Shape input;
        try {
            input = Shape.of(numbers(json.get("input_shape"), "input_shape"));
        } catch (IllegalArgumentException e) {
            throw fail("bad input_shape: " + e.getMessage());
        }
        if (!(json.get("layers") instanceof List<?> configs) || configs.isEmpty()) {
            throw fail("model.json has no \"layers\" list");
        }
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            if (!(configs.get(i) instanceof Map<?, ?> c)) throw fail("layer " + (i + 1) + " is not a JSON object");
            try {
                layers.add(Layers.fromConfig((Map<String, Object>) c));
            } catch (IllegalArgumentException e) {
                throw fail("layer " + (i + 1) + ": " + e.getMessage());
            }
        }
        try {
            return new Sequential(input, layers, 0);
        } catch (IllegalArgumentException e) {
            throw fail("the architecture does not fit together: " + e.getMessage());
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
                throw fail("weight entry " + (i + 1) + " is " + w.get("name") + " but the architecture expects " + p.name());
            }
            int[] shape;
            try {
                shape = numbers(w.get("shape"), "shape").stream().mapToInt(Number::intValue).toArray();
            } catch (IllegalArgumentException e) {
                throw fail(p.name() + ": " + e.getMessage());
            }
            if (!Arrays.equals(shape, p.shape())) {
                throw fail(p.name() + " is listed with shape " + Npy.tuple(shape) + " but the architecture needs " + Npy.tuple(p.shape()));
            }
            String file = stringOr(w.get("file"), null);
            byte[] bytes = file == null ? null : entries.get(file);
            if (bytes == null) throw fail(p.name() + ": weight file " + file + " is missing from the archive");
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
            throw fail("class_names must be a list of " + outputs + " strings, got " + v);
        }
        return l.stream().map(String.class::cast).toList();
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
            throw new IllegalArgumentException(what + " must be a list of numbers, got " + v);
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
