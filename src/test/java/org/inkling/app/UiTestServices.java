package org.inkling.app;

import java.nio.file.Path;

/** The UI tests drive the real services: engine, MNIST from {@code inkling.mnist}, ink renderer. */
final class UiTestServices {
    private UiTestServices() {}

    static AppServices create() {
        return EngineServices.create();
    }

    static Path mnistFolder() {
        return Path.of(System.getProperty("inkling.mnist", "../shared/data/mnist"));
    }
}
