package org.inkling.app.teaching;

import java.io.File;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.inkling.base.DigitGeometry;
import org.inkling.ink.LabeledInk;
import org.kordamp.ikonli.javafx.FontIcon;

/** Binds the "Your digits" tab to the {@link TeachingViewModel}; the gallery shows each taught drawing as the network sees it. */
public final class TeachingController {
    private static final int THUMB_SCALE = 2;

    private final TeachingViewModel vm;

    @FXML private javafx.scene.layout.FlowPane digitButtons;
    @FXML private Button learnButton;
    @FXML private Button undoButton;
    @FXML private Button shippedButton;
    @FXML private CheckBox autoLearnBox;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label statusLabel;
    @FXML private Label summaryLabel;
    @FXML private Label galleryTitle;
    @FXML private TilePane gallery;

    public TeachingController(TeachingViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        for (int d = 0; d < 10; d++) {
            int digit = d;
            Button b = new Button(Integer.toString(d));
            b.setId("teach-" + d);
            b.getStyleClass().add("digit-button");
            b.setMinWidth(28);
            b.setTooltip(new Tooltip("The drawing is a " + d + " (key " + d + ")"));
            b.setOnAction(e -> vm.label(digit));
            digitButtons.getChildren().add(b);
        }
        Button none = new Button("Not a digit");
        none.setId("teach-not-a-digit");
        none.getStyleClass().add("digit-button");
        none.setMinWidth(Button.USE_PREF_SIZE);
        none.setTooltip(new Tooltip("The drawing is no digit: a letter, a scribble (key N); the network learns to answer \"not a digit\""));
        none.setOnAction(e -> vm.label(LabeledInk.NOT_A_DIGIT));
        digitButtons.getChildren().add(none);
        learnButton.disableProperty().bind(vm.busyProperty());
        undoButton.disableProperty().bind(vm.canUndoProperty().not().or(vm.busyProperty()));
        shippedButton.disableProperty().bind(vm.busyProperty());
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        autoLearnBox.selectedProperty().bindBidirectional(vm.autoLearnProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        summaryLabel.textProperty().bind(vm.summaryProperty());
        vm.items().addListener((ListChangeListener<TeachingViewModel.Item>) c -> rebuildGallery());
        rebuildGallery();
    }

    private void rebuildGallery() {
        gallery.getChildren().clear();
        for (TeachingViewModel.Item item : vm.items()) gallery.getChildren().add(tile(item));
        galleryTitle.setText("Your digits (" + vm.items().size() + ")");
    }

    private VBox tile(TeachingViewModel.Item item) {
        ImageView image = new ImageView(thumbnail(item.image()));
        boolean isDigit = item.label() != LabeledInk.NOT_A_DIGIT;
        // "not a digit" as a sign, not words: a tile is two thumbnails wide, and words would widen them all
        Label label = isDigit ? new Label(Integer.toString(item.label())) : new Label("", new FontIcon("mdal-block"));
        label.getStyleClass().add("gallery-label");
        VBox tile = new VBox(2, image, label);
        tile.setAlignment(Pos.CENTER);
        tile.getStyleClass().add("gallery-tile");
        Menu relabel = new Menu("Relabel as");
        for (int d = 0; d < 10; d++) {
            int digit = d;
            MenuItem m = new MenuItem(Integer.toString(d));
            m.setOnAction(e -> vm.relabel(item, digit));
            relabel.getItems().add(m);
        }
        MenuItem none = new MenuItem("Not a digit");
        none.setOnAction(e -> vm.relabel(item, LabeledInk.NOT_A_DIGIT));
        relabel.getItems().add(none);
        MenuItem delete = new MenuItem("Delete");
        delete.setOnAction(e -> vm.delete(item));
        ContextMenu menu = new ContextMenu(relabel, delete);
        tile.setOnContextMenuRequested(e -> menu.show(tile, e.getScreenX(), e.getScreenY()));
        String what = isDigit ? "A " + item.label() : "Not a digit";
        Tooltip.install(tile, new Tooltip(what + (item.entry().time() == null ? "" : ", taught " + item.entry().time())));
        return tile;
    }

    /** The 28x28 network input, white ink on dark, scaled up with square pixels. */
    private static WritableImage thumbnail(float[] input) {
        int side = DigitGeometry.SIDE, s = THUMB_SCALE;
        WritableImage img = new WritableImage(side * s, side * s);
        PixelWriter w = img.getPixelWriter();
        for (int y = 0; y < side * s; y++) {
            for (int x = 0; x < side * s; x++) {
                int v = Math.round(255 * Math.max(0, Math.min(1, input[(y / s) * side + x / s])));
                w.setArgb(x, y, 0xff000000 | v << 16 | v << 8 | v);
            }
        }
        return img;
    }

    @FXML
    private void learn() {
        vm.learn();
    }

    @FXML
    private void undo() {
        vm.undo();
    }

    @FXML
    private void restoreShipped() {
        vm.restoreShipped();
    }

    @FXML
    private void exportSet() {
        FileChooser chooser = chooser("Export your digits");
        chooser.setInitialFileName("my-digits.jsonl");
        File f = chooser.showSaveDialog(gallery.getScene().getWindow());
        if (f != null) vm.exportTo(f.toPath());
    }

    @FXML
    private void importSet() {
        File f = chooser("Import digits").showOpenDialog(gallery.getScene().getWindow());
        if (f != null) vm.importFrom(Path.of(f.getPath()));
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Stroke files (*.jsonl)", "*.jsonl"));
        return chooser;
    }
}
