package org.inkling.app.training;

import org.inkling.app.shared.MnistFolders;

import org.inkling.app.model.EngineModel;
import org.inkling.app.model.ModelHandle;

import java.io.IOException;
import java.nio.file.Path;
import org.inkling.data.Mnist;
import org.inkling.nn.Engine;
import org.inkling.nn.KernelWarmUp;
import org.inkling.nn.SavedModel;
import org.inkling.nn.TrainingControl;
import org.inkling.nn.TrainingListener;
import org.inkling.training.TrainingJob;
import org.inkling.training.TrainingOutcome;

/**
 * The Train button's runner: the shared {@link TrainingJob}, with MNIST kept loaded between runs
 * from the same folder (47 MB as bytes, a second to read) and a core left to the window.
 */
public final class EngineTrainingRunner implements TrainingRunner {
    private Path loadedFrom;
    private Mnist loaded;

    @Override
    public ModelHandle train(TrainingRequest request, TrainingListener listener, TrainingSwitch control)
            throws Exception {
        // Leave a core to the FX thread and the renderer: with every core training, the window stutters.
        int cores = Runtime.getRuntime().availableProcessors();
        int threadsBefore = Engine.threads();
        Engine.setThreads(Math.max(1, Math.min(threadsBefore, cores - 1)));
        try {
            Mnist mnist = mnist(request.mnistFolder());
            // A closing window waits for nobody's test accuracy.
            TrainingOutcome outcome = TrainingJob.run(request.recipe(), mnist, listener, control.engineControl(),
                    () -> !control.isAbandoned());
            if (outcome.diverged()) {
                throw new IllegalStateException(outcome.result().message());
            }
            SavedModel m = outcome.model();
            return EngineModel.trained(m);
        } finally {
            Engine.setThreads(threadsBefore);
        }
    }

    /**
     * {@link KernelWarmUp}: a throw-away network trained for a few batches of made-up digits, the
     * multilayer ones or, for a convolutional architecture, a copy of it. It leaves the engine's
     * thread setting alone, since a run starting beside it sets its own; it uses the cores as they
     * are set for a few seconds, while the person is still filling in the form. Warm-ups asked for
     * together run one after the other.
     */
    @Override
    public void warmUp(TrainingControl control, String architecture) {
        synchronized (warmUpLock) {
            if (!control.isCancelled()) KernelWarmUp.run(control, architecture);
        }
    }

    private final Object warmUpLock = new Object();

    private synchronized Mnist mnist(Path folder) throws IOException {
        Path key = folder.toAbsolutePath().normalize();
        if (!key.equals(loadedFrom)) {
            loaded = Mnist.load(MnistFolders.filesIn(key));
            loadedFrom = key;
        }
        return loaded;
    }
}
