package org.inkling.training;

import org.inkling.nn.Evaluation;
import org.inkling.nn.SavedModel;
import org.inkling.nn.TrainingResult;

/**
 * What a {@link TrainingJob} made: the model with its recipe and metrics (ready to save), how
 * training ended, and the test-set evaluation (null when the caller no longer wanted it).
 */
public record TrainingOutcome(SavedModel model, TrainingResult result, Evaluation test) {
    /** Whether training ran every epoch (not stopped, not diverged). */
    public boolean completed() {
        return result.completed();
    }

    public boolean diverged() {
        return result.status() == TrainingResult.Status.DIVERGED;
    }
}
