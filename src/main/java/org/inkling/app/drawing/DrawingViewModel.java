package org.inkling.app.drawing;

import org.inkling.app.model.Classifier;
import org.inkling.nn.Verdict;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The drawing and what the network makes of it. Stroke edits only mark the prediction stale; the
 * view calls {@link #refreshIfStale()} once per frame, so fast mouse moves cost one rasterise and
 * one prediction per frame at most. An empty pad has no prediction at all.
 */
public final class DrawingViewModel {
    /** Pen width in pad units (fraction of the pad's side). */
    public static final double MIN_PEN = 0.02;
    public static final double MAX_PEN = 0.10;
    public static final double DEFAULT_PEN = 0.05;

    /** Points closer than this (pad units) to the previous one add nothing but work. */
    private static final double MIN_STEP = 0.002;

    /** Undo steps kept; a drawing is a handful of strokes, so this is far more than anyone uses. */
    private static final int MAX_HISTORY = 200;

    private final InkRasterizer rasterizer;
    /** The finished strokes; replaced, never changed, so the pad can tell by identity whether to repaint. */
    private List<PadStroke> finished = List.of();
    private List<PadPoint> current;
    /** Earlier drawings, newest last: every action (a stroke, Clear) can be undone, and redone. */
    private final ArrayDeque<List<PadStroke>> undoStack = new ArrayDeque<>();
    private final ArrayDeque<List<PadStroke>> redoStack = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");

    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final DoubleProperty penWidth = new SimpleDoubleProperty(this, "penWidth", DEFAULT_PEN);
    private final ObjectProperty<Classifier> classifier = new SimpleObjectProperty<>(this, "classifier");
    /** Who hears "this drawing is a 7" (a digit key, a click on a bar); the teaching room, wired by the shell. */
    private final ObjectProperty<java.util.function.IntConsumer> labelHandler = new SimpleObjectProperty<>(this, "labelHandler");

    private final ReadOnlyObjectWrapper<float[]> input = new ReadOnlyObjectWrapper<>(this, "input");
    /** "Why this reading": a tint over the input (ARGB, 784) that a view looking inside sets, and its switch. */
    private final ObjectProperty<int[]> overlay = new SimpleObjectProperty<>(this, "overlay");
    private final javafx.beans.property.BooleanProperty overlayShown =
            new javafx.beans.property.SimpleBooleanProperty(this, "overlayShown", false);
    private final ReadOnlyObjectWrapper<float[]> probabilities = new ReadOnlyObjectWrapper<>(this, "probabilities");
    private final ReadOnlyIntegerWrapper predictedDigit = new ReadOnlyIntegerWrapper(this, "predictedDigit", -1);
    private final ReadOnlyDoubleWrapper confidence = new ReadOnlyDoubleWrapper(this, "confidence");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");

    private boolean inputStale;
    private boolean predictionStale;

    public DrawingViewModel(InkRasterizer rasterizer) {
        this.rasterizer = Objects.requireNonNull(rasterizer);
        // A new network (opened, or a training snapshot) re-reads the same input.
        classifier.addListener((obs, old, now) -> predictionStale = true);
        // The pen width reaches the network input too, so a bolder pen is re-rendered.
        penWidth.addListener((obs, old, now) -> {
            inputStale = true;
            predictionStale = true;
        });
    }

    // ---- editing -------------------------------------------------------------------------

    public void beginStroke(double x, double y) {
        current = new ArrayList<>();
        current.add(new PadPoint(x, y));
        changed();
    }

    public void extendStroke(double x, double y) {
        if (current == null) {
            beginStroke(x, y);
            return;
        }
        PadPoint last = current.getLast();
        if (Math.hypot(x - last.x(), y - last.y()) < MIN_STEP) {
            return;
        }
        current.add(new PadPoint(x, y));
        changed();
    }

    /** Whether a stroke is being drawn (pen down). */
    public boolean isDrawing() {
        return current != null;
    }

    public void endStroke() {
        if (current == null) {
            return;
        }
        List<PadStroke> next = new ArrayList<>(finished);
        next.add(new PadStroke(current));
        current = null;
        record(List.copyOf(next));
    }

    /** Takes back the last action: the stroke being drawn, else the last stroke or Clear. */
    public void undo() {
        if (current != null) {
            current = null;
        } else if (!undoStack.isEmpty()) {
            redoStack.push(finished);
            finished = undoStack.pop();
        } else {
            return;
        }
        changed();
    }

    /** Does again what {@link #undo()} took back. */
    public void redo() {
        if (current != null || redoStack.isEmpty()) {
            return;
        }
        undoStack.push(finished);
        finished = redoStack.pop();
        changed();
    }

    /** Empties the pad; Undo brings the drawing back. */
    public void clear() {
        current = null;
        if (finished.isEmpty()) {
            changed();
            return;
        }
        record(List.of());
    }

    private void record(List<PadStroke> next) {
        undoStack.push(finished);
        while (undoStack.size() > MAX_HISTORY) {
            undoStack.removeLast();
        }
        redoStack.clear();
        finished = next;
        changed();
    }

    /** All strokes, the one being drawn last. */
    public List<PadStroke> strokes() {
        if (current == null) {
            return finished;
        }
        List<PadStroke> all = new ArrayList<>(finished);
        all.add(new PadStroke(current));
        return Collections.unmodifiableList(all);
    }

    /** The finished strokes; the same list object until one is added, undone or cleared. */
    public List<PadStroke> finishedStrokes() {
        return finished;
    }

    /** The stroke being drawn, or null with the pen up. */
    public PadStroke currentStroke() {
        return current == null ? null : new PadStroke(current);
    }

    private void changed() {
        inputStale = true;
        predictionStale = true;
        boolean nothing = finished.isEmpty() && current == null;
        empty.set(nothing);
        canUndo.set(current != null || !undoStack.isEmpty());
        canRedo.set(current == null && !redoStack.isEmpty());
        revision.set(revision.get() + 1);
    }

    // ---- prediction ----------------------------------------------------------------------

    /** Rasterises and predicts if anything changed since the last call; cheap otherwise. */
    public void refreshIfStale() {
        if (inputStale) {
            inputStale = false;
            input.set(empty.get() ? null : rasterizer.rasterize(strokes(), penWidth.get()));
        }
        if (predictionStale) {
            predictionStale = false;
            predict();
        }
    }

    private void predict() {
        float[] x = input.get();
        Classifier network = classifier.get();
        if (x == null || network == null || isBlank(x)) {
            predictedDigit.set(-1);
            confidence.set(0);
            verdict.set(null);
            probabilities.set(null);
            return;
        }
        // The engine's one rule: calibrated digit probabilities (the bars) and the verdict.
        Verdict v = network.verdictRule().judge(x, network.classify(x));
        if (isDot(strokes(), penWidth.get())) v = v.asNotADigit();
        float[] p = v.digitProbabilities();
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        // Digit, confidence and verdict first: views redraw when the probabilities change.
        predictedDigit.set(best);
        confidence.set(p[best]);
        verdict.set(v);
        probabilities.set(p);
    }

    /**
     * The size check the engine cannot make: the renderer scales every drawing to a digit's size, so
     * only the pad knows that ink no wider nor taller than the pen is a dot (a tap that moved a little),
     * and a dot is no digit whatever the network makes of it blown up.
     */
    static boolean isDot(List<PadStroke> strokes, double pen) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (PadStroke s : strokes) {
            for (PadPoint p : s.points()) {
                minX = Math.min(minX, p.x());
                maxX = Math.max(maxX, p.x());
                minY = Math.min(minY, p.y());
                maxY = Math.max(maxY, p.y());
            }
        }
        return maxX >= minX && Math.max(maxX - minX, maxY - minY) <= pen;
    }

    /** A stroke can be so small that nothing reaches the 28x28 grid; that is no drawing either. */
    private static boolean isBlank(float[] x) {
        for (float v : x) {
            if (v > 0) {
                return false;
            }
        }
        return true;
    }

    // ---- properties ----------------------------------------------------------------------

    /** Increments on every stroke change; the pad redraws on it. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public DoubleProperty penWidthProperty() {
        return penWidth;
    }

    /** The person says which digit the drawing is; ignored on an empty pad or with nobody listening. */
    public void label(int digit) {
        java.util.function.IntConsumer handler = labelHandler.get();
        if (handler != null && !emptyProperty().get()) {
            handler.accept(digit);
        }
    }

    public ObjectProperty<java.util.function.IntConsumer> labelHandlerProperty() {
        return labelHandler;
    }

    public ObjectProperty<Classifier> classifierProperty() {
        return classifier;
    }

    /** The 784 values the network sees, or null for an empty pad. */
    public ObjectProperty<int[]> overlayProperty() { return overlay; }
    public javafx.beans.property.BooleanProperty overlayShownProperty() { return overlayShown; }
    public ReadOnlyObjectProperty<float[]> inputProperty() {
        return input.getReadOnlyProperty();
    }

    /**
     * What the rule makes of the drawing: a digit, not sure (between {@link Verdict#candidates()}) or
     * not a digit; null when there is nothing to predict.
     */
    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** Ten calibrated digit probabilities (summing to one less the chance it is no digit), or null when there is nothing to predict. */
    public ReadOnlyObjectProperty<float[]> probabilitiesProperty() {
        return probabilities.getReadOnlyProperty();
    }

    /** The most probable digit (accepted or not: see {@link #verdictProperty()}), or -1 with no prediction. */
    public ReadOnlyIntegerProperty predictedDigitProperty() {
        return predictedDigit.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty confidenceProperty() {
        return confidence.getReadOnlyProperty();
    }
}
