package org.inkling.app.training;

import org.inkling.app.model.Classifier;

import java.util.List;
import org.inkling.training.EpochMetrics;

/**
 * Everything that happened on the training thread since the previous update, delivered to the FX
 * thread in one piece.
 *
 * @param snapshot a copy of the network as it is now, or null if none was taken
 * @param epochNetwork at an epoch's end, a copy of the network that nobody writes again (for views
 *     that evaluate or look inside it on their own threads), else null
 * @param liveNetwork a copy that nobody writes again, taken at this hand-over for the views that look
 *     inside the network while it trains (the epoch's copy at an epoch's end), or null when none asked
 * @param epochEnds the epochs that ended since the previous update, with their metrics
 */
public record TrainingUpdate(
        List<ChartPoint> trainLoss,
        List<ChartPoint> trainAccuracy,
        List<ChartPoint> valLoss,
        List<ChartPoint> valAccuracy,
        int epoch,
        int epochs,
        int batch,
        int batchesPerEpoch,
        long elapsedNanos,
        Classifier snapshot,
        org.inkling.nn.Sequential epochNetwork,
        org.inkling.nn.Sequential liveNetwork,
        List<EpochMetrics> epochEnds) {
    public TrainingUpdate {
        trainLoss = List.copyOf(trainLoss);
        trainAccuracy = List.copyOf(trainAccuracy);
        valLoss = List.copyOf(valLoss);
        valAccuracy = List.copyOf(valAccuracy);
        epochEnds = List.copyOf(epochEnds);
    }

    /** Batches done so far over the whole run. */
    public long batchesDone() {
        return epoch <= 0 ? 0 : (long) (epoch - 1) * batchesPerEpoch + batch;
    }

    public long batchesTotal() {
        return (long) epochs * batchesPerEpoch;
    }
}
