package org.inkling.app.inspection;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/** Binds the Inside tab to the {@link InsideViewModel}. */
public final class InsideController {
    private final InsideViewModel vm;
    private final List<Canvas> sparklines = new ArrayList<>();
    private final List<Label> pinLabels = new ArrayList<>();
    private final List<List<ImageView>> shownLayers = new ArrayList<>();
    private long lastFxNanos = -1;
    private long maxFxNanos = -1;

    @FXML private Button pinButton;
    @FXML private VBox pinsBox;
    @FXML private Label weightsLabel;
    @FXML private TilePane weightsTiles;
    @FXML private VBox activationsBox;

    private final AnimationTimer frame = new AnimationTimer() {
        @Override
        public void handle(long now) {
            vm.refreshIfStale(System.nanoTime());
        }
    };

    public InsideController(InsideViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        vm.weightsProperty().addListener((obs, old, w) -> timed(() -> showWeights(w)));
        vm.activationsProperty().addListener((obs, old, a) -> timed(() -> showActivations(a)));
        vm.pins().addListener((ListChangeListener<PinnedDrawing>) c -> showPins());
        vm.pinRevisionProperty().addListener((obs, old, now) -> timed(this::drawPinHistories));
        showWeights(vm.weightsProperty().get());
        showActivations(vm.activationsProperty().get());
        showPins();
        frame.start();
    }

    private void timed(Runnable r) {
        long start = System.nanoTime();
        r.run();
        lastFxNanos = System.nanoTime() - start;
        maxFxNanos = Math.max(maxFxNanos, lastFxNanos);
    }

    /** Swaps images into the existing views when the count is the same: no new nodes, no new CSS pass. */
    private void showWeights(Tiles w) {
        weightsLabel.setText(w.title());
        List<Node> tiles = weightsTiles.getChildren();
        if (tiles.size() != w.images().size()) {
            List<Node> fresh = new ArrayList<>();
            for (int i = 0; i < w.images().size(); i++) fresh.add(new ImageView());
            weightsTiles.getChildren().setAll(fresh);
        }
        for (int i = 0; i < w.images().size(); i++) {
            ImageView v = (ImageView) weightsTiles.getChildren().get(i);
            v.setImage(w.images().get(i));
            if (i < w.captions().size()) Tooltip.install(v, new Tooltip(w.captions().get(i)));
        }
    }

    private void showActivations(List<Tiles> layers) {
        if (layers.isEmpty()) {
            activationsBox.getChildren().setAll(new Label("Draw a digit to see how each layer responds"));
            shownLayers.clear();
            return;
        }
        boolean same = shownLayers.size() == layers.size();
        for (int i = 0; same && i < layers.size(); i++) same = shownLayers.get(i).size() == layers.get(i).images().size();
        if (!same) {
            shownLayers.clear();
            List<Node> rows = new ArrayList<>();
            for (Tiles l : layers) {
                Label title = new Label(l.title());
                title.getStyleClass().add("hint");
                rows.add(title);
                TilePane maps = new TilePane(3, 3);
                List<ImageView> views = new ArrayList<>();
                for (int k = 0; k < l.images().size(); k++) views.add(new ImageView());
                maps.getChildren().setAll(views);
                if (!views.isEmpty()) rows.add(maps);
                shownLayers.add(views);
            }
            activationsBox.getChildren().setAll(rows);
        }
        for (int i = 0; i < layers.size(); i++) {
            List<ImageView> views = shownLayers.get(i);
            for (int k = 0; k < views.size(); k++) views.get(k).setImage(layers.get(i).images().get(k));
        }
    }

    /** The longest update so far on the FX thread, ns. */
    public long maxFxNanos() {
        return maxFxNanos;
    }

    /** The last update's time on the FX thread, ns. */
    public long lastFxNanos() {
        return lastFxNanos;
    }

    private void showPins() {
        List<Node> rows = new ArrayList<>();
        sparklines.clear();
        pinLabels.clear();
        for (PinnedDrawing pin : vm.pins()) {
            ImageView thumb = new ImageView(Pictures.grey(pin.input(), 28, 28, 2));
            Canvas spark = new Canvas(220, 56);
            Label label = new Label();
            label.setMinWidth(90);
            Button unpin = new Button("×");
            unpin.getStyleClass().addAll("flat", "button-icon");
            unpin.setOnAction(e -> vm.unpin(pin));
            HBox row = new HBox(8, thumb, spark, label, unpin);
            row.setId("pin-" + pin.id());
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            rows.add(row);
            sparklines.add(spark);
            pinLabels.add(label);
        }
        if (rows.isEmpty()) {
            Label hint = new Label("Pin a drawing, then train: its ten probabilities are tracked here");
            hint.setWrapText(true);
            rows.add(hint);
        }
        pinsBox.getChildren().setAll(rows);
        drawPinHistories();
    }

    /** Each pin's ten probabilities over time, the digit it reads now in the accent colour. */
    private void drawPinHistories() {
        for (int i = 0; i < sparklines.size() && i < vm.pins().size(); i++) {
            PinnedDrawing pin = vm.pins().get(i);
            Canvas c = sparklines.get(i);
            GraphicsContext g = c.getGraphicsContext2D();
            double w = c.getWidth(), h = c.getHeight();
            g.clearRect(0, 0, w, h);
            g.setStroke(Color.gray(0.5, 0.4));
            g.strokeRect(0.5, 0.5, w - 1, h - 1);
            List<float[]> hist = pin.history();
            float[] last = pin.latest();
            if (last == null) {
                pinLabels.get(i).setText("no network yet");
                continue;
            }
            int top = 0;
            for (int d = 1; d < 10; d++) if (last[d] > last[top]) top = d;
            int n = hist.size();
            for (int d = 0; d < 10; d++) {
                g.setStroke(d == top ? Color.web("#ff8c00") : Color.gray(0.55, 0.55));
                g.setLineWidth(d == top ? 2 : 1);
                g.beginPath();
                for (int k = 0; k < n; k++) {
                    double x = n == 1 ? w / 2 : 2 + (w - 4) * k / (n - 1.0);
                    double y = h - 2 - (h - 4) * hist.get(k)[d];
                    if (k == 0) g.moveTo(x, y); else g.lineTo(x, y);
                }
                g.stroke();
            }
            pinLabels.get(i).setText(String.format("reads %d (%.0f%%) · %d points", top, 100 * last[top], n));
        }
    }

    @FXML
    void pin() {
        vm.pinCurrent();
    }

    public void dispose() {
        frame.stop();
    }
}
