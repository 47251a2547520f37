package org.inkling.cli;

import java.util.Map;
import org.inkling.base.DigitGeometry;
import org.inkling.data.Augmentation;
import org.inkling.data.AugmentationConfig;
import org.inkling.nn.Activation;
import org.inkling.nn.Architectures;
import org.inkling.nn.BatchAugmenter;
import org.inkling.nn.LearningRateSchedule;
import org.inkling.nn.Optimizer;
import org.inkling.nn.Optimizers;
import org.inkling.nn.Sequential;
import org.inkling.training.RecipeException;
import org.inkling.training.TrainingRecipe;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What to train: architecture, activation, optimiser and how the data is varied. Shared by train and bench. */
final class ModelRecipeOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--arch", defaultValue = "512", paramLabel = "LAYERS",
            description = "Hidden layers, e.g. 512 or 512,512; convolutions as conv32,pool,conv64,pool,128 (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--activation", defaultValue = "relu", description = "Hidden activation: relu, sigmoid, tanh, linear (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--optimizer", defaultValue = "rmsprop", description = "sgd, rmsprop or adam (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: the optimiser's Keras default, 0.001 for rmsprop and adam, 0.01 for sgd).")
    Double lr;

    @Option(names = "--lr-schedule", defaultValue = "constant", paramLabel = "SCHEDULE",
            description = "Learning rate over the run: constant, or cosine[:ALPHA] (Keras CosineDecay over all batches, "
                    + "down to ALPHA times the initial rate, default 0) (default: ${DEFAULT-VALUE}).")
    String lrSchedule;

    @Option(names = "--weight-decay", defaultValue = "0", paramLabel = "L2", description = "L2 weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--augment", defaultValue = "none", paramLabel = "SPEC",
            description = "Random distortions per batch: none, default, or e.g. rotate=12,scale=0.15,shear=0.3,shift=2,elastic=34:4,thickness=0.3 (default: ${DEFAULT-VALUE}).")
    String augment;

    @Option(names = "--synthetic", defaultValue = "0", paramLabel = "N",
            description = "Add N synthetic drawn digits per class, in the world's writing styles (default: ${DEFAULT-VALUE}).")
    int synthetic;

    @Option(names = "--non-digits", defaultValue = "0", paramLabel = "N",
            description = "Add N drawings that are not digits (Hershey letters and symbols, scribbles, lines, dots, "
                    + "crossings, digit pairs, broken digits) as an eleventh class, \"not a digit\" (default: ${DEFAULT-VALUE}).")
    int nonDigits;

    @Option(names = "--calibration-holdout", defaultValue = "0", paramLabel = "N",
            description = "Keep the last N MNIST training images out of training and fit the verdict's temperature on them "
                    + "(default: ${DEFAULT-VALUE}: the plain rule).")
    int calibrationHoldout;

    @Option(names = "--font-glyphs", defaultValue = "0", paramLabel = "COPIES",
            description = "Add the digits of the training fonts (resources/glyphs: TrueType/OpenType fonts of Debian packages, "
                    + "blackletter, handwriting and print) COPIES times each, filled and traced and written by the simulated pen, and with --non-digits their letters a quarter "
                    + "as many times as \"not a digit\" (default: ${DEFAULT-VALUE}).")
    int fontCopies;

    @Option(names = "--broad-nib", paramLabel = "N",
            description = "With --non-digits and --synthetic, add N synthetic digits per class written with a broad nib "
                    + "(angular, heavy strokes, as calligraphy and blackletter; default: a third of --synthetic).")
    Integer broadNibPerClass;

    @Option(names = "--textura", defaultValue = "0", paramLabel = "SHARE",
            description = "Of those broad-nib digits, write this share (0 to 1) in a textura (blackletter) hand: narrow, "
                    + "every curve broken into a few upright straight strokes, a heavy nib (default: ${DEFAULT-VALUE}).")
    double texturaShare;

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    Sequential buildModel(long seed) {
        try {
            return Architectures.build(arch, DigitGeometry.PIXELS, Activation.parse(activation), DigitGeometry.DIGITS, seed);
        } catch (IllegalArgumentException e) {
            throw bad("Invalid --arch/--activation: " + e.getMessage());
        }
    }

    Optimizer optimizer() {
        try {
            return Optimizers.create(optimizer, lr, weightDecay);
        } catch (IllegalArgumentException e) {
            throw bad("Invalid optimiser setting: " + e.getMessage());
        }
    }

    LearningRateSchedule schedule() {
        try {
            return LearningRateSchedule.parse(lrSchedule);
        } catch (IllegalArgumentException e) {
            throw bad("Invalid --lr-schedule: " + e.getMessage());
        }
    }

    BatchAugmenter augmenter() {
        AugmentationConfig config = augmentationConfig();
        return config.isIdentity() ? null : new Augmentation(config);
    }

    private AugmentationConfig augmentationConfig() {
        try {
            return AugmentationConfig.parse(augment);
        } catch (IllegalArgumentException e) {
            throw bad("Invalid --augment: " + e.getMessage());
        }
    }

    /**
     * The typed recipe of these options and the run's, checked before any data is read; a value
     * that cannot train is a usage error (exit 2) naming the option.
     */
    TrainingRecipe toRecipe(String name, int epochs, int batch, long seed, Double validationSplit, Integer limit) {
        try {
            return new TrainingRecipe(name, arch, Activation.parse(activation), optimizer, lr, weightDecay, schedule(),
                    augmentationConfig(), synthetic, epochs, batch, seed, validationSplit == null ? 0 : validationSplit, limit,
                    nonDigits, calibrationHoldout, fontCopies, broadNibPerClass, texturaShare);
        } catch (RecipeException e) {
            throw bad("Invalid " + OPTION_OF.getOrDefault(e.field(), e.field()) + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw bad("Invalid --activation: " + e.getMessage());
        }
    }

    /** Recipe fields to the options that set them, for messages. */
    private static final Map<String, String> OPTION_OF = Map.ofEntries(
            Map.entry("architecture", "--arch"), Map.entry("activation", "--activation"),
            Map.entry("optimizer", "--optimizer"), Map.entry("learning_rate", "--lr"),
            Map.entry("weight_decay", "--weight-decay"), Map.entry("synthetic_per_class", "--synthetic"),
            Map.entry("epochs", "--epochs"), Map.entry("batch_size", "--batch"),
            Map.entry("validation_split", "--validation-split"), Map.entry("limit", "--limit"),
            Map.entry("non_digits", "--non-digits"), Map.entry("calibration_holdout", "--calibration-holdout"),
            Map.entry("font_copies", "--font-glyphs"), Map.entry("broad_nib_per_class", "--broad-nib"),
            Map.entry("textura_share", "--textura"));
}
