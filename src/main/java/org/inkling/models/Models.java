package org.inkling.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.inkling.nn.ModelFile;
import org.inkling.nn.ModelFileException;
import org.inkling.nn.SavedModel;

/**
 * The one way to open a model, whatever made it: every front end ({@code --model}, the app's Open,
 * the file association) comes here, and so does the built-in model that ships inside Inkling.
 */
public final class Models {
    /** Class-path location of the model that ships with Inkling. */
    public static final String BUILT_IN_RESOURCE = "/models/inkling-default.inkling";
    /** The name the built-in model is shown by. */
    public static final String BUILT_IN_NAME = "inkling-default";

    private Models() {}

    /** Opens a model file, checking everything in it; the exception names the file and the problem. */
    public static SavedModel open(Path file) throws ModelFileException {
        return ModelFile.load(file);
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
