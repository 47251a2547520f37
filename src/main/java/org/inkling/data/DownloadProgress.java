package org.inkling.data;

import java.net.URI;

/**
 * How far the download of one MNIST file has got. The command line draws a bar from it; the app
 * binds a ProgressBar to {@code bytesDone / bytesTotal}.
 *
 * @param file the file being fetched
 * @param fileNumber 1-based position of this file among those being downloaded
 * @param fileCount how many files are being downloaded in this run
 * @param url where it is being fetched from
 * @param bytesDone bytes received so far (as sent, i.e. compressed)
 * @param bytesTotal the length the server announced, or -1 when it did not say
 */
public record DownloadProgress(MnistFile file, int fileNumber, int fileCount, URI url, long bytesDone, long bytesTotal) {
    /** Fraction done in 0..1, or -1 when the total is unknown. */
    public double fraction() {
        return bytesTotal > 0 ? Math.min(1.0, bytesDone / (double) bytesTotal) : -1;
    }
}
