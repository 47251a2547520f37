package org.inkling.nn;

import java.util.List;
import java.util.Map;

/**
 * What a model file holds: the network, how it was trained (optimiser, epochs, batch size, seed,
 * ... as the caller records them), what it scored, the names of its classes, and the
 * {@link VerdictRule} that reads its answers (the plain rule for files that record none).
 */
public record SavedModel(String name, Sequential network, Map<String, Object> recipe, Map<String, Object> metrics,
                         List<String> classNames, VerdictRule verdict) {
    public SavedModel {
        recipe = recipe == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(recipe));
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        if (classNames == null) classNames = digits(network.outputSize());
        classNames = List.copyOf(classNames);
        if (classNames.size() != network.outputSize()) {
            throw new IllegalArgumentException(classNames.size() + " class names for " + network.outputSize() + " outputs");
        }
        if (verdict == null) verdict = VerdictRule.plain(classNames);
        if (verdict.outputs() >= 0 && verdict.outputs() != network.outputSize()) {
            throw new IllegalArgumentException("the verdict rule reads " + verdict.outputs() + " outputs but the network has "
                    + network.outputSize());
        }
    }

    /** A model judged by the plain rule (or whatever its class names imply). */
    public SavedModel(String name, Sequential network, Map<String, Object> recipe, Map<String, Object> metrics,
                      List<String> classNames) {
        this(name, network, recipe, metrics, classNames, null);
    }

    /** The same model read by another rule (e.g. after fitting its temperature). */
    public SavedModel withVerdict(VerdictRule rule) {
        return new SavedModel(name, network, recipe, metrics, classNames, rule);
    }

    /** The same model with other metrics. */
    public SavedModel withMetrics(Map<String, Object> m) {
        return new SavedModel(name, network, recipe, m, classNames, verdict);
    }

    /** A model with class names "0".."n-1" and no recipe or metrics. */
    public static SavedModel of(String name, Sequential network) {
        return new SavedModel(name, network, Map.of(), Map.of(), null);
    }

    static List<String> digits(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(Integer::toString).toList();
    }
}
