package org.inkling.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.inkling.base.Inputs;
import org.inkling.base.SafeText;
import org.inkling.nn.ModelFile;
import org.inkling.nn.ModelFileException;
import org.inkling.nn.SavedModel;

/**
 * The one way to open a model, whatever made it: every front end ({@code --model}, the app's Open,
 * the file association) comes here, and so does the built-in model that ships inside Inkling.
 *
 * <p>The format is told by content, not by name: a zip holding {@code model.json} is an Inkling
 * model; a zip holding {@code config.json} a Keras 3 {@code .keras}; an HDF5 file a Keras
 * {@code .h5}; a JSON object with {@code modelTopology} a TensorFlow.js Layers model (its weight
 * shards beside it). An imported model's recipe says where it came from ({@code imported_from},
 * {@code format}, {@code file}, {@code keras_version} ...); see {@link #importedFrom}.
 */
public final class Models {
    /** Class-path location of the model that ships with Inkling. */
    public static final String BUILT_IN_RESOURCE = "/models/inkling-default.inkling";
    /** The name the built-in model is shown by. */
    public static final String BUILT_IN_NAME = "inkling-default";
    /** A model file of any format may be this large; each reader has its own limits inside. */
    public static final long MAX_FILE_BYTES = 512L << 20;

    private Models() {}

    /** Opens a model file of any format Inkling reads, checking everything in it; the exception names the file and the problem. */
    public static SavedModel open(Path file) throws ModelFileException {
        String source = file.toString();
        byte[] head = new byte[4096];
        int n;
        // a folder, a pipe (whose read would wait forever) or a device is refused before opening
        try (InputStream in = Inputs.open(file, MAX_FILE_BYTES, "a model file")) {
            n = in.readNBytes(head, 0, head.length);
        } catch (Inputs.InputException e) {
            throw new ModelFileException(source, e.getCause() instanceof java.nio.file.NoSuchFileException ? "does not exist" : e.problem(), e);
        } catch (IOException e) {
            throw new ModelFileException(source, "cannot be read (" + SafeText.excerpt(e.getMessage()) + ")", e);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            Set<String> names = zipEntries(file);
            if (names.contains("model.json")) return ModelFile.load(file);
            if (names.contains("config.json")) return ModelFile.requireFiniteOutputs(source, KerasZipReader.read(file));
            throw new ModelFileException(source, "is a zip but neither an Inkling model (model.json) nor a Keras .keras file (config.json); it holds "
                    + SafeText.excerpt(names.size() > 8 ? names.stream().sorted().limit(8).toList() + " ..." : String.valueOf(names.stream().sorted().toList()), 200));
        }
        if (Hdf5.isHdf5(head, n)) return ModelFile.requireFiniteOutputs(source, KerasH5Reader.read(file));
        int i = 0;
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) i = 3;   // UTF-8 BOM
        while (i < n && Character.isWhitespace(head[i])) i++;
        if (i < n && head[i] == '{') return ModelFile.requireFiniteOutputs(source, TfjsReader.read(file));
        throw new ModelFileException(source, n == 0 ? "is empty"
                : "is not a model file Inkling knows (an .inkling model, a Keras .h5 or .keras file, or a TensorFlow.js model.json)");
    }

    /** The origin an imported model's recipe records ({@code "keras"}, {@code "tensorflow.js"}), or null for Inkling's own. */
    public static String importedFrom(SavedModel model) {
        return model.recipe().get("imported_from") instanceof String s ? s : null;
    }

    /** The file name without its extension, a model's name when the file has none. */
    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static Set<String> zipEntries(Path file) throws ModelFileException {
        Set<String> names = new HashSet<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> e = zip.entries();
            while (e.hasMoreElements()) {
                names.add(e.nextElement().getName());
                if (names.size() > 100_000) throw new ModelFileException(file.toString(), "is a zip with more than 100,000 entries");
            }
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFileException(file.toString(), "is damaged or truncated (" + SafeText.excerpt(e.getMessage()) + ")", e);
        }
        return names;
    }

    /**
     * The model that ships with Inkling.
     *
     * @throws ModelFileException when this build ships none or it cannot be read (a broken build)
     */
    public static SavedModel builtIn() throws ModelFileException {
        try (InputStream in = Models.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new ModelFileException("built-in model " + BUILT_IN_RESOURCE,
                        "is missing from this build; give a model file instead");
            }
            return ModelFile.load(in, "built-in model " + BUILT_IN_RESOURCE);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFileException("built-in model " + BUILT_IN_RESOURCE, "cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
