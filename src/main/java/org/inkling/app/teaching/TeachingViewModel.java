package org.inkling.app.teaching;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.inkling.app.drawing.DrawingViewModel;
import org.inkling.app.drawing.PadPoint;
import org.inkling.app.drawing.PadStroke;
import org.inkling.app.model.ModelHandle;
import org.inkling.app.shared.BackgroundTask;
import org.inkling.app.shared.ErrorText;
import org.inkling.app.shared.TaskExecutor;
import org.inkling.ink.Ink;
import org.inkling.ink.InkRenderer;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.PersonalDigits;
import org.inkling.ink.Point;
import org.inkling.ink.Stroke;
import org.inkling.nn.Verdict;

/**
 * "Your digits": the person says which digit the drawing on the pad is (a digit key, a click on a
 * bar, or the "That's a ..." buttons); the drawing goes into their set on disk, and after a
 * correction (the network read something else) the network learns from the whole set, off the FX
 * thread, while the pad stays live. The taught network replaces the current one as soon as it is
 * ready, so the bars re-read the drawing; the honest figures (accuracy on the taught digits before,
 * cross-validated after, MNIST test after) follow a moment later. Undo goes back one network;
 * "Shipped model" goes back to the model that ships with Inkling.
 *
 * <p>Every lesson fine-tunes the same base (the model that was current when teaching began) on the
 * whole set, so lessons do not pile up forgetting. Learning after every label would mostly retrain
 * on digits it already reads; after a correction is when it has something to learn. "Learn now"
 * starts it by hand (after importing a set, say), and the automatic start can be turned off.
 */
public final class TeachingViewModel {
    /** One taught drawing and the 28x28 input it becomes, for the gallery. */
    public record Item(PersonalDigits.Entry entry, float[] image) {
        public int label() {
            return entry.label();
        }
    }

    private final Teacher teacher;
    private final DrawingViewModel drawing;
    private final TaskExecutor tasks;
    private final Supplier<Path> mnistFolder;
    private final Supplier<ModelHandle> current;
    private final Consumer<ModelHandle> adopt;
    private final Callable<Optional<ModelHandle>> shipped;
    private final Clock clock;

    private final ObservableList<Item> items = FXCollections.observableArrayList();
    /**
     * One read-only view for every caller: the view listens to its backing list weakly, so a view
     * made per call is collected with the listeners added to it and the gallery stops following.
     */
    private final ObservableList<Item> itemsView = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Draw a digit, then press its key (0-9), click its bar, or a button below.");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final BooleanProperty autoLearn = new SimpleBooleanProperty(this, "autoLearn", true);

    private final Deque<ModelHandle> undo = new ArrayDeque<>();
    private ModelHandle base;
    private ModelHandle lastTaught;
    private boolean learnAgain;

    private boolean warmUpStarted;
    private final org.inkling.nn.TrainingControl warmUpControl = new org.inkling.nn.TrainingControl();

    public TeachingViewModel(Teacher teacher, DrawingViewModel drawing, TaskExecutor tasks, Supplier<Path> mnistFolder,
                             Supplier<ModelHandle> current, Consumer<ModelHandle> adopt,
                             Callable<Optional<ModelHandle>> shipped, Clock clock) {
        this.teacher = Objects.requireNonNull(teacher);
        this.drawing = Objects.requireNonNull(drawing);
        this.tasks = Objects.requireNonNull(tasks);
        this.mnistFolder = Objects.requireNonNull(mnistFolder);
        this.current = Objects.requireNonNull(current);
        this.adopt = Objects.requireNonNull(adopt);
        this.shipped = Objects.requireNonNull(shipped);
        this.clock = Objects.requireNonNull(clock);
        drawing.labelHandlerProperty().set(this::label);
    }

    /** Reads the set from disk (off the FX thread); damaged lines are reported, not fatal. */
    public void load() {
        BackgroundTask.wrap(progress -> teacher.read())
                .onSuccess(c -> {
                    items.setAll(c.entries().stream().map(TeachingViewModel::item).toList());
                    if (!c.problems().isEmpty()) {
                        status.set(c.problems().size() + " damaged line(s) in your set were skipped: " + c.problems().get(0));
                    }
                    describeSet();
                })
                .onFailure(e -> status.set("Your digits could not be read: " + ErrorText.describe(e)))
                .executeWith(tasks);
    }

    /** {@link #warmUpOnce} for someone with a set: who has taught before will likely teach again. */
    public void warmUpIfTaughtBefore() {
        if (!items.isEmpty()) warmUpOnce();
    }

    /**
     * Starts, once, the warm-up of the first lesson ({@link Teacher#warmUp}) on a worker: when the
     * tab is first shown, or soon after start for someone with a set. Nothing is said if it fails:
     * the lesson that follows meets the same problem and says it.
     */
    public void warmUpOnce() {
        ModelHandle base = current.get();
        Path folder = mnistFolder.get();
        if (warmUpStarted || base == null || folder == null) return;
        warmUpStarted = true;
        BackgroundTask.wrap(() -> teacher.warmUp(base, folder, warmUpControl)).onFailure(e -> { }).executeWith(tasks);
    }

    /** The window is closing: a warm-up still running stops after its batch. */
    public void dispose() {
        warmUpControl.cancel();
    }

    // ---- labelling ------------------------------------------------------------------------------

    /**
     * The drawing on the pad is {@code digit}: keep it, and learn unless the network already answered
     * that digit. "Not sure" and "not a digit" are corrections too, and the status says which it was,
     * so a drawing the network refused is never taught as a digit without the person seeing so.
     * {@link LabeledInk#NOT_A_DIGIT} teaches a network that can refuse to refuse the drawing; only
     * its answer "not a digit" was right already ("not sure" learns to be sure).
     */
    public void label(int digit) {
        List<PadStroke> strokes = drawing.strokes();
        if (strokes.isEmpty()) {
            status.set("Draw a digit first, then say which one it is.");
            return;
        }
        if (digit == LabeledInk.NOT_A_DIGIT && !canRefuse(current.get())) {
            status.set("This model has no \"not a digit\" answer to learn: open or train one that has "
                    + "(the shipped model has; training needs \"--non-digits\" under More options).");
            return;
        }
        Verdict verdict = drawing.verdictProperty().get();
        String said = said(verdict);
        PersonalDigits.Entry entry = new PersonalDigits.Entry(new LabeledInk(digit, toInk(strokes)), clock.instant());
        Item item = item(entry);
        items.add(item);
        describeSet();
        BackgroundTask.wrap(() -> teacher.append(entry))
                .onFailure(e -> {
                    items.remove(item);
                    describeSet();
                    status.set("Could not keep the drawing: " + ErrorText.describe(e));
                })
                .executeWith(tasks);
        boolean correction = digit == LabeledInk.NOT_A_DIGIT
                ? verdict == null || verdict.kind() != Verdict.Kind.NOT_A_DIGIT
                : verdict == null || !verdict.accepted() || verdict.digit() != digit;
        if (correction && autoLearn.get()) {
            status.set("Kept as " + a(digit) + " (" + said + "): learning…");
            learn();
        } else {
            status.set("Kept as " + a(digit) + (correction ? " (" + said + "): press Learn now to teach it" : ", read right already") + ".");
        }
    }

    /** A label in a sentence: "a 7", "not a digit". */
    static String a(int label) {
        return label == LabeledInk.NOT_A_DIGIT ? "not a digit" : "a " + label;
    }

    /** Whether {@code model} has the "not a digit" class, so that a drawing can be taught as none. */
    static boolean canRefuse(ModelHandle model) {
        return model != null && model.classifier().verdictRule().rejectClass() >= 0;
    }

    /** What the network made of the drawing, for the status: "it read a 4", "it said not a digit", ... */
    static String said(Verdict v) {
        if (v == null) return "it read nothing";
        return switch (v.kind()) {
            case DIGIT -> "it read a " + v.digit();
            case NOT_A_DIGIT -> "it said not a digit";
            case UNSURE -> "it was " + v.describe();
        };
    }

    static Ink toInk(List<PadStroke> strokes) {
        List<Stroke> out = new ArrayList<>(strokes.size());
        for (PadStroke s : strokes) {
            List<Point> pts = new ArrayList<>(s.points().size());
            for (PadPoint p : s.points()) pts.add(new Point(p.x(), p.y()));
            out.add(new Stroke(pts));
        }
        return new Ink(out);
    }

    private static Item item(PersonalDigits.Entry e) {
        return new Item(e, InkRenderer.toMnist(e.drawing().ink()));
    }

    // ---- learning -------------------------------------------------------------------------------

    /** Fine-tunes the base network on the whole set, off the FX thread; a request while busy runs after. */
    public void learn() {
        if (busy.get()) {
            learnAgain = true;
            return;
        }
        if (items.isEmpty()) {
            status.set("Nothing to learn from yet: label a drawing first.");
            return;
        }
        ModelHandle now = current.get();
        if (base == null || now != lastTaught) {
            base = now; // another model was opened or trained: teach that one
            undo.clear();
        }
        ModelHandle teachFrom = base;
        ModelHandle previous = now;
        // A model without the "not a digit" class learns the digits and leaves the rest for one that has it.
        boolean refuses = canRefuse(teachFrom);
        List<LabeledInk> drawings = items.stream().map(i -> i.entry().drawing()).filter(d -> refuses || d.isDigit()).toList();
        int left = items.size() - drawings.size();
        if (drawings.isEmpty()) {
            status.set("Nothing this model can learn: your drawings are all \"not a digit\", and it has no such answer.");
            return;
        }
        Path folder = mnistFolder.get();
        busy.set(true);
        status.set("Learning from your " + drawings.size() + " drawing" + (drawings.size() == 1 ? "" : "s")
                + (left == 0 ? "" : " (" + left + " \"not a digit\" left out: this model has no such answer)") + "…");
        BackgroundTask.wrap(progress -> teacher.teach(teachFrom, drawings, folder))
                .onSuccess(lesson -> {
                    undo.push(previous);
                    canUndo.set(true);
                    lastTaught = lesson.model();
                    adopt.accept(lesson.model());
                    status.set(String.format(Locale.ROOT, "Learnt in %.1f s: the bars read the drawing again. Checking…",
                            lesson.seconds()));
                    check(teachFrom, lesson, drawings, folder);
                })
                .onFailure(e -> {
                    busy.set(false);
                    status.set("Could not learn: " + ErrorText.describe(e));
                })
                .executeWith(tasks);
    }

    private void check(ModelHandle teachFrom, Teacher.Lesson lesson, List<LabeledInk> drawings, Path folder) {
        BackgroundTask.wrap(progress -> teacher.check(teachFrom, lesson, drawings, folder))
                .onSuccess(c -> {
                    if (current.get() == lesson.model()) {
                        lastTaught = c.model();
                        adopt.accept(c.model()); // the same network, now with its figures recorded
                    }
                    summary.set(describeCheck(lesson, c));
                    status.set(String.format(Locale.ROOT, "Learnt in %.1f s. Save the model to keep it (Ctrl+S).", lesson.seconds()));
                })
                .onFailure(e -> status.set("Learnt, but the check failed: " + ErrorText.describe(e)))
                .onFinished(() -> {
                    busy.set(false);
                    if (learnAgain) {
                        learnAgain = false;
                        learn();
                    }
                })
                .executeWith(tasks);
    }

    private String describeCheck(Teacher.Lesson lesson, Teacher.Checked c) {
        StringBuilder sb = new StringBuilder(counts(lesson.perClass()));
        sb.append(String.format(Locale.ROOT, "%nYour %s read right: %.0f%% before",
                org.inkling.training.FineTuneJob.whatIsRead(lesson.perClass()), 100 * c.before()));
        if (!Double.isNaN(c.after())) {
            sb.append(String.format(Locale.ROOT, ", %.0f%% after (each read by a network taught without it, %d folds)",
                    100 * c.after(), c.folds()));
        }
        if (!Double.isNaN(c.testAccuracy())) {
            sb.append(String.format(Locale.ROOT, "%nMNIST test after: %.2f%%", 100 * c.testAccuracy()));
            base.testAccuracy().ifPresent(b -> sb.append(String.format(Locale.ROOT, " (before: %.2f%%)", 100 * b)));
        } else {
            sb.append("\nMNIST not found: rehearsed on synthetic digits only, no test score");
        }
        return sb.toString();
    }

    private static String counts(int[] perClass) {
        StringBuilder sb = new StringBuilder("Taught:");
        int total = 0;
        for (int d = 0; d < perClass.length; d++) {
            total += perClass[d];
            if (perClass[d] > 0) sb.append(' ').append(LabeledInk.describe(d)).append('×').append(perClass[d]);
        }
        return sb.append(" (").append(total).append(" in all)").toString();
    }

    private void describeSet() {
        int[] per = new int[LabeledInk.NOT_A_DIGIT + 1];
        for (Item i : items) per[i.label()]++;
        if (summary.get().isEmpty() || !summary.get().contains("\n")) summary.set(items.isEmpty() ? "" : counts(per));
    }

    /** Back to the network before the last lesson. */
    public void undo() {
        if (busy.get() || undo.isEmpty()) return;
        ModelHandle previous = undo.pop();
        canUndo.set(!undo.isEmpty());
        lastTaught = undo.isEmpty() ? null : previous;
        adopt.accept(previous);
        status.set("Back to " + previous.name() + ".");
    }

    /** Back to the model that ships with Inkling. */
    public void restoreShipped() {
        if (busy.get()) return;
        try {
            Optional<ModelHandle> m = shipped.call();
            if (m.isEmpty()) {
                status.set("This build ships no model.");
                return;
            }
            undo.clear();
            canUndo.set(false);
            base = null;
            lastTaught = null;
            adopt.accept(m.get());
            status.set("Back to the shipped model.");
        } catch (Exception e) {
            status.set("The shipped model could not be read: " + ErrorText.describe(e));
        }
    }

    // ---- the set --------------------------------------------------------------------------------

    public void delete(Item item) {
        if (items.remove(item)) rewrite("Deleted " + a(item.label()) + ".");
    }

    public void relabel(Item item, int digit) {
        int at = items.indexOf(item);
        if (at < 0 || item.label() == digit) return;
        PersonalDigits.Entry e = new PersonalDigits.Entry(new LabeledInk(digit, item.entry().drawing().ink()), item.entry().time());
        items.set(at, new Item(e, item.image()));
        rewrite("Relabelled " + a(item.label()) + " as " + a(digit) + ".");
    }

    private void rewrite(String done) {
        List<PersonalDigits.Entry> entries = items.stream().map(Item::entry).toList();
        summary.set("");
        describeSet();
        BackgroundTask.wrap(() -> teacher.writeAll(entries))
                .onSuccess(ignored -> status.set(done + " Learn now to teach the network the changed set."))
                .onFailure(e -> status.set("Could not save your digits: " + ErrorText.describe(e)))
                .executeWith(tasks);
    }

    public void exportTo(Path file) {
        List<PersonalDigits.Entry> entries = items.stream().map(Item::entry).toList();
        BackgroundTask.wrap(() -> teacher.export(file, entries))
                .onSuccess(ignored -> status.set("Exported " + entries.size() + " digits to " + file
                        + " (inkling predict --strokes reads it)."))
                .onFailure(e -> status.set("Could not export: " + ErrorText.describe(e)))
                .executeWith(tasks);
    }

    public void importFrom(Path file) {
        BackgroundTask.wrap(progress -> teacher.readFile(file))
                .onSuccess(c -> {
                    items.addAll(c.entries().stream().map(TeachingViewModel::item).toList());
                    rewrite("Imported " + c.entries().size() + " digits from " + file.getFileName()
                            + (c.problems().isEmpty() ? "." : " (" + c.problems().size() + " lines skipped: " + c.problems().get(0) + ")."));
                })
                .onFailure(e -> status.set("Could not import: " + ErrorText.describe(e)))
                .executeWith(tasks);
    }

    // ---- properties -----------------------------------------------------------------------------

    public ObservableList<Item> items() { return itemsView; }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }
    public BooleanProperty autoLearnProperty() { return autoLearn; }
}
