package org.inkling.app.inspection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.inkling.app.shared.BackgroundTask;
import org.inkling.app.shared.ErrorText;
import org.inkling.app.shared.TaskExecutor;
import org.inkling.inspect.Predictions;
import org.inkling.nn.Examples;
import org.inkling.nn.Sequential;

/**
 * The Evaluate view: the current network scored on a labelled set (MNIST test, the person's own
 * digits, a stroke file) — accuracy, per-class accuracy, the confusion matrix; a selected cell's
 * examples, most confidently wrong first; a selected example with its ten probabilities.
 *
 * <p>Threads: everything here is on the FX thread except the scoring, which runs on a
 * {@link TaskExecutor} worker with a network nobody writes (a loaded model, or the copy training
 * hands over at each epoch's end). At most one scoring runs; a newer network asked for meanwhile
 * waits as the one pending request, and an outdated run stops at its next chunk.
 */
public final class EvaluationViewModel {
    /** The gallery shows at most this many examples of a cell (the first, so the most telling). */
    public static final int GALLERY_LIMIT = 120;

    private final TaskExecutor tasks;
    private final EvaluationSets sets = new EvaluationSets();
    private final Path myDigits;
    private final java.util.function.Supplier<java.util.Optional<Path>> locateMnist;

    private final ObjectProperty<EvaluationSet> set = new SimpleObjectProperty<>(this, "set", EvaluationSet.MNIST_TEST);
    private final ObjectProperty<Path> mnistFolder = new SimpleObjectProperty<>(this, "mnistFolder");
    private final ObjectProperty<Path> strokeFile = new SimpleObjectProperty<>(this, "strokeFile");
    private final ReadOnlyObjectWrapper<Predictions> predictions = new ReadOnlyObjectWrapper<>(this, "predictions");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Not evaluated yet");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final IntegerProperty selectedActual = new SimpleIntegerProperty(this, "selectedActual", -1);
    private final IntegerProperty selectedPredicted = new SimpleIntegerProperty(this, "selectedPredicted", -1);
    private final ObservableList<GalleryItem> gallery = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper galleryTitle = new ReadOnlyStringWrapper(this, "galleryTitle", "");
    private final ObjectProperty<GalleryItem> selectedExample = new SimpleObjectProperty<>(this, "selectedExample");

    private Sequential network;
    private String networkName = "";
    private boolean live;
    private boolean running;
    private boolean pending;
    private final AtomicLong generation = new AtomicLong();
    private Examples scored;
    private long lastMillis = -1;

    /**
     * @param locateMnist where MNIST is when no folder was chosen yet (the usual places; called on the worker)
     */
    public EvaluationViewModel(TaskExecutor tasks, Path myDigits, java.util.function.Supplier<java.util.Optional<Path>> locateMnist) {
        this.tasks = Objects.requireNonNull(tasks);
        this.locateMnist = Objects.requireNonNull(locateMnist);
        this.myDigits = myDigits;
        selectedActual.addListener((obs, old, now) -> fillGallery());
        selectedPredicted.addListener((obs, old, now) -> fillGallery());
        set.addListener((obs, old, now) -> {
            if (live) evaluate();
        });
    }

    /** A network to score from now on (a model opened or trained); re-scores when the view is live. */
    public void setNetwork(Sequential network, String name) {
        this.network = network;
        this.networkName = name == null ? "" : name;
        if (live) {
            evaluate();
        } else {
            summary.set(network == null ? "No network to evaluate" : "Press Evaluate to score " + this.networkName);
        }
    }

    /** Training's copy at an epoch's end: scored at once when the view has been evaluated before. */
    public void epochEnded(Sequential copy, int epoch) {
        setNetwork(copy, "the network after epoch " + epoch);
    }

    /** Whether the person's own digits exist to be scored. */
    public boolean hasMyDigits() {
        return myDigits != null && java.nio.file.Files.isRegularFile(myDigits);
    }

    /** Scores the current network on the chosen set; from now on every new network is scored too. */
    public void evaluate() {
        if (network == null) {
            summary.set("No network to evaluate");
            return;
        }
        live = true;
        long run = generation.incrementAndGet();
        if (running) {
            pending = true;
            return;
        }
        running = true;
        busy.set(true);
        Sequential net = network;
        String name = networkName;
        EvaluationSet which = set.get();
        Path mnist = mnistFolder.get();
        Path strokes = which == EvaluationSet.MY_DIGITS ? myDigits : strokeFile.get();
        summary.set("Evaluating " + name + "…");
        BackgroundTask.wrap(progress -> {
                    long start = System.nanoTime();
                    Examples data = sets.load(which, mnist != null ? mnist : locateMnist.get().orElse(null), strokes);
                    Predictions p = Predictions.of(net, data, () -> generation.get() != run);
                    return new Scored(data, p, (System.nanoTime() - start) / 1_000_000);
                })
                .onSuccess(result -> {
                    if (result.predictions() != null && generation.get() == run) show(result, name, which);
                })
                .onFailure(error -> summary.set("Could not evaluate: " + ErrorText.describe(error)))
                .onFinished(() -> {
                    running = false;
                    busy.set(false);
                    if (pending) {
                        pending = false;
                        evaluate();
                    }
                })
                .executeWith(tasks);
    }

    private record Scored(Examples data, Predictions predictions, long millis) {}

    private void show(Scored result, String name, EvaluationSet which) {
        Predictions p = result.predictions();
        scored = result.data();
        lastMillis = result.millis();
        predictions.set(p);
        summary.set(String.format("%s: %.2f%% of %,d %s read right (%d ms on a worker thread)", capitalise(name),
                100 * p.accuracy(), p.size(), which == EvaluationSet.MNIST_TEST ? "test images" : "drawings", result.millis()));
        fillGallery();
    }

    /** "The network after epoch 3" starts the sentence with a capital; a model's name ("inkling-default") stays as named. */
    private static String capitalise(String s) {
        return s.startsWith("the ") ? "T" + s.substring(1) : s;
    }

    /** Shows the examples of true digit {@code actual} read as {@code predicted}. */
    public void selectCell(int actual, int predicted) {
        selectedActual.set(actual);
        selectedPredicted.set(predicted);
        fillGallery();
    }

    private void fillGallery() {
        Predictions p = predictions.get();
        int a = selectedActual.get(), q = selectedPredicted.get();
        if (p == null || a < 0 || q < 0) {
            gallery.clear();
            galleryTitle.set("Click a cell of the matrix to see its examples");
            return;
        }
        int[] idx = p.examples(a, q);
        List<GalleryItem> items = new ArrayList<>(Math.min(idx.length, GALLERY_LIMIT));
        for (int k = 0; k < Math.min(idx.length, GALLERY_LIMIT); k++) {
            int i = idx[k];
            float[] image = new float[scored.inputSize()];
            scored.copyInput(i, image, 0);
            items.add(new GalleryItem(i, p.label(i), p.predicted(i), image, p.probabilities(i)));
        }
        gallery.setAll(items);
        galleryTitle.set(String.format("%,d %s read as %d%s%s", idx.length, idx.length == 1 ? "example of " + a : a + "s",
                q, a == q ? " (least sure first)" : " (most confidently wrong first)",
                idx.length > GALLERY_LIMIT ? ", the first " + GALLERY_LIMIT + " shown" : ""));
        GalleryItem sel = selectedExample.get();
        if (sel != null && items.stream().noneMatch(g -> g.index() == sel.index())) selectedExample.set(null);
    }

    /** The last scoring's wall time on the worker, ms (-1 before any). */
    public long lastMillis() {
        return lastMillis;
    }

    public ObjectProperty<EvaluationSet> setProperty() { return set; }
    public ObjectProperty<Path> mnistFolderProperty() { return mnistFolder; }
    public ObjectProperty<Path> strokeFileProperty() { return strokeFile; }
    public ReadOnlyObjectProperty<Predictions> predictionsProperty() { return predictions.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public IntegerProperty selectedActualProperty() { return selectedActual; }
    public IntegerProperty selectedPredictedProperty() { return selectedPredicted; }
    public ObservableList<GalleryItem> gallery() { return gallery; }
    public ReadOnlyStringProperty galleryTitleProperty() { return galleryTitle.getReadOnlyProperty(); }
    public ObjectProperty<GalleryItem> selectedExampleProperty() { return selectedExample; }
}
