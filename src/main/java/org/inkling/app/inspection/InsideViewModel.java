package org.inkling.app.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.inkling.app.drawing.DrawingViewModel;
import org.inkling.app.model.Classifier;
import org.inkling.app.shared.BackgroundTask;
import org.inkling.app.shared.TaskExecutor;
import org.inkling.inspect.LayerView;
import org.inkling.inspect.NetworkPictures;
import org.inkling.inspect.Picture;
import org.inkling.nn.Sequential;

/**
 * The Inside view: what the first layer learned (dense units' weights as 28x28 images, or the
 * convolution filters), each layer's response to the current drawing, and the pinned drawings.
 *
 * <p>Threads: the pictures are computed and turned into images on a {@link TaskExecutor} worker,
 * one job at a time; a change meanwhile marks the view stale and the next job starts when this one
 * lands, at most once per {@link #MIN_INTERVAL_NANOS} (the controller asks every frame). The FX
 * thread only swaps finished images in. The networks read are never written (a loaded model, or an
 * epoch's copy), and their prediction path is safe from any thread. Pins are re-read on the FX
 * thread whenever the drawing's classifier changes (training does it at most ten times a second;
 * one prediction per pin).
 */
public final class InsideViewModel {
    /** Units or filters shown of the first layer. */
    public static final int WEIGHT_LIMIT = 48;
    /** Feature maps shown per layer. */
    public static final int MAP_LIMIT = 8;
    /** Dense layers' units are drawn in rows of this many. */
    static final int UNITS_PER_ROW = 32;
    static final long MIN_INTERVAL_NANOS = 100_000_000L;

    private final DrawingViewModel drawing;
    private final TaskExecutor tasks;
    private final ReadOnlyObjectWrapper<Tiles> weights = new ReadOnlyObjectWrapper<>(this, "weights", new Tiles("", List.of(), List.of()));
    private final ReadOnlyObjectWrapper<List<Tiles>> activations = new ReadOnlyObjectWrapper<>(this, "activations", List.of());
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private final ObservableList<PinnedDrawing> pins = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Long> pinRevision = new ReadOnlyObjectWrapper<>(this, "pinRevision", 0L);
    private Sequential network;
    private String networkName = "";
    private int nextPin = 1;
    private boolean weightsStale;
    private boolean activationsStale;
    private boolean running;
    private long lastStart;
    private long lastJobNanos = -1;

    public InsideViewModel(DrawingViewModel drawing, TaskExecutor tasks) {
        this.drawing = Objects.requireNonNull(drawing);
        this.tasks = Objects.requireNonNull(tasks);
        drawing.inputProperty().addListener((obs, old, now) -> activationsStale = true);
        drawing.classifierProperty().addListener((obs, old, now) -> readPins(now));
    }

    /** The network to look into from now on (a model opened or trained, or an epoch's copy). */
    public void setNetwork(Sequential network, String name) {
        this.network = network;
        this.networkName = name == null ? "" : name;
        weightsStale = true;
        activationsStale = true;
    }

    /** Starts a job when something changed, none runs, and the last started long enough ago. */
    public void refreshIfStale(long now) {
        if (running || !weightsStale && !activationsStale || now - lastStart < MIN_INTERVAL_NANOS) return;
        Sequential net = network;
        String name = networkName;
        float[] x = drawing.inputProperty().get();
        boolean withWeights = weightsStale;
        weightsStale = false;
        activationsStale = false;
        running = true;
        lastStart = now;
        BackgroundTask.wrap(progress -> render(net, name, x, withWeights))
                .onSuccess(r -> {
                    if (r.weights() != null) weights.set(r.weights());
                    activations.set(r.activations());
                    lastJobNanos = r.nanos();
                })
                .onFinished(() -> running = false)
                .executeWith(tasks);
    }

    private record Rendered(Tiles weights, List<Tiles> activations, long nanos) {}

    /** Worker thread: pictures of the weights (when asked) and of each layer's response to {@code x}. */
    private static Rendered render(Sequential net, String name, float[] x, boolean withWeights) {
        long start = System.nanoTime();
        Tiles w = null;
        if (withWeights) {
            List<Picture> pics = net == null ? List.of() : NetworkPictures.firstLayerWeights(net, WEIGHT_LIMIT);
            List<Image> images = new ArrayList<>();
            List<String> captions = new ArrayList<>();
            for (Picture p : pics) {
                images.add(Pictures.signed(p, p.width() >= 20 ? 2 : 8));
                captions.add(p.title());
            }
            w = new Tiles(describe(net, name, pics.size()), images, captions);
        }
        List<Tiles> layers = new ArrayList<>();
        if (net != null && x != null && x.length == net.inputSize()) {
            for (LayerView l : NetworkPictures.activations(net, x, MAP_LIMIT)) {
                String title = l.name() + " (" + l.type() + ") " + l.shape();
                List<Image> images = new ArrayList<>();
                if (!l.maps().isEmpty()) {
                    for (Picture p : l.maps()) images.add(Pictures.signed(p, p.width() >= 20 ? 2 : 4));
                } else if (!l.type().equals("Flatten")) {
                    float[] u = l.units();
                    int cols = Math.min(UNITS_PER_ROW, u.length), rows = (u.length + cols - 1) / cols;
                    images.add(Pictures.signed(new Picture(l.name(), cols, rows, java.util.Arrays.copyOf(u, cols * rows)), 8));
                }
                layers.add(new Tiles(title, images, List.of()));
            }
        }
        return new Rendered(w, layers, System.nanoTime() - start);
    }

    private static String describe(Sequential net, String name, int shown) {
        if (net == null) return "";
        var first = net.layers().get(0);
        if (shown == 0) return name + ": its first layer (" + first.typeName() + ") has no weights to draw";
        return String.format("%s: the first %d of %s's %s; orange for positive weights, blue for negative", name, shown,
                first.name(), first.typeName().equals("Dense") ? "units, each unit's weights over the 28x28 input" : "filters");
    }

    /** Pins the current drawing; false when the pad is empty. */
    public boolean pinCurrent() {
        float[] x = drawing.inputProperty().get();
        Classifier c = drawing.classifierProperty().get();
        if (x == null) return false;
        PinnedDrawing pin = new PinnedDrawing(nextPin++, x);
        if (c != null) pin.add(c.classify(x));
        pins.add(pin);
        return true;
    }

    public void unpin(PinnedDrawing pin) {
        pins.remove(pin);
    }

    private void readPins(Classifier c) {
        if (c == null || pins.isEmpty()) return;
        for (PinnedDrawing p : pins) p.add(c.classify(p.input()));
        pinRevision.set(pinRevision.get() + 1);
    }

    /** The last job's time on its worker thread, ns (-1 before any). */
    public long lastJobNanos() {
        return lastJobNanos;
    }

    public ReadOnlyObjectProperty<Tiles> weightsProperty() { return weights.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<Tiles>> activationsProperty() { return activations.getReadOnlyProperty(); }
    public ObservableList<PinnedDrawing> pins() { return pins; }
    /** Grows each time the pins' histories do. */
    public ReadOnlyObjectProperty<Long> pinRevisionProperty() { return pinRevision.getReadOnlyProperty(); }
}
