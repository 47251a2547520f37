package org.inkling.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.inkling.data.Mnist;
import org.inkling.data.MnistLocator;

/** Real MNIST for the training tests, found where the other tests find it; read once per test run. */
public final class TestMnist {
    private static Mnist loaded;

    private TestMnist() {}

    public static synchronized Mnist get() throws IOException {
        if (loaded == null) {
            Path dir = org.inkling.data.TestMnist.dir();
            loaded = Mnist.load(MnistLocator.standard(dir).findLocal().orElseThrow(
                    () -> new IOException("no MNIST in " + dir.toAbsolutePath())));
        }
        return loaded;
    }
}
