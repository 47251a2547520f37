package org.inkling.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.inkling.data.Augmentation;
import org.inkling.data.ConcatExamples;
import org.inkling.data.Mnist;
import org.inkling.nn.Calibration;
import org.inkling.nn.Evaluation;
import org.inkling.nn.Evaluator;
import org.inkling.nn.Examples;
import org.inkling.nn.Losses;
import org.inkling.nn.Optimizer;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Sequential;
import org.inkling.nn.TrainConfig;
import org.inkling.nn.Trainer;
import org.inkling.nn.TrainingControl;
import org.inkling.nn.TrainingListener;
import org.inkling.nn.TrainingListener.EpochEvent;
import org.inkling.nn.TrainingResult;
import org.inkling.nn.VerdictEvaluation;
import org.inkling.nn.VerdictRule;

/**
 * Trains a {@link TrainingRecipe} on MNIST: the one training path that the command line, the app's
 * Train button and the fine-tune share. It takes the training images (the first {@code limit}, plus
 * the synthetic styles), builds the network and optimiser from the recipe's seed, runs the
 * {@link Trainer}, evaluates on the test set and returns the model with its recipe and metrics in
 * one schema. Front ends differ only in how they fill the recipe and how they listen.
 *
 * <p>Runs on the calling thread; listeners are called on it between batches.
 */
public final class TrainingJob {
    private TrainingJob() {}

    /** Trains and always evaluates on the test set. */
    public static TrainingOutcome run(TrainingRecipe recipe, Mnist mnist, TrainingListener listener,
                                      TrainingControl control) {
        return run(recipe, mnist, listener, control, () -> true);
    }

    /**
     * Trains; {@code wantTestScore} is asked after training whether anybody still waits for the test
     * evaluation (a closing window does not), which then is skipped.
     */
    public static TrainingOutcome run(TrainingRecipe recipe, Mnist mnist, TrainingListener listener,
                                      TrainingControl control, BooleanSupplier wantTestScore) {
        Examples calibration = calibrationDigits(recipe, mnist);
        Examples train = trainingExamples(recipe, mnist);
        Sequential network = recipe.buildNetwork();
        Optimizer optimizer = recipe.buildOptimizer();
        TrainConfig config = TrainConfig.of(recipe.epochs(), recipe.batchSize(), recipe.seed())
                .withAugmenter(recipe.augmentation().isIdentity() ? null : new Augmentation(recipe.augmentation()))
                .withSchedule(recipe.schedule());
        config = recipe.holdsOutValidation() ? config.withValidationSplit(recipe.validationSplit())
                : config.withValidationData(mnist.test());

        TrainingResult result = Trainer.fit(network, optimizer, Losses.SPARSE_CATEGORICAL_CROSSENTROPY, train, config,
                listener, control);
        Evaluation test = result.status() != TrainingResult.Status.DIVERGED && wantTestScore.getAsBoolean()
                ? Evaluator.evaluate(network, mnist.test()) : null;

        Map<String, Object> recorded = recipe.toMap(optimizer);
        recorded.put("train_examples", train.size());
        if (recipe.fontCopies() > 0) recorded.put("font_glyphs", FontGlyphExamples.describe());
        Map<String, Object> metrics = metrics(result, test);
        VerdictRule rule = VerdictRule.plain(recipe.classNames());
        if (calibration != null && result.status() != TrainingResult.Status.DIVERGED) {
            rule = calibrate(recipe, network, calibration);
            metrics.put("calibration_examples", calibration.size());
        }
        if (test != null && (recipe.nonDigits() > 0 || calibration != null)) {
            // Accuracy is over the ten digits (a refusal is counted apart), the same figures as inkling evaluate.
            VerdictEvaluation v = VerdictEvaluation.of(network, rule, mnist.test());
            metrics.put("test_accuracy", v.accuracy());
            metrics.put("test_accepted_share", v.acceptedShare());
            metrics.put("test_accuracy_accepted", v.acceptedAccuracy());
            metrics.put("test_ece_raw", v.before().ece());
            metrics.put("test_ece_calibrated", v.after().ece());
        }
        SavedModel model = new SavedModel(nameOf(recipe), network, recorded, metrics, recipe.classNames(), rule);
        return new TrainingOutcome(model, result, test);
    }

    /** Accept a digit at this calibrated probability; refuse as not a digit at this share of the reject class. */
    public static final double ACCEPT_AT = 0.7;
    public static final double REJECT_AT = 0.5;

    /**
     * The verdict rule with its temperature fitted on the held-out digits, and for a network with the
     * reject class also on as many fresh non-digits (a seed training never used), so that both the
     * digits' and "not a digit"'s probabilities are honest.
     */
    static VerdictRule calibrate(TrainingRecipe recipe, Sequential network, Examples digits) {
        Examples held = recipe.nonDigits() > 0
                ? new ConcatExamples(List.of(digits, NonDigitExamples.examples(Math.max(1, digits.size() / 3), recipe.seed() + 3)))
                : digits;
        float[][] p = Calibration.predictAll(network, held);
        int[] labels = new int[held.size()];
        for (int i = 0; i < labels.length; i++) labels[i] = held.label(i);
        VerdictRule plain = VerdictRule.plain(recipe.classNames());
        return new VerdictRule(Calibration.fitTemperature(p, labels), ACCEPT_AT, REJECT_AT, plain.rejectClass());
    }

    /** The MNIST training images kept out of training to calibrate on (the last ones), or null. */
    static Examples calibrationDigits(TrainingRecipe recipe, Mnist mnist) {
        if (recipe.calibrationHoldout() == 0) return null;
        int n = mnistCount(recipe, mnist);
        return mnist.train().subset(n - recipe.calibrationHoldout(), n);
    }

    private static int mnistCount(TrainingRecipe recipe, Mnist mnist) {
        return recipe.limit() == null ? mnist.train().size() : Math.min(recipe.limit(), mnist.train().size());
    }

    /** Broad-nib digits per class an eleven-class recipe adds to its synthetic ones. */
    static int broadNibPerClass(TrainingRecipe recipe) {
        if (recipe.nonDigits() == 0) return 0;
        return recipe.broadNibPerClass() != null ? recipe.broadNibPerClass() : defaultBroadNibPerClass(recipe.syntheticPerClass());
    }

    /** Broad-nib digits per class beside {@code syntheticPerClass} synthetic ones when a recipe names none: a third. */
    static int defaultBroadNibPerClass(int syntheticPerClass) {
        return Math.max(1, syntheticPerClass / 3);
    }

    /**
     * The training set a recipe asks for: MNIST's training images (the first {@code limit}, less the
     * calibration hold-out at their end), the synthetic styles, the non-digits (with broad-nib digits beside them), and
     * the font glyphs.
     */
    static Examples trainingExamples(TrainingRecipe recipe, Mnist mnist) {
        int n = mnistCount(recipe, mnist) - recipe.calibrationHoldout();
        Examples train = recipe.limit() == null && recipe.calibrationHoldout() == 0 ? mnist.train() : mnist.train().subset(0, n);
        if (recipe.syntheticPerClass() > 0) {
            // A seed apart from the network's, so the drawn digits do not vary with the weights' seed alone.
            train = new ConcatExamples(List.of(train, SyntheticDigits.examples(recipe.syntheticPerClass(), recipe.seed() + 1)));
        }
        if (recipe.nonDigits() > 0) {
            if (recipe.syntheticPerClass() > 0 && broadNibPerClass(recipe) > 0) {
                // A network learning to refuse also refused heavy, angular (blackletter) digits it had never
                // seen as digits; synthetic digits written with a broad nib (by default a third as many) teach them.
                train = new ConcatExamples(List.of(train,
                        SyntheticDigits.broadNibExamples(broadNibPerClass(recipe), recipe.seed() + 4, recipe.texturaShare())));
            }
            train = new ConcatExamples(List.of(train, NonDigitExamples.examples(recipe.nonDigits(), recipe.seed() + 2)));
        }
        if (recipe.fontCopies() > 0) {
            train = new ConcatExamples(List.of(train, FontGlyphExamples.examples(recipe.fontCopies(), recipe.nonDigits() > 0),
                    FontGlyphExamples.tracedExamples(recipe.fontCopies(), recipe.seed() + 5)));
        }
        return train;
    }

    private static Map<String, Object> metrics(TrainingResult result, Evaluation test) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", result.status().name().toLowerCase(Locale.ROOT));
        if (!result.history().isEmpty()) {
            EpochEvent last = result.lastEpoch();
            m.put("train_accuracy", last.accuracy());
            m.put("train_loss", last.loss());
            m.put("validation_accuracy", last.valAccuracy());
            m.put("validation_loss", last.valLoss());
        }
        if (test != null) {
            m.put("test_accuracy", test.accuracy());
            m.put("test_loss", test.loss());
        }
        m.put("epochs", result.epochsCompleted());
        List<Double> seconds = new ArrayList<>();
        for (EpochEvent e : result.history()) seconds.add(e.seconds());
        m.put("epoch_seconds", seconds);
        return m;
    }

    private static String nameOf(TrainingRecipe recipe) {
        if (recipe.name() != null && !recipe.name().isBlank()) return recipe.name();
        return "mnist-" + (recipe.architecture().isEmpty() ? "softmax" : recipe.architecture().replace(',', '-'));
    }
}
