package org.inkling.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.inkling.base.DigitGeometry;
import org.inkling.data.AugmentationConfig;
import org.inkling.nn.Activation;
import org.inkling.nn.Architectures;
import org.inkling.nn.Conv2D;
import org.inkling.nn.Dense;
import org.inkling.nn.Layer;
import org.inkling.nn.LearningRateSchedule;
import org.inkling.nn.Optimizer;
import org.inkling.nn.Optimizers;
import org.inkling.nn.Sequential;
import org.inkling.nn.VerdictRule;

/**
 * What to train, checked once: Keras' {@code compile} and {@code fit} arguments in one typed record.
 * The command line, the app's form and the fine-tune fill it in their own ways and hand it to
 * {@link TrainingJob}; the model file records it with {@link #toMap()}, and {@link #fromMap} reads it
 * back ("train like this model").
 *
 * <p>The compact constructor rejects every value that cannot train, with a {@link RecipeException}
 * naming the field; the per-field checks are public so that a form can show the same message beside
 * the field as the person types.
 *
 * @param name              the model's name, or null to take one from where it is saved
 * @param architecture      hidden layers in {@link Architectures} notation ("512", "512,512", "cnn")
 * @param learningRate      null for the optimiser's Keras default
 * @param validationSplit   the last fraction of the training images held out for validation; 0 shows
 *                          the MNIST test set as validation instead, as the Keras textbook does
 * @param limit             train on the first this many MNIST training images, or null for all
 * @param syntheticPerClass synthetic drawn digits added per class (the world's writing styles)
 * @param nonDigits         drawings that are not digits ({@code ink.synth.NonDigits}: letters, symbols,
 *                          scribbles, ...) added as an eleventh class, "not a digit"; 0 for ten classes
 * @param calibrationHoldout the last this many MNIST training images (after {@code limit}) kept out of
 *                          training to fit the verdict's temperature on; 0 leaves the plain rule
 * @param fontCopies        copies of each font digit of the committed font glyph set ({@code FontGlyphExamples}) added
 *                          to training, filled and (as many again) traced and written by the simulated pen, and with
 *                          non-digits its letters a quarter as many times; 0 for none
 * @param broadNibPerClass  broad-nib digits per class an eleven-class recipe with synthetic digits adds
 *                          ({@code SyntheticDigits.broadNibExamples}); null for the default, a third of
 *                          {@code syntheticPerClass}
 * @param texturaShare      of those broad-nib digits, the share (0 to 1) written in the textura hand
 *                          ({@code DigitSynthesizer.generateBroadNib(int, long, double)}); 0, the value of
 *                          every recipe recorded before it, for none
 */
public record TrainingRecipe(
        String name,
        String architecture,
        Activation activation,
        String optimizer,
        Double learningRate,
        double weightDecay,
        LearningRateSchedule schedule,
        AugmentationConfig augmentation,
        int syntheticPerClass,
        int epochs,
        int batchSize,
        long seed,
        double validationSplit,
        Integer limit,
        int nonDigits,
        int calibrationHoldout,
        int fontCopies,
        Integer broadNibPerClass,
        double texturaShare) {

    public static final int MAX_EPOCHS = 1000;
    public static final int MAX_BATCH = 60_000;
    public static final double MAX_VALIDATION_SPLIT = 0.5;
    public static final double MAX_LEARNING_RATE = 10;
    public static final int MAX_SYNTHETIC_PER_CLASS = 20_000;
    public static final int MAX_NON_DIGITS = 200_000;
    public static final int MAX_CALIBRATION_HOLDOUT = 20_000;
    public static final int MAX_FONT_COPIES = 1_000;
    /** Dense units over all hidden layers: 16k units of 784 inputs is 50 MB of weights and Adam state. */
    public static final int MAX_DENSE_UNITS = 16_384;
    public static final int MAX_FILTERS = 1024;
    public static final List<String> OPTIMIZERS = List.of("rmsprop", "adam", "sgd");

    public TrainingRecipe {
        architecture = architecture == null ? "" : architecture.trim();
        if (activation == null) activation = Activation.RELU;
        optimizer = optimizer == null ? "rmsprop" : optimizer.trim().toLowerCase(Locale.ROOT);
        if (schedule == null) schedule = LearningRateSchedule.constant();
        if (augmentation == null) augmentation = AugmentationConfig.NONE;
        fail("architecture", architectureError(architecture));
        if (activation == Activation.SOFTMAX) fail("activation", "softmax is for the output layer; hidden layers take relu, tanh, sigmoid or linear");
        fail("optimizer", OPTIMIZERS.contains(optimizer) ? null : "unknown optimizer '" + optimizer + "' (expected sgd, rmsprop or adam)");
        if (learningRate != null) fail("learning_rate", learningRateError(learningRate));
        fail("weight_decay", Double.isFinite(weightDecay) && weightDecay >= 0 && weightDecay <= 1 ? null
                : "weight decay must be from 0 to 1, got " + weightDecay);
        fail("synthetic_per_class", syntheticPerClass >= 0 && syntheticPerClass <= MAX_SYNTHETIC_PER_CLASS ? null
                : "synthetic digits per class must be from 0 to " + MAX_SYNTHETIC_PER_CLASS + ", got " + syntheticPerClass);
        fail("epochs", epochsError(epochs));
        fail("batch_size", batchSizeError(batchSize));
        fail("validation_split", validationSplitError(validationSplit));
        if (limit != null) fail("limit", limit >= 1 ? null : "the number of training images must be at least 1, got " + limit);
        fail("non_digits", nonDigits >= 0 && nonDigits <= MAX_NON_DIGITS ? null
                : "non-digits must be from 0 to " + MAX_NON_DIGITS + ", got " + nonDigits);
        fail("calibration_holdout", calibrationHoldout >= 0 && calibrationHoldout <= MAX_CALIBRATION_HOLDOUT
                && (limit == null || calibrationHoldout < limit) ? null
                : "the calibration hold-out must be from 0 to " + MAX_CALIBRATION_HOLDOUT
                        + " images and fewer than the training images, got " + calibrationHoldout);
        fail("font_copies", fontCopies >= 0 && fontCopies <= MAX_FONT_COPIES ? null
                : "font glyph copies must be from 0 to " + MAX_FONT_COPIES + ", got " + fontCopies);
        if (broadNibPerClass != null) {
            fail("broad_nib_per_class", broadNibPerClass >= 0 && broadNibPerClass <= MAX_SYNTHETIC_PER_CLASS ? null
                    : "broad-nib digits per class must be from 0 to " + MAX_SYNTHETIC_PER_CLASS + ", got " + broadNibPerClass);
        }
        fail("textura_share", texturaShare >= 0 && texturaShare <= 1 ? null
                : "the textura share of the broad-nib digits must be a fraction from 0 to 1, got " + fmt(texturaShare));
    }

    /** A recipe without textura digits (what every recipe was before them). */
    public TrainingRecipe(String name, String architecture, Activation activation, String optimizer, Double learningRate,
                          double weightDecay, LearningRateSchedule schedule, AugmentationConfig augmentation,
                          int syntheticPerClass, int epochs, int batchSize, long seed, double validationSplit, Integer limit,
                          int nonDigits, int calibrationHoldout, int fontCopies, Integer broadNibPerClass) {
        this(name, architecture, activation, optimizer, learningRate, weightDecay, schedule, augmentation, syntheticPerClass,
                epochs, batchSize, seed, validationSplit, limit, nonDigits, calibrationHoldout, fontCopies, broadNibPerClass, 0);
    }

    /** A recipe with the default broad-nib digits. */
    public TrainingRecipe(String name, String architecture, Activation activation, String optimizer, Double learningRate,
                          double weightDecay, LearningRateSchedule schedule, AugmentationConfig augmentation,
                          int syntheticPerClass, int epochs, int batchSize, long seed, double validationSplit, Integer limit,
                          int nonDigits, int calibrationHoldout, int fontCopies) {
        this(name, architecture, activation, optimizer, learningRate, weightDecay, schedule, augmentation, syntheticPerClass,
                epochs, batchSize, seed, validationSplit, limit, nonDigits, calibrationHoldout, fontCopies, null);
    }

    /** A recipe without font glyphs (what every recipe was before them). */
    public TrainingRecipe(String name, String architecture, Activation activation, String optimizer, Double learningRate,
                          double weightDecay, LearningRateSchedule schedule, AugmentationConfig augmentation,
                          int syntheticPerClass, int epochs, int batchSize, long seed, double validationSplit, Integer limit,
                          int nonDigits, int calibrationHoldout) {
        this(name, architecture, activation, optimizer, learningRate, weightDecay, schedule, augmentation, syntheticPerClass,
                epochs, batchSize, seed, validationSplit, limit, nonDigits, calibrationHoldout, 0);
    }

    /** A recipe of ten digit classes and no calibration (what every recipe was before verdicts). */
    public TrainingRecipe(String name, String architecture, Activation activation, String optimizer, Double learningRate,
                          double weightDecay, LearningRateSchedule schedule, AugmentationConfig augmentation,
                          int syntheticPerClass, int epochs, int batchSize, long seed, double validationSplit, Integer limit) {
        this(name, architecture, activation, optimizer, learningRate, weightDecay, schedule, augmentation, syntheticPerClass,
                epochs, batchSize, seed, validationSplit, limit, 0, 0, 0);
    }

    /** The Keras textbook network (Chollet, ch. 2): 784-512-10, relu, RMSprop, batch 128, 5 epochs, seed 1. */
    public static TrainingRecipe textbook() {
        return new TrainingRecipe(null, "512", Activation.RELU, "rmsprop", null, 0, LearningRateSchedule.constant(),
                AugmentationConfig.NONE, 0, 5, 128, 1, 0, null);
    }

    // ---- checks shared with forms ------------------------------------------------------------

    /** Null when {@code text} is an architecture Inkling can build within the size limits, else why not. */
    public static String architectureError(String text) {
        try {
            long units = 0;
            for (Layer layer : Architectures.parse(text, Activation.RELU, DigitGeometry.DIGITS)) {
                if (layer instanceof Dense d) units += d.units();
                if (layer instanceof Conv2D c && c.config().get("filters") instanceof Number f && f.intValue() > MAX_FILTERS) {
                    return "at most " + MAX_FILTERS + " filters in a convolution";
                }
            }
            return units - DigitGeometry.DIGITS > MAX_DENSE_UNITS
                    ? "at most " + MAX_DENSE_UNITS + " dense units in all, to fit in memory" : null;
        } catch (IllegalArgumentException e) {
            return "layer sizes separated by commas, e.g. 512,512 or cnn (" + e.getMessage() + ")";
        }
    }

    public static String learningRateError(double rate) {
        return Double.isFinite(rate) && rate > 0 && rate <= MAX_LEARNING_RATE ? null
                : "the learning rate must be above 0 and at most " + fmt(MAX_LEARNING_RATE) + ", got " + fmt(rate);
    }

    public static String epochsError(int epochs) {
        return epochs >= 1 && epochs <= MAX_EPOCHS ? null : "epochs must be from 1 to " + MAX_EPOCHS + ", got " + epochs;
    }

    public static String batchSizeError(int batch) {
        return batch >= 1 && batch <= MAX_BATCH ? null : "the batch size must be from 1 to " + MAX_BATCH + ", got " + batch;
    }

    public static String validationSplitError(double split) {
        return split >= 0 && split <= MAX_VALIDATION_SPLIT ? null
                : "the validation split must be a fraction from 0 to " + fmt(MAX_VALIDATION_SPLIT) + ", got " + fmt(split);
    }

    private static void fail(String field, String error) {
        if (error != null) throw new RecipeException(field, error);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    // ---- what it builds ---------------------------------------------------------------------------

    /** A new network with weights from {@link #seed}: ten outputs, or eleven with non-digits. */
    public Sequential buildNetwork() {
        return Architectures.build(architecture, DigitGeometry.PIXELS, activation, classNames().size(), seed);
    }

    /** "0".."9", and "not a digit" after them when the recipe learns non-digits. */
    public List<String> classNames() {
        List<String> names = new ArrayList<>();
        for (int d = 0; d < DigitGeometry.DIGITS; d++) names.add(Integer.toString(d));
        if (nonDigits > 0) names.add(VerdictRule.NOT_A_DIGIT);
        return List.copyOf(names);
    }

    public Optimizer buildOptimizer() {
        return Optimizers.create(optimizer, learningRate, weightDecay);
    }

    /** Whether validation is the last {@link #validationSplit} of the training images (else the test set). */
    public boolean holdsOutValidation() {
        return validationSplit > 0;
    }

    public TrainingRecipe withName(String newName) {
        return new TrainingRecipe(newName, architecture, activation, optimizer, learningRate, weightDecay, schedule,
                augmentation, syntheticPerClass, epochs, batchSize, seed, validationSplit, limit, nonDigits, calibrationHoldout, fontCopies, broadNibPerClass, texturaShare);
    }

    public TrainingRecipe withSeed(long newSeed) {
        return new TrainingRecipe(name, architecture, activation, optimizer, learningRate, weightDecay, schedule,
                augmentation, syntheticPerClass, epochs, batchSize, newSeed, validationSplit, limit, nonDigits, calibrationHoldout, fontCopies, broadNibPerClass, texturaShare);
    }

    // ---- how it is recorded -------------------------------------------------------------------

    /**
     * The recipe as a model file records it, the same keys from every front end. {@code trained} is
     * the optimiser that trained (its full Keras-style config is recorded), or null before training.
     */
    public Map<String, Object> toMap(Optimizer trained) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("architecture", architecture);
        m.put("activation", activation.kerasName());
        m.put("optimizer", (trained != null ? trained : buildOptimizer()).config());
        // The optimiser's config holds its float32 values; the recipe keeps what was asked for.
        m.put("learning_rate", learningRate);
        m.put("weight_decay", weightDecay);
        m.put("lr_schedule", schedule.toMap());
        m.put("augmentation", augmentation.toMap());
        m.put("synthetic_per_class", syntheticPerClass);
        m.put("epochs", epochs);
        m.put("batch_size", batchSize);
        m.put("seed", seed);
        m.put("validation_split", validationSplit);
        m.put("limit", limit);
        m.put("non_digits", nonDigits);
        m.put("calibration_holdout", calibrationHoldout);
        m.put("font_copies", fontCopies);
        if (broadNibPerClass != null) m.put("broad_nib_per_class", broadNibPerClass);
        if (texturaShare != 0) m.put("textura_share", texturaShare);
        m.put("command", "inkling train " + String.join(" ", commandLine()));
        return m;
    }

    /**
     * Reads a recipe recorded by {@link #toMap} (or by Inkling 0.1, whose keys differ a little:
     * {@code validation} as "test set" or "split F"). Missing keys take the textbook values.
     *
     * @throws RecipeException when a recorded value cannot be trained
     */
    public static TrainingRecipe fromMap(Map<String, Object> m) {
        TrainingRecipe t = textbook();
        String optimizerName = t.optimizer;
        Double rate = null;
        double decay = 0;
        if (m.get("optimizer") instanceof Map<?, ?> o) {
            if (o.get("name") instanceof String s) optimizerName = s;
            if (o.get("learning_rate") instanceof Number n) rate = n.doubleValue();
            if (o.get("weight_decay") instanceof Number n) decay = n.doubleValue();
        } else if (m.get("optimizer") instanceof String s) {
            optimizerName = s;
        }
        if (m.containsKey("learning_rate")) rate = m.get("learning_rate") instanceof Number n ? n.doubleValue() : null;
        if (m.get("weight_decay") instanceof Number n) decay = n.doubleValue();
        double split = 0;
        if (m.get("validation_split") instanceof Number n) split = n.doubleValue();
        else if (m.get("validation") instanceof String v && v.startsWith("split ")) split = Double.parseDouble(v.substring(6).trim());
        @SuppressWarnings("unchecked")
        Map<String, Object> schedule = m.get("lr_schedule") instanceof Map<?, ?> s ? (Map<String, Object>) s : null;
        AugmentationConfig aug = m.get("augmentation") instanceof Map<?, ?> a
                ? AugmentationConfig.fromMap((Map<String, ?>) a) : AugmentationConfig.NONE;
        try {
            return new TrainingRecipe(null,
                    m.get("architecture") instanceof String a ? a : t.architecture,
                    m.get("activation") instanceof String a ? Activation.parse(a) : t.activation,
                    optimizerName, rate, decay, LearningRateSchedule.fromMap(schedule), aug,
                    intOr(m.get("synthetic_per_class"), 0), intOr(m.get("epochs"), t.epochs),
                    intOr(m.get("batch_size"), t.batchSize),
                    m.get("seed") instanceof Number n ? n.longValue() : t.seed, split,
                    m.get("limit") instanceof Number n ? n.intValue() : null,
                    intOr(m.get("non_digits"), 0), intOr(m.get("calibration_holdout"), 0), intOr(m.get("font_copies"), 0),
                    m.get("broad_nib_per_class") instanceof Number n ? n.intValue() : null,
                    m.get("textura_share") instanceof Number n ? n.doubleValue() : 0);
        } catch (RecipeException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new RecipeException("recipe", e.getMessage());
        }
    }

    private static int intOr(Object v, int fallback) {
        return v instanceof Number n ? n.intValue() : fallback;
    }

    /** The options of an {@code inkling train} command line that trains this recipe again. */
    public List<String> commandLine() {
        List<String> a = new ArrayList<>(List.of("--arch", architecture.isEmpty() ? "''" : architecture,
                "--activation", activation.kerasName(), "--optimizer", optimizer));
        if (learningRate != null) a.addAll(List.of("--lr", learningRate.toString()));
        if (schedule != LearningRateSchedule.constant()) a.addAll(List.of("--lr-schedule", schedule.toString()));
        if (weightDecay != 0) a.addAll(List.of("--weight-decay", Double.toString(weightDecay)));
        if (!augmentation.isIdentity()) {
            a.addAll(List.of("--augment", augmentation.equals(AugmentationConfig.DEFAULT) ? "default" : augmentation.toCliString()));
        }
        if (syntheticPerClass != 0) a.addAll(List.of("--synthetic", Integer.toString(syntheticPerClass)));
        if (nonDigits != 0) a.addAll(List.of("--non-digits", Integer.toString(nonDigits)));
        if (calibrationHoldout != 0) a.addAll(List.of("--calibration-holdout", Integer.toString(calibrationHoldout)));
        if (fontCopies != 0) a.addAll(List.of("--font-glyphs", Integer.toString(fontCopies)));
        if (broadNibPerClass != null) a.addAll(List.of("--broad-nib", Integer.toString(broadNibPerClass)));
        if (texturaShare != 0) a.addAll(List.of("--textura", fmt(texturaShare)));
        a.addAll(List.of("--epochs", Integer.toString(epochs), "--batch", Integer.toString(batchSize),
                "--seed", Long.toString(seed)));
        if (validationSplit > 0) a.addAll(List.of("--validation-split", Double.toString(validationSplit)));
        if (limit != null) a.addAll(List.of("--limit", Integer.toString(limit)));
        return a;
    }
}
