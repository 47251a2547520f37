package org.inkling.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.FMatrixRMaj;
import org.inkling.base.DigitGeometry;
import org.inkling.data.ArrayExamples;
import org.inkling.data.Augmentation;
import org.inkling.data.AugmentationConfig;
import org.inkling.data.ConcatExamples;
import org.inkling.data.Mnist;
import org.inkling.data.MnistDataset;
import org.inkling.ink.InkRenderer;
import org.inkling.ink.LabeledInk;
import org.inkling.nn.Dense;
import org.inkling.nn.Evaluation;
import org.inkling.nn.Evaluator;
import org.inkling.nn.Examples;
import org.inkling.nn.Layer;
import org.inkling.nn.Losses;
import org.inkling.nn.Metrics;
import org.inkling.nn.Optimizers;
import org.inkling.nn.Param;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Sequential;
import org.inkling.nn.Shape;
import org.inkling.nn.TrainConfig;
import org.inkling.nn.Trainer;
import org.inkling.nn.TrainingControl;
import org.inkling.nn.VerdictRule;
import org.inkling.nn.TrainingListener;
import org.inkling.nn.TrainingResult;

/**
 * Teaches a trained model a person's handwriting ({@link FineTuneRecipe}): the one fine-tune that
 * {@code inkling finetune} and the app's "Your digits" share, through the same {@link Trainer} and
 * listener vocabulary as {@link TrainingJob}.
 *
 * <p>With {@link FineTuneRecipe#headOnly} the network is cut before its trailing dense layers: the
 * front (convolutions, pooling, flatten) stays as it is, so each example goes through it once, and
 * only the small dense head trains on those outputs, then goes back into a copy of the network. A
 * network that is dense throughout trains whole. Either way the base network is never changed.
 *
 * <p>A model that learnt "not a digit" (its {@link VerdictRule} has a reject class) rehearses that class
 * too, fresh {@link NonDigitExamples} in the share of the base's own training, and the digit styles it learnt
 * beside it that a network learning to refuse tends to refuse too: broad-nib digits and, for a base trained on
 * them, font digits ({@link #broadNibRehearsalPerClass}, {@link #fontDigitRehearsal}). The taught model keeps the
 * base's rule (class names, temperature, thresholds): without them the fine-tune would teach it that
 * every drawing is a digit. The temperature is the base's fit, not refitted on the few taught drawings.
 *
 * <p>Deterministic from the recipe's seed: the same base, drawings and recipe give the same weights.
 * Runs on the calling thread; the listener hears the final fine-tune (not the cross-validation folds).
 */
public final class FineTuneJob {
    private FineTuneJob() {}

    /**
     * @param mnist   rehearsal digits and the test set, or null (synthetic rehearsal only, no test score)
     * @param measure also measure: accuracy on the taught drawings before, cross-validated after, and
     *                the MNIST test accuracy after
     */
    public static FineTuneOutcome run(SavedModel base, List<LabeledInk> taught, FineTuneRecipe recipe, Mnist mnist,
                                      TrainingListener listener, TrainingControl control, boolean measure) {
        int classes = base.network().outputSize();
        if (taught.isEmpty()) throw new IllegalArgumentException("no taught drawings: label some digits first");
        if (taught.size() > FineTuneRecipe.MAX_TAUGHT) {
            throw new IllegalArgumentException(taught.size() + " taught drawings; at most " + FineTuneRecipe.MAX_TAUGHT);
        }
        if (base.network().inputSize() != DigitGeometry.PIXELS) {
            throw new IllegalArgumentException("the model reads " + base.network().inputSize() + " values, not a 28x28 drawing");
        }
        int[] perClass = new int[classes];
        for (LabeledInk d : taught) {
            if (d.label() == null) throw new IllegalArgumentException("a taught drawing has no label");
            if (d.label() == LabeledInk.NOT_A_DIGIT && classes <= LabeledInk.NOT_A_DIGIT) {
                throw new IllegalArgumentException("a taught drawing is labelled not a digit, and " + base.name()
                        + " has no \"not a digit\" class to learn it in (retrain with --non-digits, or leave such drawings out)");
            }
            if (d.label() >= classes) {
                throw new IllegalArgumentException("a taught drawing is labelled " + d.label() + "; the model has " + classes + " classes");
            }
            perClass[d.label()]++;
        }
        long start = System.nanoTime();
        Data data = new Data(base, taught, recipe, mnist);
        Sequential tuned = data.train(null, listener, control);
        TrainingResult result = data.lastResult;
        double seconds = (System.nanoTime() - start) / 1e9;

        Map<String, Object> recipeMap = new LinkedHashMap<>();
        recipeMap.put("fine_tuned_from", base.name());
        recipeMap.put("personal_digits", taught.size());
        recipeMap.put("personal_per_class", perClass);
        recipeMap.put("fine_tune", recipe.toMap());
        if (data.nonDigitRehearsal > 0) recipeMap.put("non_digit_rehearsal", data.nonDigitRehearsal);
        if (data.broadNibRehearsal > 0) recipeMap.put("broad_nib_rehearsal", data.broadNibRehearsal);
        if (data.fontDigitRehearsal > 0) recipeMap.put("font_digit_rehearsal", data.fontDigitRehearsal);
        recipeMap.put("base_recipe", base.recipe());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("status", result.status().name().toLowerCase(java.util.Locale.ROOT));
        metrics.put("fine_tune_seconds", seconds);
        String name = base.name() == null ? "fine-tuned" : base.name().replaceAll("-taught$", "") + "-taught";
        SavedModel model = new SavedModel(name, tuned, recipeMap, metrics, base.classNames(), base.verdict());
        Measures measures = measure && result.completed() ? data.measure(tuned, mnist) : null;
        return new FineTuneOutcome(measures == null ? model : withMeasures(model, measures), perClass, result, seconds, measures);
    }

    /**
     * Measures a fine-tune afterwards, as {@code run(..., measure = true)} does, for a front end that
     * shows the taught model first and the figures when they are ready. Same inputs as the run.
     */
    public static Measures measure(SavedModel base, SavedModel tuned, List<LabeledInk> taught, FineTuneRecipe recipe,
                                   Mnist mnist) {
        return new Data(base, taught, recipe, mnist).measure(tuned.network(), mnist);
    }

    /** The model with the measures in its metrics. */
    public static SavedModel withMeasures(SavedModel model, Measures m) {
        Map<String, Object> metrics = new LinkedHashMap<>(model.metrics());
        metrics.put("personal_accuracy_before", m.accuracyBefore());
        if (!Double.isNaN(m.crossValidatedAfter())) metrics.put("personal_cv_accuracy_after", m.crossValidatedAfter());
        if (m.test() != null) {
            metrics.put("test_accuracy", m.test().accuracy());
            metrics.put("test_loss", m.test().loss());
        }
        return model.withMetrics(metrics);
    }

    /** What the check measured; {@code crossValidatedAfter} is NaN with fewer than two drawings or no folds. */
    public record Measures(double accuracyBefore, double crossValidatedAfter, int folds, Evaluation test, double seconds) {}

    static double accuracy(Sequential network, VerdictRule rule, float[] images, int[] labels) {
        if (labels.length == 0) return Double.NaN;
        FMatrixRMaj out = network.predict(FMatrixRMaj.wrap(labels.length, DigitGeometry.PIXELS, images));
        return hits(out, rule, images, labels) / (double) labels.length;
    }

    /**
     * What the measures' "read right" is over, for people: "digits", or, when some taught drawings are
     * no digit, "drawings" with how those count.
     */
    public static String whatIsRead(int[] taughtPerClass) {
        boolean nonDigits = taughtPerClass.length > LabeledInk.NOT_A_DIGIT && taughtPerClass[LabeledInk.NOT_A_DIGIT] > 0;
        return nonDigits ? "drawings (one that is no digit: when refused)" : "digits";
    }

    /**
     * How many drawings the outputs read right: a digit when it is the likeliest class, a drawing
     * taught as no digit when the model's rule refuses it ("not sure" or "not a digit", as
     * {@code predict --strokes} counts it), whatever class is likeliest.
     */
    private static int hits(FMatrixRMaj out, VerdictRule rule, float[] images, int[] labels) {
        int hits = 0;
        float[] row = new float[out.numCols];
        float[] image = new float[DigitGeometry.PIXELS];
        for (int i = 0; i < labels.length; i++) {
            System.arraycopy(out.data, i * out.numCols, row, 0, out.numCols);
            if (labels[i] == LabeledInk.NOT_A_DIGIT) {
                System.arraycopy(images, i * image.length, image, 0, image.length);
                if (!rule.judge(image, row).accepted()) hits++;
            } else if (Metrics.argmax(row) == labels[i]) {
                hits++;
            }
        }
        return hits;
    }

    /**
     * The examples of one fine-tune, made once and shared by the final fine-tune and every fold: the
     * taught drawings (as drawn and augmented) and the rehearsal, as images or, for a head-only
     * fine-tune, as the outputs of the fixed front of the network.
     */
    private static final class Data {
        final Sequential base;
        final VerdictRule rule;         // the base's, which the fine-tuned model keeps
        final FineTuneRecipe recipe;
        final int split;                // index of the first layer that trains
        final Sequential front;         // null when everything trains
        final int width;                // values per example where training starts
        final float[] personalImages;   // the drawings as drawn, for the measures
        final int[] personalLabels;
        final float[] personal;         // copies x drawings, drawing-major: drawing i's copies are rows [i*copies, (i+1)*copies)
        final float[] rehearsal;
        final int[] rehearsalLabels;
        final int nonDigitRehearsal;    // of the rehearsal, drawings of the reject class
        final int broadNibRehearsal;    // of the rehearsal, broad-nib digits
        final int fontDigitRehearsal;   // of the rehearsal, font digits (filled and pen-written)
        TrainingResult lastResult;

        Data(SavedModel model, List<LabeledInk> taught, FineTuneRecipe recipe, Mnist mnist) {
            Sequential base = model.network();
            this.base = base;
            this.rule = model.verdict();
            this.recipe = recipe;
            int n = taught.size(), px = DigitGeometry.PIXELS, copies = recipe.copies();
            personalImages = new float[n * px];
            personalLabels = new int[n];
            float[] personalCopies = new float[n * copies * px];
            Augmentation augmentation = new Augmentation(AugmentationConfig.DEFAULT);
            SplittableRandom root = new SplittableRandom(recipe.seed());
            float[] copy = new float[px];
            for (int i = 0; i < n; i++) {
                float[] image = InkRenderer.toMnist(taught.get(i).ink());
                System.arraycopy(image, 0, personalImages, i * px, px);
                personalLabels[i] = taught.get(i).label();
                SplittableRandom rng = root.split();
                for (int c = 0; c < copies; c++) {
                    System.arraycopy(image, 0, copy, 0, px);
                    if (c > 0) augmentation.augment(copy, 1, px, rng);
                    System.arraycopy(copy, 0, personalCopies, (i * copies + c) * px, px);
                }
            }
            Examples rehearse = rehearsal(mnist, recipe, base.outputSize());
            boolean refuses = model.verdict().rejectClass() >= 0;
            broadNibRehearsal = refuses ? broadNibRehearsalPerClass(model.recipe(), recipe) * DigitGeometry.DIGITS : 0;
            fontDigitRehearsal = refuses ? fontDigitRehearsal(model.recipe(), rehearse.size()) : 0;
            if (broadNibRehearsal > 0) {
                rehearse = new ConcatExamples(List.of(rehearse,
                        SyntheticDigits.broadNibExamples(broadNibRehearsal / DigitGeometry.DIGITS, recipe.seed() + 4,
                                texturaShare(model.recipe()))));
            }
            if (fontDigitRehearsal > 0) {
                rehearse = new ConcatExamples(List.of(rehearse, FontGlyphExamples.digitSample(fontDigitRehearsal, recipe.seed() + 5)));
            }
            nonDigitRehearsal = refuses ? nonDigitRehearsal(model.recipe(), rehearse.size()) : 0;
            if (nonDigitRehearsal > 0) {
                rehearse = new ConcatExamples(List.of(rehearse, NonDigitExamples.examples(nonDigitRehearsal, recipe.seed() + 2)));
            }
            float[] rehearsalImages = new float[rehearse.size() * px];
            rehearsalLabels = new int[rehearse.size()];
            for (int i = 0; i < rehearse.size(); i++) {
                rehearse.copyInput(i, rehearsalImages, i * px);
                rehearsalLabels[i] = rehearse.label(i);
            }
            split = recipe.headOnly() ? headStart(base) : 0;
            front = split > 0 ? slice(base, 0, split, base.inputShape()) : null;
            width = front == null ? px : front.outputSize();
            personal = front == null ? personalCopies : features(personalCopies);
            rehearsal = front == null ? rehearsalImages : features(rehearsalImages);
        }

        private float[] features(float[] images) {
            int rows = images.length / DigitGeometry.PIXELS;
            if (rows == 0) return new float[0];
            return front.predict(FMatrixRMaj.wrap(rows, DigitGeometry.PIXELS, images)).data;
        }

        /** Trains on the drawings not in {@code leftOut} (null: all) with the rehearsal; returns the whole network. */
        Sequential train(boolean[] leftOut, TrainingListener listener, TrainingControl control) {
            int copies = recipe.copies(), n = personalLabels.length;
            int kept = 0;
            for (int i = 0; i < n; i++) if (leftOut == null || !leftOut[i]) kept++;
            int rows = kept * copies + rehearsalLabels.length;
            float[] x = new float[rows * width];
            int[] y = new int[rows];
            int r = 0;
            for (int i = 0; i < n; i++) {
                if (leftOut != null && leftOut[i]) continue;
                System.arraycopy(personal, i * copies * width, x, r * width, copies * width);
                for (int c = 0; c < copies; c++) y[r++] = personalLabels[i];
            }
            System.arraycopy(rehearsal, 0, x, r * width, rehearsal.length);
            System.arraycopy(rehearsalLabels, 0, y, r, rehearsalLabels.length);

            Sequential trained = slice(base, split, base.layers().size(),
                    split == 0 ? base.inputShape() : Shape.flat(width));
            lastResult = Trainer.fit(trained, Optimizers.create("adam", recipe.learningRate(), 0),
                    Losses.SPARSE_CATEGORICAL_CROSSENTROPY, ArrayExamples.ofFloats(x, width, y),
                    TrainConfig.of(recipe.epochs(), recipe.batchSize(), recipe.seed()), listener, control);
            Sequential whole = base.copy();
            copyLayers(trained, 0, whole, split, trained.layers().size());
            return whole;
        }

        Measures measure(Sequential tuned, Mnist mnist) {
            long start = System.nanoTime();
            int n = personalLabels.length;
            double before = accuracy(base, rule, personalImages, personalLabels);
            double after = recipe.folds() >= 2 && n >= 2 ? crossValidate() : Double.NaN;
            Evaluation test = mnist == null ? null : Evaluator.evaluate(tuned, mnist.test());
            return new Measures(before, after, Math.min(recipe.folds(), n), test, (System.nanoTime() - start) / 1e9);
        }

        /** Stratified k-fold: each drawing is read by a network fine-tuned without it. */
        double crossValidate() {
            int n = personalLabels.length, folds = Math.min(recipe.folds(), n);
            int[] fold = folds(personalLabels, folds, recipe.seed());
            int hits = 0;
            for (int f = 0; f < folds; f++) {
                boolean[] out = new boolean[n];
                List<Integer> held = new ArrayList<>();
                for (int i = 0; i < n; i++) if (fold[i] == f) { out[i] = true; held.add(i); }
                if (held.isEmpty()) continue;
                Sequential tuned = train(out, null, null);
                float[] images = new float[held.size() * DigitGeometry.PIXELS];
                int[] labels = new int[held.size()];
                for (int j = 0; j < held.size(); j++) {
                    System.arraycopy(personalImages, held.get(j) * DigitGeometry.PIXELS, images, j * DigitGeometry.PIXELS, DigitGeometry.PIXELS);
                    labels[j] = personalLabels[held.get(j)];
                }
                hits += hits(tuned.predict(FMatrixRMaj.wrap(labels.length, DigitGeometry.PIXELS, images)), rule, images, labels);
            }
            return hits / (double) n;
        }
    }

    /** Fold of each drawing: each class's drawings in a seeded order dealt round the folds, continuing from class to class. */
    static int[] folds(int[] labels, int folds, long seed) {
        int n = labels.length;
        int classes = 0;
        for (int l : labels) classes = Math.max(classes, l + 1);
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5EEDF01DL);
        int[] fold = new int[n];
        int next = 0;
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < n; i++) if (labels[i] == c) members.add(i);
            for (int i = members.size() - 1; i > 0; i--) java.util.Collections.swap(members, i, rng.nextInt(i + 1));
            for (int i : members) fold[i] = next++ % folds;
        }
        return fold;
    }

    /** Rehearsal examples: the first {@code rehearsalPerClass} of each class in a seeded shuffle of MNIST's training set, and synthetic styles. */
    static Examples rehearsal(Mnist mnist, FineTuneRecipe recipe, int classes) {
        ArrayExamples.Builder b = ArrayExamples.builder(DigitGeometry.PIXELS);
        if (mnist != null && recipe.rehearsalPerClass() > 0) {
            MnistDataset train = mnist.train();
            int[] order = new int[train.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            SplittableRandom rng = new SplittableRandom(recipe.seed() * 31 + 7);
            for (int i = order.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1), t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int[] taken = new int[Math.max(classes, 10)];
            float[] image = new float[DigitGeometry.PIXELS];
            for (int i : order) {
                int label = train.label(i);
                if (label < classes && taken[label] < recipe.rehearsalPerClass()) {
                    taken[label]++;
                    train.copyInput(i, image, 0);
                    b.add(image, label);
                }
            }
        }
        if (recipe.syntheticPerClass() > 0) {
            Examples synthetic = SyntheticDigits.examples(recipe.syntheticPerClass(), recipe.seed() + 1);
            float[] image = new float[DigitGeometry.PIXELS];
            for (int i = 0; i < synthetic.size(); i++) {
                if (synthetic.label(i) >= classes) continue;
                synthetic.copyInput(i, image, 0);
                b.add(image, synthetic.label(i));
            }
        }
        return b.build();
    }

    /**
     * How many non-digits to rehearse beside {@code digits} rehearsed digits: the share the base model
     * trained with (its recipe's {@code non_digits} of {@code train_examples}), so the fine-tune does
     * not shift the prior of "not a digit"; one digit class's worth for a model that records neither.
     */
    static int nonDigitRehearsal(Map<String, Object> baseRecipe, int digits) {
        if (baseRecipe.get("non_digits") instanceof Number n && baseRecipe.get("train_examples") instanceof Number all
                && n.doubleValue() > 0 && all.doubleValue() > n.doubleValue()) {
            double share = Math.min(0.5, n.doubleValue() / all.doubleValue());
            return (int) Math.round(digits * share / (1 - share));
        }
        return Math.max(1, digits / DigitGeometry.DIGITS);
    }

    /**
     * Broad-nib digits per class to rehearse for a base that learnt "not a digit" beside them (its recipe
     * has synthetic digits and non-digits, so {@link TrainingJob} added broad-nib ones): in the ratio the
     * training set had them to the synthetic digits (a third unless it records {@code broad_nib_per_class}), so the fine-tune does not teach it to refuse heavy,
     * angular digits again; none without synthetic digits in the fine-tune.
     */
    static int broadNibRehearsalPerClass(Map<String, Object> baseRecipe, FineTuneRecipe recipe) {
        if (!(baseRecipe.get("synthetic_per_class") instanceof Number s && s.intValue() > 0
                && baseRecipe.get("non_digits") instanceof Number n && n.intValue() > 0) || recipe.syntheticPerClass() == 0) {
            return 0;
        }
        if (baseRecipe.get("broad_nib_per_class") instanceof Number b) {
            if (b.intValue() <= 0) return 0;
            return (int) Math.max(1, Math.round(recipe.syntheticPerClass() * b.doubleValue() / s.doubleValue()));
        }
        return TrainingJob.defaultBroadNibPerClass(recipe.syntheticPerClass());
    }

    /** The share of textura digits among the base's broad-nib ones, rehearsed in the same share; 0 if it records none. */
    static double texturaShare(Map<String, Object> baseRecipe) {
        return baseRecipe.get("textura_share") instanceof Number t && t.doubleValue() >= 0 && t.doubleValue() <= 1 ? t.doubleValue() : 0;
    }

    /**
     * Font digits to rehearse beside {@code digits} rehearsed digits for a base trained on them ({@code
     * font_copies}): the share they had of its training examples (each training font digit {@code
     * font_copies} times filled and as many times pen-written), at most every digit both ways.
     */
    static int fontDigitRehearsal(Map<String, Object> baseRecipe, int digits) {
        if (baseRecipe.get("font_copies") instanceof Number copies && copies.intValue() > 0
                && baseRecipe.get("font_glyphs") instanceof Map<?, ?> set && set.get("digits") instanceof Number fontDigits
                && baseRecipe.get("train_examples") instanceof Number all) {
            double shown = 2.0 * fontDigits.doubleValue() * copies.doubleValue();
            if (shown <= 0 || shown >= all.doubleValue()) return 0;
            double share = shown / all.doubleValue();
            return (int) Math.min(2 * fontDigits.longValue(), Math.round(digits * share / (1 - share)));
        }
        return 0;
    }

    /** Index of the first of the trailing dense layers, where a head-only fine-tune starts (0: all dense). */
    static int headStart(Sequential network) {
        List<Layer> layers = network.layers();
        int i = layers.size();
        while (i > 0 && layers.get(i - 1) instanceof Dense) i--;
        return i > 0 && layers.get(i - 1).outputShape().isFlat() ? i : 0;
    }

    /** Layers {@code [from, to)} of {@code network} as a network of their own with copies of their weights. */
    static Sequential slice(Sequential network, int from, int to, Shape input) {
        List<Layer> fresh = new ArrayList<>();
        for (Layer l : network.layers().subList(from, to)) fresh.add(l.unbuiltCopy());
        Sequential s = new Sequential(input, fresh, 0);
        copyLayers(network, from, s, 0, to - from);
        return s;
    }

    private static void copyLayers(Sequential src, int srcFrom, Sequential dst, int dstFrom, int count) {
        for (int k = 0; k < count; k++) {
            List<Param> a = src.layers().get(srcFrom + k).params(), b = dst.layers().get(dstFrom + k).params();
            for (int p = 0; p < a.size(); p++) {
                System.arraycopy(a.get(p).value().data, 0, b.get(p).value().data, 0, a.get(p).size());
            }
        }
    }
}
