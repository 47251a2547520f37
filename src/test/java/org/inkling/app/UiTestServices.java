package org.inkling.app;

import java.nio.file.Path;

/** The services the UI test drives: TEMPORARY fakes until the engine lands, then the real ones. */
final class UiTestServices {
    private UiTestServices() {}

    static AppServices create() {
        Fakes.Mnist mnist = new Fakes.Mnist();
        mnist.folder = mnistFolder();
        return new AppServices(new Fakes.Store(), new Fakes.Runner(40, 10), mnist, new InkRendererRasterizer());
    }

    static Path mnistFolder() {
        return Path.of(System.getProperty("inkling.mnist", "../shared/data/mnist"));
    }
}
