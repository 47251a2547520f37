package org.inkling.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to teach a trained network a person's handwriting, checked once: the person's drawings are
 * shown {@code copies} times each (the first as drawn, the rest shifted, turned and bent by the
 * training augmentation) beside a rehearsal of {@code rehearsalPerClass} MNIST training digits and
 * {@code syntheticPerClass} synthetic drawn digits per class, so the network learns the new style
 * without forgetting the others.
 *
 * @param headOnly   train only the trailing dense layers (the convolutions stay as they are, so their
 *                   outputs are computed once and the fine-tune takes a second); false trains every layer
 * @param folds      folds of the cross-validation that measures accuracy on drawings the fine-tune did
 *                   not see (0 skips it)
 */
public record FineTuneRecipe(int copies, int rehearsalPerClass, int syntheticPerClass, int epochs, int batchSize,
                             double learningRate, long seed, boolean headOnly, int folds) {
    public static final int MAX_COPIES = 200;
    public static final int MAX_REHEARSAL_PER_CLASS = 6000;
    public static final int MAX_FOLDS = 20;
    /** More than anyone teaches by hand; bounds the memory of the copies before anything is rendered. */
    public static final int MAX_TAUGHT = 20_000;

    public FineTuneRecipe {
        check("copies", copies >= 1 && copies <= MAX_COPIES, "copies of each drawing must be from 1 to " + MAX_COPIES + ", got " + copies);
        check("rehearsal", rehearsalPerClass >= 0 && rehearsalPerClass <= MAX_REHEARSAL_PER_CLASS,
                "rehearsal digits per class must be from 0 to " + MAX_REHEARSAL_PER_CLASS + ", got " + rehearsalPerClass);
        check("synthetic_per_class", syntheticPerClass >= 0 && syntheticPerClass <= TrainingRecipe.MAX_SYNTHETIC_PER_CLASS,
                "synthetic digits per class must be from 0 to " + TrainingRecipe.MAX_SYNTHETIC_PER_CLASS + ", got " + syntheticPerClass);
        check("epochs", TrainingRecipe.epochsError(epochs) == null, TrainingRecipe.epochsError(epochs));
        check("batch_size", TrainingRecipe.batchSizeError(batchSize) == null, TrainingRecipe.batchSizeError(batchSize));
        check("learning_rate", TrainingRecipe.learningRateError(learningRate) == null, TrainingRecipe.learningRateError(learningRate));
        check("folds", folds == 0 || (folds >= 2 && folds <= MAX_FOLDS), "folds must be 0 (no check) or from 2 to " + MAX_FOLDS + ", got " + folds);
    }

    /** The settings chosen on the writer-adaptation benchmark (bench/finetune-writers.sh): a reply in about a second. */
    public static FineTuneRecipe standard() {
        return new FineTuneRecipe(8, 40, 10, 8, 64, 1e-3, 1, true, 5);
    }

    public FineTuneRecipe withSeed(long s) {
        return new FineTuneRecipe(copies, rehearsalPerClass, syntheticPerClass, epochs, batchSize, learningRate, s, headOnly, folds);
    }

    public FineTuneRecipe withFolds(int f) {
        return new FineTuneRecipe(copies, rehearsalPerClass, syntheticPerClass, epochs, batchSize, learningRate, seed, headOnly, f);
    }

    private static void check(String field, boolean ok, String message) {
        if (!ok) throw new RecipeException(field, message);
    }

    /** As the model file records it under {@code fine_tune}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("copies", copies);
        m.put("rehearsal_per_class", rehearsalPerClass);
        m.put("synthetic_per_class", syntheticPerClass);
        m.put("epochs", epochs);
        m.put("batch_size", batchSize);
        m.put("optimizer", "adam");
        m.put("learning_rate", learningRate);
        m.put("seed", seed);
        m.put("trainable", headOnly ? "dense head" : "all layers");
        m.put("folds", folds);
        return m;
    }
}
