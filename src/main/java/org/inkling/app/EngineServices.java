package org.inkling.app;

import org.inkling.app.drawing.InkRendererRasterizer;
import org.inkling.app.model.EngineModelStore;
import org.inkling.app.training.EngineTrainingRunner;
import org.inkling.app.shared.MnistFolders;

/** The app's services over the real engine, MNIST data, ink renderer and model files. */
final class EngineServices {
    private EngineServices() {}

    static AppServices create() {
        return new AppServices(new EngineModelStore(), new EngineTrainingRunner(), new MnistFolders(),
                new InkRendererRasterizer());
    }
}
