package org.inkling.app.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Where models come from and go to: the shipped model, model files, and a fresh network. */
public interface ModelStore {
    /** The model that ships with Inkling, if this build has one. */
    Optional<ModelHandle> shipped() throws IOException;

    /** An untrained network of the default architecture, for when nothing else is available. */
    ModelHandle untrained();

    /** Reads a model file; the exception message names the file and what is wrong with it. */
    ModelHandle open(Path file) throws IOException;

    /** Writes a model file atomically (a failed save leaves an existing file untouched). */
    void save(ModelHandle model, Path file) throws IOException;
}
