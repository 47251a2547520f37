package org.inkling.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.inkling.data.DownloadListener;
import org.inkling.data.Mnist;
import org.inkling.data.MnistDownloader;
import org.inkling.data.MnistFiles;
import org.inkling.data.MnistLocator;
import picocli.CommandLine.Option;

/** {@code --data DIR}: where MNIST is, else {@code $INKLING_MNIST}, else the user cache (downloading into it). */
final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with the four MNIST IDX files (gzipped or not). Default: $INKLING_MNIST, "
                    + "then ~/.cache/inkling/mnist, downloading there if needed.")
    Path dir;

    Mnist load(boolean quiet) {
        try {
            MnistLocator locator = MnistLocator.standard(dir);
            DownloadListener listener = quiet ? DownloadListener.NONE : new ConsoleDownloadListener();
            MnistFiles files = locator.locate(new MnistDownloader(), listener);
            return Mnist.load(files);
        } catch (IOException e) {
            throw new CliException(e.getMessage(), e);
        }
    }
}
