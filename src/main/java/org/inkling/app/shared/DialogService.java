package org.inkling.app.shared;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** The questions and messages view models put to the person; the app shows them as dialogs. */
public interface DialogService {
    enum CloseChoice { SAVE, DISCARD, CANCEL }

    /** Says what went wrong and what to do; the app keeps running. */
    void showError(String title, String message);

    Optional<Path> chooseModelToOpen();

    Optional<Path> chooseModelToSave(String suggestedFileName);

    /**
     * Asks where to save a file of one kind (an export); the path returned ends in
     * {@code .extension}.
     *
     * @param kind      what the file is, for the file type filter ("CSV table")
     * @param extension without the dot ("csv")
     */
    Optional<Path> chooseFileToSave(String title, String suggestedFileName, String kind, String extension);

    /** Asks a yes/no question; {@code confirmText} labels the yes button. */
    boolean confirm(String header, String message, String confirmText);

    /** Asks whether to save before closing (or to cancel closing). */
    CloseChoice askSaveBeforeClose(String message);

    /**
     * MNIST was not found: offers to download it or to choose a folder. Calls {@code onReady} with
     * the folder once MNIST is there; does nothing more if the person cancels.
     */
    void resolveMissingMnist(Consumer<Path> onReady);
}
