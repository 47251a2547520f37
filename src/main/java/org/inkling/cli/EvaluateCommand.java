package org.inkling.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.inkling.data.Mnist;
import org.inkling.nn.Evaluation;
import org.inkling.nn.Evaluator;
import org.inkling.nn.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code inkling evaluate}: test loss, accuracy, per-class accuracy and the confusion matrix. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Evaluate a model on the MNIST test set.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--json", description = "Print one JSON summary object.")
    boolean json;

    @Override
    public Integer call() {
        SavedModel saved = model.load();
        Mnist mnist = data.load(json);
        Evaluation e = Evaluator.evaluate(saved.network(), mnist.test());
        if (json) {
            new JsonLines(System.out).summary(summary(e));
        } else {
            System.out.printf(Locale.ROOT, "Model %s on %,d test images%n", saved.name(), e.count());
            System.out.print(Reports.classification(e.accuracy(), e.loss(), e.perClassAccuracy(), e.confusion()));
        }
        return 0;
    }

    static Map<String, Object> summary(Evaluation e) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("accuracy", e.accuracy());
        s.put("loss", e.loss());
        s.put("count", e.count());
        s.put("per_class_accuracy", e.perClassAccuracy());
        s.put("confusion_matrix", e.confusion());
        return s;
    }
}
