package org.inkling.app;

import org.inkling.app.model.Classifier;
import org.inkling.app.drawing.InkRasterizer;
import org.inkling.app.drawing.PadPoint;
import org.inkling.app.drawing.PadStroke;
import org.inkling.app.model.ModelHandle;
import org.inkling.app.model.ModelStore;
import org.inkling.app.shared.DialogService;
import org.inkling.app.shared.MnistSource;
import org.inkling.app.training.TrainingRequest;
import org.inkling.app.training.TrainingRunner;
import org.inkling.app.training.TrainingSwitch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.inkling.nn.Activation;
import org.inkling.nn.Sequential;
import org.inkling.nn.TrainingListener;

/** Test doubles for the view-model tests, which run without the engine or the toolkit. */
public final class Fakes {
    private Fakes() {}

    /** Marks the 28x28 cells that stroke points fall in (good enough to tell empty from drawn). */
    public static final InkRasterizer GRID = (strokes, pen) -> {
        float[] image = new float[Classifier.INPUT_SIZE];
        for (PadStroke s : strokes) {
            for (PadPoint p : s.points()) {
                int col = (int) Math.clamp(p.x() * 28, 0, 27);
                int row = (int) Math.clamp(p.y() * 28, 0, 27);
                image[row * 28 + col] = 1f;
            }
        }
        return image;
    };

    /** A classifier whose answer depends on the ink's centre column, with softmax probabilities. */
    public static Classifier byColumn(float sharpness) {
        return input -> {
            double sum = 0;
            double weighted = 0;
            for (int i = 0; i < input.length; i++) {
                sum += input[i];
                weighted += input[i] * (i % 28);
            }
            double centre = sum == 0 ? 13.5 : weighted / sum;
            float[] p = new float[10];
            double total = 0;
            for (int d = 0; d < 10; d++) {
                double z = -sharpness * Math.abs(centre / 2.8 - d - 0.5);
                p[d] = (float) Math.exp(z);
                total += p[d];
            }
            for (int d = 0; d < 10; d++) {
                p[d] /= (float) total;
            }
            return p;
        };
    }

    /** A Keras import: no recipe, no test score. */
    public record Imported(String name, Classifier classifier) implements ModelHandle {
        @Override public String architecture() { return "784-32-10"; }
        @Override public long parameterCount() { return 784 * 32 + 32 + 32 * 10 + 10; }
        @Override public OptionalDouble testAccuracy() { return OptionalDouble.empty(); }
        @Override public boolean trained() { return true; }
        @Override public Optional<String> importedFrom() { return Optional.of("Keras"); }
        @Override public ModelHandle withName(String newName) { return new Imported(newName, classifier); }
    }

    public record Model(String name, boolean trained, Classifier classifier) implements ModelHandle {
        @Override public String architecture() { return "784-16-10"; }
        @Override public long parameterCount() { return 784 * 16 + 16 + 16 * 10 + 10; }
        @Override public OptionalDouble testAccuracy() { return trained ? OptionalDouble.of(0.9) : OptionalDouble.empty(); }
        @Override public ModelHandle withName(String newName) { return new Model(newName, trained, classifier); }
    }

    /** A model that records how it was trained and its test accuracy, as a model file does. */
    public record RecipeModel(String name, Classifier classifier, Map<String, Object> recipe, double accuracy)
            implements ModelHandle {
        @Override public String architecture() { return "784-conv32-conv64-128-10"; }
        @Override public long parameterCount() { return 225_034; }
        @Override public OptionalDouble testAccuracy() { return OptionalDouble.of(accuracy); }
        @Override public boolean trained() { return true; }
        @Override public ModelHandle withName(String newName) { return new RecipeModel(newName, classifier, recipe, accuracy); }
    }

    public static final class Store implements ModelStore {
        public final List<Path> saved = new ArrayList<>();
        public ModelHandle shipped;
        public IOException failure;
        /** What {@link #open} returns when set; else a plain model named after the file. */
        public ModelHandle toOpen;

        @Override public Optional<ModelHandle> shipped() { return Optional.ofNullable(shipped); }
        @Override public ModelHandle untrained() { return new Model("untrained", false, byColumn(0.1f)); }
        @Override public ModelHandle open(Path file) throws IOException {
            if (failure != null) {
                throw failure;
            }
            if (toOpen != null) return toOpen;
            if (file.getFileName().toString().endsWith(".h5")) return new Imported(file.getFileName().toString(), byColumn(2f));
            return new Model(file.getFileName().toString(), true, byColumn(2f));
        }
        @Override public void save(ModelHandle model, Path file) throws IOException {
            if (failure != null) {
                throw failure;
            }
            saved.add(file);
        }
    }

    public static final class Mnist implements MnistSource {
        public Path folder;
        @Override public Optional<Path> locate() { return Optional.ofNullable(folder); }
        @Override public boolean holdsMnist(Path f) { return f.equals(folder); }
        @Override public Path download(DoubleConsumer progress) { progress.accept(1); return folder; }
    }

    /** Records what the view model asks; answers come from its fields. */
    public static final class Dialogs implements DialogService {
        public final List<String> errors = new ArrayList<>();
        public final List<String> questions = new ArrayList<>();
        public CloseChoice answer = CloseChoice.CANCEL;
        public Path saveTarget;
        /** Where exports go; the kinds asked for are recorded. */
        public Path fileTarget;
        public final List<String> fileKinds = new ArrayList<>();
        public Path openTarget;
        public Path mnistAnswer;

        @Override public void showError(String title, String message) { errors.add(title + ": " + message); }
        @Override public Optional<Path> chooseModelToOpen() { return Optional.ofNullable(openTarget); }
        @Override public Optional<Path> chooseModelToSave(String name) { return Optional.ofNullable(saveTarget); }
        @Override public Optional<Path> chooseFileToSave(String title, String name, String kind, String extension) {
            fileKinds.add(extension);
            return Optional.ofNullable(fileTarget);
        }
        public boolean confirmAnswer;
        @Override public boolean confirm(String header, String message, String yes) { questions.add(header); return confirmAnswer; }
        @Override public CloseChoice askSaveBeforeClose(String message) { questions.add(message); return answer; }
        @Override public void resolveMissingMnist(Consumer<Path> onReady) {
            questions.add("mnist");
            if (mnistAnswer != null) {
                onReady.accept(mnistAnswer);
            }
        }
    }

    /**
     * Trains nothing: reports {@code batches} batches per epoch with a falling loss, sleeping
     * {@code millisPerBatch} each, honouring pause and stop like the real trainer.
     */
    public static final class Runner implements TrainingRunner {
        public final int batches;
        public final long millisPerBatch;
        public volatile TrainingRequest lastRequest;
        public volatile int batchesRun;

        public Runner(int batches, long millisPerBatch) {
            this.batches = batches;
            this.millisPerBatch = millisPerBatch;
        }

        @Override
        public ModelHandle train(TrainingRequest request, TrainingListener listener, TrainingSwitch control)
                throws Exception {
            lastRequest = request;
            int epochs = request.recipe().epochs();
            Sequential network = Sequential.mlp(Classifier.INPUT_SIZE, new int[] {4}, Activation.RELU, Classifier.CLASSES, 1);
            listener.onTrainingBegin(new TrainingListener.TrainingPlan(epochs, 1, batches, 0, batches,
                    network.parameterCount(), network));
            long start = System.nanoTime();
            outer:
            for (int e = 1; e <= epochs; e++) {
                for (int b = 1; b <= batches; b++) {
                    if (!control.awaitIfPaused()) {
                        break outer;
                    }
                    if (millisPerBatch > 0) {
                        Thread.sleep(millisPerBatch);
                    }
                    batchesRun++;
                    double loss = 2.3 / (1 + batchesRun * 0.1);
                    listener.onBatchEnd(new TrainingListener.BatchEvent(e, b, batches, loss, 1 - loss / 2.3,
                            loss, 1 - loss / 2.3, System.nanoTime() - start));
                }
                listener.onEpochEnd(new TrainingListener.EpochEvent(e, epochs, 0.5, 0.8, 0.6, 0.75, 0.1));
            }
            return new Model("trained", true, byColumn(3f));
        }
    }
}
