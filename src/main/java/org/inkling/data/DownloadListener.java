package org.inkling.data;

import java.net.URI;

/** Hears about a download as it goes; called on the downloading thread. */
@FunctionalInterface
public interface DownloadListener {
    /** No-op listener. */
    DownloadListener NONE = p -> {};

    /** Called when a transfer starts, after every chunk received, and when it ends. */
    void onProgress(DownloadProgress progress);

    /** A mirror failed for {@code file}; the next one will be tried. */
    default void onMirrorFailed(MnistFile file, URI url, String reason) {}
}
