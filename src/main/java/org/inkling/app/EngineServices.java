package org.inkling.app;

/** The app's services over the real engine, MNIST data, ink renderer and model files. */
final class EngineServices {
    private EngineServices() {}

    static AppServices create() {
        return new AppServices(new EngineModelStore(), new EngineTrainingRunner(), new MnistFolders(),
                new InkRendererRasterizer());
    }
}
