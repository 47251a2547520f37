package org.inkling.app.model;


import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.inkling.nn.Shape;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Sequential;
import org.inkling.nn.VerdictRule;

/** A {@link Sequential} network with the name, recipe and metrics a model file records. */
public final class EngineModel implements ModelHandle {
    static final String TEST_ACCURACY = "test_accuracy";

    private final Sequential network;
    private final String name;
    private final Map<String, Object> recipe;
    private final Map<String, Object> metrics;
    private final boolean trained;
    private final List<String> classNames;
    private final VerdictRule verdict;

    public EngineModel(Sequential network, String name, Map<String, Object> recipe, Map<String, Object> metrics,
            boolean trained) {
        this(network, name, recipe, metrics, trained, null, null);
    }

    /** {@code classNames} and {@code verdict} null: the ten digits and the plain rule. */
    public EngineModel(Sequential network, String name, Map<String, Object> recipe, Map<String, Object> metrics,
            boolean trained, List<String> classNames, VerdictRule verdict) {
        this.network = network;
        this.name = name;
        this.recipe = Collections.unmodifiableMap(new LinkedHashMap<>(recipe));
        this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        this.trained = trained;
        SavedModel checked = new SavedModel(name, network, recipe, metrics, classNames, verdict);
        this.classNames = checked.classNames();
        this.verdict = checked.verdict();
    }

    public static EngineModel trained(Sequential network, String name, Map<String, Object> recipe,
            Map<String, Object> metrics) {
        return new EngineModel(network, name, recipe, metrics, true);
    }

    /** A trained model as a file or the training job gives it, with its classes and verdict rule. */
    public static EngineModel trained(SavedModel m) {
        return new EngineModel(m.network(), m.name(), m.recipe(), m.metrics(), true, m.classNames(), m.verdict());
    }


    @Override
    public java.util.Optional<Sequential> network() {
        return java.util.Optional.of(network);
    }

    Sequential engineNetwork() {
        return network;
    }

    /**
     * What a model file records of this model: the network with its name, recipe, metrics, class
     * names and verdict rule (for saving, and for engine work that starts from it, such as teaching).
     */
    public SavedModel saved() {
        return new SavedModel(name, network, recipe, metrics, classNames, verdict);
    }


    @Override
    public Map<String, Object> recipe() {
        return recipe;
    }

    Map<String, Object> metrics() {
        return metrics;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String architecture() {
        Shape input = network.inputShape();
        String first = input.isFlat() ? Integer.toString(input.size()) : input.height() + "x" + input.width();
        return first + "-" + network.layers().stream()
                .filter(layer -> !layer.params().isEmpty())
                .map(layer -> layer.outputShape().isFlat()
                        ? Integer.toString(layer.outputShape().size())
                        : "conv" + layer.outputShape().channels())
                .collect(Collectors.joining("-"));
    }

    @Override
    public long parameterCount() {
        return network.parameterCount();
    }

    @Override
    public OptionalDouble testAccuracy() {
        return metrics.get(TEST_ACCURACY) instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }

    @Override
    public java.util.Optional<String> importedFrom() {
        Object from = recipe.get("imported_from");
        if ("keras".equals(from)) return java.util.Optional.of("Keras");
        if ("tensorflow.js".equals(from)) return java.util.Optional.of("TensorFlow.js");
        return from instanceof String s ? java.util.Optional.of(s) : java.util.Optional.empty();
    }

    @Override
    public boolean trained() {
        return trained;
    }

    /** {@link Sequential#predict(float[])} is safe from any thread (per-thread workspaces). */
    @Override
    public Classifier classifier() {
        VerdictRule rule = verdict;
        return new Classifier() {
            @Override
            public float[] classify(float[] input) {
                return network.predict(input);
            }

            @Override
            public VerdictRule verdictRule() {
                return rule;
            }
        };
    }

    @Override
    public ModelHandle withName(String newName) {
        return new EngineModel(network, newName, recipe, metrics, trained, classNames, verdict);
    }
}
