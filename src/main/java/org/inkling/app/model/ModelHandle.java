package org.inkling.app.model;

import java.util.Map;
import java.util.OptionalDouble;

/** A network the app holds: something to classify with, and what the status bar says about it. */
public interface ModelHandle {
    String name();

    /** Layer sizes as a person reads them, e.g. {@code 784-512-10}. */
    String architecture();

    long parameterCount();

    /** Accuracy on the MNIST test set, when known. */
    OptionalDouble testAccuracy();

    /** Whether the network was ever trained (the untrained fallback is not). */
    boolean trained();

    /** A classifier for the FX thread; each call may return the same instance. */
    Classifier classifier();

    /**
     * The tool the network was imported from ({@code "Keras"}, {@code "TensorFlow.js"}), empty for
     * Inkling's own: such a model has no Inkling training recipe.
     */
    default java.util.Optional<String> importedFrom() {
        return java.util.Optional.empty();
    }

    /**
     * How the network was trained, as its model file records it (see
     * {@code TrainingRecipe.toMap}); empty when nobody knows.
     */
    default Map<String, Object> recipe() {
        return Map.of();
    }

    /** The same model under another name (after Save As). */
    ModelHandle withName(String name);

    /**
     * The engine network, for the views that look inside it (evaluation, "why", weights); empty for
     * models that are not engine networks. Read only: predict, copy, never train it.
     */
    default java.util.Optional<org.inkling.nn.Sequential> network() {
        return java.util.Optional.empty();
    }
}
