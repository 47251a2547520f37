package org.inkling.app;

import org.inkling.app.drawing.InkRasterizer;
import org.inkling.app.model.ModelStore;
import org.inkling.app.shared.MnistSource;
import org.inkling.app.training.TrainingRunner;

import java.util.Objects;

/** The outside world the app talks to: the engine, MNIST, model files and the ink renderer. */
public record AppServices(ModelStore models, TrainingRunner trainer, MnistSource mnist, InkRasterizer rasterizer) {
    public AppServices {
        Objects.requireNonNull(models);
        Objects.requireNonNull(trainer);
        Objects.requireNonNull(mnist);
        Objects.requireNonNull(rasterizer);
    }
}
