package org.inkling.app.model;


import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.inkling.models.Models;
import org.inkling.nn.Activation;
import org.inkling.nn.ModelFile;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Sequential;

/** Model files through the engine's {@link ModelFile}; the shipped model from the class path. */
public final class EngineModelStore implements ModelStore {
    /** Opens the shipped model's bytes, or returns null when this build ships none. */
    @FunctionalInterface
    public interface ShippedSource {
        InputStream open() throws IOException;
    }

    private final ShippedSource shippedSource;

    public EngineModelStore() {
        this(() -> EngineModelStore.class.getResourceAsStream(Models.BUILT_IN_RESOURCE));
    }

    public EngineModelStore(ShippedSource shippedSource) {
        this.shippedSource = shippedSource;
    }

    @Override
    public Optional<ModelHandle> shipped() throws IOException {
        try (InputStream in = shippedSource.open()) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(fromSaved(ModelFile.load(in, "built-in model"), Models.BUILT_IN_NAME));
        }
    }

    @Override
    public ModelHandle untrained() {
        Sequential network = Sequential.mlp(Classifier.INPUT_SIZE, new int[] {512}, Activation.RELU,
                Classifier.CLASSES, 1);
        return new EngineModel(network, "new network", Map.of("architecture", "512"), Map.of(), false);
    }

    @Override
    public ModelHandle open(Path file) throws IOException {
        String fallback = ModelFile.baseName(file);
        SavedModel saved = Models.open(file);
        try {
            return fromSaved(saved, fallback);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(ModelHandle model, Path file) throws IOException {
        if (!(model instanceof EngineModel m)) {
            throw new IllegalArgumentException("not an engine model: " + model);
        }
        ModelFile.save(file, m.saved());
    }

    private static EngineModel fromSaved(SavedModel saved, String fallbackName) {
        int outputs = saved.network().outputSize();
        boolean rejects = saved.verdict().rejectClass() == Classifier.CLASSES;
        if (saved.network().inputSize() != Classifier.INPUT_SIZE || outputs != Classifier.CLASSES + (rejects ? 1 : 0)) {
            throw new IllegalArgumentException("the network reads " + saved.network().inputSize() + " inputs into "
                    + outputs + " classes; Inkling needs 784 (28x28) into 10 digits (and \"not a digit\")");
        }
        String name = saved.name() == null || saved.name().isBlank() ? fallbackName : saved.name();
        return new EngineModel(saved.network(), name, saved.recipe(), saved.metrics(), true, saved.classNames(), saved.verdict());
    }
}
