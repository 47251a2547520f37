package org.inkling.app.shared;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import org.inkling.data.MnistDownloader;
import org.inkling.data.MnistFile;
import org.inkling.data.MnistFiles;
import org.inkling.data.MnistLocator;

/** {@link MnistSource} over the data package's locator and verifying downloader. */
public final class MnistFolders implements MnistSource {
    @Override
    public Optional<Path> locate() {
        try {
            return MnistLocator.standard(null).findLocal().map(MnistFolders::folderOf);
        } catch (IOException e) {
            // INKLING_MNIST names a folder without the files: treat as not found, the dialog explains.
            return Optional.empty();
        }
    }

    @Override
    public boolean holdsMnist(Path folder) {
        try {
            return MnistLocator.standard(folder).findLocal().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Path download(DoubleConsumer progress) throws IOException {
        MnistFiles files = MnistLocator.standard(null).locate(new MnistDownloader(), p -> {
            double fraction = Math.max(0, p.fraction());
            progress.accept((p.fileNumber() - 1 + fraction) / p.fileCount());
        });
        return folderOf(files);
    }

    /** The files the training runner needs, or an error naming the folder and what it lacks. */
    public static MnistFiles filesIn(Path folder) throws IOException {
        return MnistLocator.standard(folder).findLocal()
                .orElseThrow(() -> new IOException(folder + " does not hold the MNIST files"));
    }

    private static Path folderOf(MnistFiles files) {
        return files.path(MnistFile.values()[0]).toAbsolutePath().getParent();
    }
}
