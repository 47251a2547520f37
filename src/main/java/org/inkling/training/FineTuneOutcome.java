package org.inkling.training;

import org.inkling.nn.SavedModel;
import org.inkling.nn.TrainingResult;

/**
 * What a fine-tune returns: the taught model (its recipe records {@code fine_tuned_from}, the personal
 * count per class and the fine-tune's settings), the drawings taught per class, how the training
 * ended, how long the fine-tune itself took, and the measures (null when not asked for).
 */
public record FineTuneOutcome(SavedModel model, int[] taughtPerClass, TrainingResult result, double seconds,
                              FineTuneJob.Measures measures) {}
