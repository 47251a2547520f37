package org.inkling.app.shared;

import org.inkling.nn.ModelFile;

import org.inkling.app.shared.MnistSource;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/** {@link DialogService} with JavaFX dialogs owned by the main window. */
public final class FxDialogService implements DialogService {
    private static final FileChooser.ExtensionFilter MODELS =
            new FileChooser.ExtensionFilter("Inkling models (*" + ModelFile.EXTENSION + ")", "*" + ModelFile.EXTENSION);
    /** What Open reads (models.Models tells the format by content; these are the names it comes under). */
    private static final FileChooser.ExtensionFilter OPENABLE = new FileChooser.ExtensionFilter(
            "Models (*" + ModelFile.EXTENSION + ", Keras *.h5 *.keras, TensorFlow.js model.json)",
            "*" + ModelFile.EXTENSION, "*.h5", "*.hdf5", "*.keras", "model.json", "*.json");

    private final Window owner;
    private final MnistSource mnist;
    private final TaskExecutor tasks;
    private Path lastFolder;

    public FxDialogService(Window owner, MnistSource mnist, TaskExecutor tasks) {
        this.owner = owner;
        this.mnist = mnist;
        this.tasks = tasks;
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("Inkling");
        alert.setHeaderText(title);
        alert.setContentText(message);
        alert.getDialogPane().setMinWidth(460);
        alert.showAndWait();
    }

    @Override
    public Optional<Path> chooseModelToOpen() {
        FileChooser chooser = chooser("Open model");
        chooser.getExtensionFilters().setAll(OPENABLE, MODELS);
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(f -> remember(f.toPath()));
    }

    @Override
    public Optional<Path> chooseModelToSave(String suggestedFileName) {
        FileChooser chooser = chooser("Save model");
        chooser.setInitialFileName(suggestedFileName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(f -> remember(f.toPath()));
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedFileName, String kind, String extension) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter(kind + " (*." + extension + ")",
                "*." + extension));
        chooser.setInitialFileName(suggestedFileName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(f -> remember(withExtension(f.toPath(), extension)));
    }

    /** GTK's dialog does not add the filter's extension: "curves" becomes "curves.csv". */
    static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith("." + extension) ? file
                : file.resolveSibling(name + "." + extension);
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(MODELS);
        Path folder = lastFolder != null ? lastFolder : Path.of(System.getProperty("user.home"));
        if (folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }

    private Path remember(Path file) {
        lastFolder = file.toAbsolutePath().getParent();
        return file;
    }

    @Override
    public boolean confirm(String header, String message, String confirmText) {
        ButtonType yes = new ButtonType(confirmText, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Inkling");
        alert.setHeaderText(header);
        return alert.showAndWait().orElse(ButtonType.CANCEL) == yes;
    }

    @Override
    public CloseChoice askSaveBeforeClose(String message) {
        ButtonType save = new ButtonType("Save…", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, save, discard, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Inkling");
        alert.setHeaderText("Unsaved model");
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == save ? CloseChoice.SAVE : answer == discard ? CloseChoice.DISCARD : CloseChoice.CANCEL;
    }

    @Override
    public void resolveMissingMnist(Consumer<Path> onReady) {
        ButtonType download = new ButtonType("Download MNIST", ButtonBar.ButtonData.OK_DONE);
        ButtonType choose = new ButtonType("Choose Folder…", ButtonBar.ButtonData.OTHER);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Inkling");
        dialog.setHeaderText("MNIST was not found");
        FontIcon icon = new FontIcon("mdal-cloud_download");
        icon.setIconSize(28);
        dialog.setGraphic(icon);
        Label text = new Label("Training needs the MNIST handwritten digits (four files, about 11 MB). "
                + "Inkling looked in the folder named by INKLING_MNIST and in ~/.cache/inkling/mnist.\n\n"
                + "Download them now, or choose a folder that already holds "
                + "train-images-idx3-ubyte(.gz) and its three companions.");
        text.setWrapText(true);
        ProgressBar bar = new ProgressBar(0);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setVisible(false);
        Label status = new Label();
        VBox content = new VBox(12, text, bar, status);
        content.setPadding(new Insets(12, 16, 8, 16));
        content.setPrefWidth(480);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(download, choose, ButtonType.CANCEL);

        Button downloadButton = (Button) dialog.getDialogPane().lookupButton(download);
        Button chooseButton = (Button) dialog.getDialogPane().lookupButton(choose);
        downloadButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // keep the dialog open while the download runs
            downloadButton.setDisable(true);
            chooseButton.setDisable(true);
            bar.setVisible(true);
            status.setText("Downloading and checking…");
            BackgroundTask.wrap(mnist::download)
                    .onProgress(bar::setProgress)
                    .onSuccess(folder -> {
                        dialog.setResult(ButtonType.OK);
                        dialog.close();
                        onReady.accept(folder);
                    })
                    .onFailure(error -> {
                        status.setText("");
                        bar.setVisible(false);
                        downloadButton.setDisable(false);
                        chooseButton.setDisable(false);
                        showError("MNIST could not be downloaded", ErrorText.describe(error)
                                + "\n\nCheck the network connection and try again, or download the four files "
                                + "yourself and choose their folder.");
                    })
                    .executeWith(tasks);
        });
        chooseButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder holding MNIST");
            var folder = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (folder == null) {
                return;
            }
            if (mnist.holdsMnist(folder.toPath())) {
                dialog.setResult(ButtonType.OK);
                dialog.close();
                onReady.accept(folder.toPath());
            } else {
                status.setText(folder + " does not hold the four MNIST files. Choose another folder.");
            }
        });
        dialog.show();
    }
}
