package org.inkling.app;

import java.nio.file.Path;

/** The UI tests drive the real services: engine, MNIST where {@link org.inkling.data.TestMnist} finds it, ink renderer. */
final class UiTestServices {
    private UiTestServices() {}

    static AppServices create() {
        return EngineServices.create();
    }

    static Path mnistFolder() {
        return org.inkling.data.TestMnist.dir();
    }
}
