package org.inkling.nn;

import java.util.List;
import org.inkling.nn.TrainingListener.EpochEvent;

/**
 * How a training run ended.
 *
 * @param message a sentence for people, e.g. why training stopped
 * @param history one event per completed epoch
 */
public record TrainingResult(Status status, String message, int epochsCompleted, List<EpochEvent> history,
                             double seconds) {
    public enum Status { COMPLETED, CANCELLED, DIVERGED }

    public TrainingResult {
        history = List.copyOf(history);
    }

    public boolean completed() {
        return status == Status.COMPLETED;
    }

    /** The last completed epoch, or null if none completed. */
    public EpochEvent lastEpoch() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }
}
