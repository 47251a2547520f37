package org.inkling.app.model;


import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
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

    private static final ShippedSource CLASS_PATH = () -> EngineModelStore.class.getResourceAsStream(Models.BUILT_IN_RESOURCE);
    /** The shipped model being read while the toolkit starts, for the first {@link #shipped()} to take. */
    private static final AtomicReference<CompletableFuture<Optional<SavedModel>>> early = new AtomicReference<>();

    private final ShippedSource shippedSource;

    public EngineModelStore() {
        this(CLASS_PATH);
    }

    public EngineModelStore(ShippedSource shippedSource) {
        this.shippedSource = shippedSource;
    }

    /**
     * Starts reading the shipped model on a background thread: the app calls it before the toolkit
     * starts, so the model is read on the second core while the first brings up the window.
     */
    public static void startReadingShipped() {
        early.set(CompletableFuture.supplyAsync(() -> {
            try {
                return read(CLASS_PATH);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }));
    }

    @Override
    public Optional<ModelHandle> shipped() throws IOException {
        CompletableFuture<Optional<SavedModel>> started = shippedSource == CLASS_PATH ? early.getAndSet(null) : null;
        Optional<SavedModel> saved;
        if (started != null) {
            try {
                saved = started.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof IOException io) throw io;
                throw e;
            }
        } else {
            saved = read(shippedSource);
        }
        return saved.map(m -> fromSaved(m, Models.BUILT_IN_NAME));
    }

    private static Optional<SavedModel> read(ShippedSource source) throws IOException {
        try (InputStream in = source.open()) {
            if (in == null) {
                return Optional.empty();
            }
            // The jar's own model is probed after the first frame (InklingWindow), not while the window comes up.
            return Optional.of(source == CLASS_PATH ? ModelFile.loadShipped(in, "built-in model") : ModelFile.load(in, "built-in model"));
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
