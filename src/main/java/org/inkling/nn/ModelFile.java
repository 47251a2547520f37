package org.inkling.nn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.inkling.base.AtomicFiles;
import org.inkling.base.Inputs;
import org.inkling.base.SafeText;
import org.inkling.json.Json;

/**
 * Inkling model files ({@code .inkling}): a zip holding {@code model.json} and one NumPy
 * {@code .npy} file per weight array, so Python can read the weights too
 * ({@code numpy.load("weights/dense.kernel.npy")} after unzipping, or
 * {@code numpy.load("m.inkling")["weights/dense.kernel"]} directly, as an npz).
 *
 * <p>{@code model.json}, format version 1:
 * <pre>{@code
 * {"format": "inkling-model", "format_version": 1, "name": "...",
 *  "input_shape": [784],                       // or [28, 28, 1]
 *  "layers": [{"type": "dense", "name": "dense", "units": 512, "activation": "relu", ...}, ...],
 *  "recipe": {...}, "metrics": {...}, "class_names": ["0", ..., "9"],   // or ten digits and "not a digit"
 *  "verdict": {"temperature": 1.2, "accept_at": 0.9, "reject_at": 0.5, "reject_class": 10},  // optional
 *  "weights": [{"name": "dense/kernel", "shape": [784, 512], "file": "weights/dense.kernel.npy"}, ...]}
 * }</pre>
 */
public final class ModelFile {
    public static final String EXTENSION = ".inkling";
    public static final int FORMAT_VERSION = 1;
    /** A save takes seconds; a temporary file this old beside the target was left by a killed one. */
    public static final java.time.Duration STALE_TEMPORARY_AGE = java.time.Duration.ofMinutes(10);

    /** The file's name without the extension: the name a model is shown by when its file names none. */
    public static String baseName(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "model" : name.toString();
        return n.endsWith(EXTENSION) ? n.substring(0, n.length() - EXTENSION.length()) : n;
    }

    private ModelFile() {}

    /**
     * Writes {@code model} to {@code path} atomically: a temporary file in the same directory is
     * written, forced to disk and renamed over the target, so readers see the old file or the new
     * one, never a part. On failure the temporary file is deleted and any old file is left as it was.
     * Temporary files that earlier saves killed mid-write left beside it (older than
     * {@link #STALE_TEMPORARY_AGE}) are removed first.
     */
    public static void save(Path path, SavedModel model) throws IOException {
        AtomicFiles.deleteStale(path, STALE_TEMPORARY_AGE);
        try {
            AtomicFiles.write(path, out -> write(model, out));
        } catch (RuntimeException e) {
            throw new IOException(path + ": could not save the model: " + e.getMessage(), e);
        }
    }

    /** Writes the zip to a stream (not atomic; {@link #save} is). */
    public static void write(SavedModel model, OutputStream out) throws IOException {
        Sequential net = model.network();
        ZipOutputStream zip = new ZipOutputStream(out);
        List<Object> layers = new ArrayList<>();
        for (Layer l : net.layers()) {
            Map<String, Object> c = new LinkedHashMap<>(l.config());
            c.put("name", l.name());
            layers.add(c);
        }
        List<Object> weights = new ArrayList<>();
        for (Param p : net.params()) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("name", p.name());
            w.put("shape", p.shape());
            w.put("file", entryName(p));
            weights.add(w);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", "inkling-model");
        json.put("format_version", FORMAT_VERSION);
        json.put("name", model.name());
        json.put("input_shape", net.inputShape().toList());
        json.put("layers", layers);
        json.put("recipe", model.recipe());
        json.put("metrics", model.metrics());
        json.put("class_names", model.classNames());
        json.put(VerdictRule.KEY, model.verdict().toMap());
        json.put("weights", weights);
        put(zip, "model.json", Json.writePretty(json).getBytes(StandardCharsets.UTF_8));
        for (Param p : net.params()) {
            put(zip, entryName(p), Npy.write(p.shape(), p.value().data, p.size()));
        }
        zip.finish();
    }

    private static String entryName(Param p) {
        return "weights/" + p.name().replace('/', '.') + ".npy";
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** A model file on disk may be this large (zipped); see {@code ModelFileReader} for the limits inside. */
    public static final long MAX_FILE_BYTES = 128L << 20;

    /** Reads and checks a model file; only a regular file is opened (a folder or a pipe is refused). */
    public static SavedModel load(Path path) throws ModelFileException {
        InputStream opened;
        try {
            opened = Inputs.open(path, MAX_FILE_BYTES, "a model file");
        } catch (Inputs.InputException e) {
            throw new ModelFileException(path.toString(), e.problem(), e);
        }
        try (InputStream in = opened) {
            return load(in, path.toString());
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFileException(path.toString(), "cannot be read (" + SafeText.excerpt(e.toString()) + ")", e);
        }
    }

    /**
     * Reads and checks a model from a stream (e.g. a classpath resource); {@code sourceName} names
     * it in error messages. Checks the zip structure, the JSON, the format version, every layer,
     * every weight's shape against the architecture, each .npy header and byte length, and that
     * every value is finite.
     */
    public static SavedModel load(InputStream in, String sourceName) throws ModelFileException {
        return requireFiniteOutputs(sourceName, new ModelFileReader(sourceName).read(in));
    }

    /**
     * As {@link #load(InputStream, String)} without the probe of {@link #requireFiniteOutputs}: for
     * the model shipped inside the application's own jar only, which is no outside input (every
     * other check still runs). Its outputs are probed at build time ({@code ShippedModelTest}), and
     * the app probes it again after its first frame, as the warm-up of the reading path: two cold
     * forward passes of the shipped network cost 100-200 ms of CPU on the second core while the
     * window is coming up.
     */
    public static SavedModel loadShipped(InputStream in, String sourceName) throws ModelFileException {
        return new ModelFileReader(sourceName).read(in);
    }

    /**
     * Refuses a model whose network answers NaN or infinity to a blank or a fully inked input. Every
     * weight being finite is not enough: weights near float's limit (a damaged or hostile file) overflow
     * in the products, and a network that answers NaN would show empty bars and a verdict of nothing
     * while looking loaded. The two inputs bound what a drawing gives (pixels in 0..1) at both ends.
     */
    public static SavedModel requireFiniteOutputs(String sourceName, SavedModel model) throws ModelFileException {
        Sequential network = model.network();
        float[] input = new float[network.inputSize()];
        for (int probe = 0; probe < 2; probe++) {
            java.util.Arrays.fill(input, probe);
            for (float v : network.predict(input)) {
                if (!Float.isFinite(v)) {
                    throw new ModelFileException(sourceName, "has weights too large for float arithmetic: its network answers "
                            + v + " to a " + (probe == 0 ? "blank" : "fully inked") + " input");
                }
            }
        }
        return model;
    }

    static byte[] toBytes(SavedModel m) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        write(m, b);
        return b.toByteArray();
    }
}
