package org.inkling.app.training;

import org.inkling.data.AugmentationConfig;
import org.inkling.nn.Activation;
import org.inkling.nn.LearningRateSchedule;
import org.inkling.training.TrainingRecipe;

/** Ready-made recipes for the form, from a minute's try to the one the shipped model was made with. */
public enum TrainingPreset {
    QUICK_MLP("Quick MLP (about a minute)", new TrainingRecipe(null, "128", Activation.RELU, "adam", null, 0,
            LearningRateSchedule.constant(), AugmentationConfig.NONE, 0, 2, 128, 1, 0, null)),
    TEXTBOOK("Textbook MLP (Keras book, ch. 2)", TrainingRecipe.textbook()),
    /**
     * The recipe in the README's "The shipped model": CNN, Adam, cosine decay, augmentation, synthetic,
     * broad-nib and font digits, and non-digits as an eleventh class with a calibration hold-out.
     */
    BUILT_IN_CNN("Built-in CNN recipe (long)", new TrainingRecipe(null, "conv32,conv32,pool,conv64,conv64,pool,256", Activation.RELU,
            "adam", null, 0, LearningRateSchedule.cosine(0), AugmentationConfig.DEFAULT, 3000, 15, 128, 1, 0, null,
            9000, 1000, 30, 3000));

    private final String label;
    private final TrainingRecipe recipe;

    TrainingPreset(String label, TrainingRecipe recipe) {
        this.label = label;
        this.recipe = recipe;
    }

    public TrainingRecipe recipe() {
        return recipe;
    }

    @Override
    public String toString() {
        return label;
    }
}
