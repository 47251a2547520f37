package org.inkling.nn;

import java.util.List;
import java.util.Map;

/**
 * What a model file holds: the network, how it was trained (optimiser, epochs, batch size, seed,
 * ... as the caller records them), what it scored, and the names of its classes.
 */
public record SavedModel(String name, Sequential network, Map<String, Object> recipe, Map<String, Object> metrics,
                         List<String> classNames) {
    public SavedModel {
        recipe = recipe == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(recipe));
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        if (classNames == null) classNames = digits(network.outputSize());
        classNames = List.copyOf(classNames);
        if (classNames.size() != network.outputSize()) {
            throw new IllegalArgumentException(classNames.size() + " class names for " + network.outputSize() + " outputs");
        }
    }

    /** A model with class names "0".."n-1" and no recipe or metrics. */
    public static SavedModel of(String name, Sequential network) {
        return new SavedModel(name, network, Map.of(), Map.of(), null);
    }

    static List<String> digits(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(Integer::toString).toList();
    }
}
