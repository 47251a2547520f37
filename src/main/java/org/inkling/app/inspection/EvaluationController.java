package org.inkling.app.inspection;

import java.io.File;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.inkling.inspect.Predictions;

/** Binds the Evaluate tab to the {@link EvaluationViewModel}. */
public final class EvaluationController {
    private final EvaluationViewModel vm;
    private long lastFxNanos = -1;
    private long maxFxNanos = -1;

    /** Below this width the per-digit bars go under the matrix instead of beside it. */
    static final double OVERVIEW_BREAKPOINT = 660;

    @FXML private javafx.scene.control.ScrollPane root;
    @FXML private javafx.scene.control.ScrollPane galleryScroll;
    @FXML private javafx.scene.layout.GridPane overview;
    @FXML private ComboBox<EvaluationSet> setChoice;
    @FXML private Button chooseFileButton;
    @FXML private Button evaluateButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label summaryLabel;
    @FXML private ConfusionHeatMap heatMap;
    @FXML private DigitBars classBars;
    @FXML private Label galleryTitle;
    @FXML private TilePane gallery;
    @FXML private ImageView exampleImage;
    @FXML private Label exampleLabel;
    @FXML private DigitBars exampleBars;

    public EvaluationController(EvaluationViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        org.inkling.app.shared.ReflowGrid.install(overview, 2, 1, OVERVIEW_BREAKPOINT);
        setChoice.getItems().setAll(EvaluationSet.values());
        setChoice.valueProperty().bindBidirectional(vm.setProperty());
        chooseFileButton.visibleProperty().bind(vm.setProperty().isEqualTo(EvaluationSet.STROKE_FILE));
        chooseFileButton.managedProperty().bind(chooseFileButton.visibleProperty());
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        summaryLabel.textProperty().bind(vm.summaryProperty());
        galleryTitle.textProperty().bind(vm.galleryTitleProperty());
        heatMap.setOnCellClicked((actual, read) -> {
            vm.selectCell(actual, read);
            // Narrow, the gallery sits below the per-digit bars: bring it up, or the click seems to do nothing.
            javafx.application.Platform.runLater(() -> org.inkling.app.shared.ScrollIntoView.show(root, galleryTitle, galleryScroll));
        });
        vm.predictionsProperty().addListener((obs, old, p) -> {
            long start = System.nanoTime();
            showPredictions(p);
            lastFxNanos = System.nanoTime() - start;
            maxFxNanos = Math.max(maxFxNanos, lastFxNanos);
        });
        vm.selectedActualProperty().addListener((obs, old, now) -> markCell());
        vm.selectedPredictedProperty().addListener((obs, old, now) -> markCell());
        vm.gallery().addListener((ListChangeListener<GalleryItem>) change -> showGallery());
        vm.selectedExampleProperty().addListener((obs, old, item) -> showExample(item));
        showPredictions(vm.predictionsProperty().get());
        showExample(null);
    }

    private void showPredictions(Predictions p) {
        heatMap.show(p == null ? null : p.confusion());
        classBars.show(p == null ? null : p.perClassAccuracy());
    }

    private void markCell() {
        heatMap.select(vm.selectedActualProperty().get(), vm.selectedPredictedProperty().get());
    }

    private void showGallery() {
        var tiles = new java.util.ArrayList<javafx.scene.Node>();
        for (GalleryItem item : vm.gallery()) {
            ImageView view = new ImageView(Pictures.grey(item.image(), 28, 28, 2));
            Label caption = new Label(String.format("%d→%d %.0f%%", item.label(), item.predicted(), 100 * item.confidence()));
            caption.getStyleClass().add("gallery-caption");
            VBox tile = new VBox(2, view, caption);
            tile.setId("example-" + item.index());
            tile.getStyleClass().add("gallery-tile");
            Tooltip.install(tile, new Tooltip("Example " + item.index() + ": a " + item.label() + " read as " + item.predicted()));
            tile.setOnMouseClicked(e -> vm.selectedExampleProperty().set(item));
            tiles.add(tile);
        }
        gallery.getChildren().setAll(tiles);
    }

    private void showExample(GalleryItem item) {
        if (item == null) {
            exampleImage.setImage(null);
            exampleLabel.setText("Click an example to see it as the network's input");
            exampleBars.show((double[]) null);
            return;
        }
        exampleImage.setImage(Pictures.grey(item.image(), 28, 28, 4));
        exampleLabel.setText(String.format("Example %d: a %d, read as %d (%.1f%%)", item.index(), item.label(),
                item.predicted(), 100 * item.confidence()));
        exampleBars.show(item.probabilities());
    }

    @FXML
    void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a stroke file to evaluate on");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Stroke files (*.jsonl)", "*.jsonl"));
        File f = chooser.showOpenDialog(chooseFileButton.getScene().getWindow());
        if (f != null) {
            vm.strokeFileProperty().set(f.toPath());
            vm.evaluate();
        }
    }

    @FXML
    void evaluate() {
        vm.evaluate();
    }

    /** The last new score's time on the FX thread (matrix and bars), ns. */
    public long lastFxNanos() {
        return lastFxNanos;
    }

    /** The longest such update so far, ns. */
    public long maxFxNanos() {
        return maxFxNanos;
    }

    public ConfusionHeatMap heatMap() {
        return heatMap;
    }
}
