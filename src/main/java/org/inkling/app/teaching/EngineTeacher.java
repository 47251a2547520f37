package org.inkling.app.teaching;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.inkling.app.model.EngineModel;
import org.inkling.app.model.ModelHandle;
import org.inkling.app.shared.MnistFolders;
import org.inkling.data.Mnist;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.PersonalDigits;
import org.inkling.ink.synth.DigitSynthesizer;
import org.inkling.nn.Engine;
import org.inkling.nn.SavedModel;
import org.inkling.nn.TrainingControl;
import org.inkling.training.FineTuneJob;
import org.inkling.training.FineTuneOutcome;
import org.inkling.training.FineTuneRecipe;

/** The set as {@link PersonalDigits} in the user data folder, the fine-tune as {@link FineTuneJob} with the standard recipe. */
public final class EngineTeacher implements Teacher {
    private final PersonalDigits set;
    private final FineTuneRecipe recipe;
    private Path loadedFrom;
    /** Lessons, checks and the warm-up share the cores and the engine's thread count: one at a time. */
    private final java.util.concurrent.locks.ReentrantLock oneAtATime = new java.util.concurrent.locks.ReentrantLock();
    private static final long WARM_UP_SEED = 0x3A_17_0BL;
    private Mnist loaded;

    public EngineTeacher(Path dataFolder) {
        this(PersonalDigits.in(dataFolder), FineTuneRecipe.standard());
    }

    public EngineTeacher(PersonalDigits set, FineTuneRecipe recipe) {
        this.set = set;
        this.recipe = recipe;
    }

    public Path file() {
        return set.file();
    }

    @Override
    public PersonalDigits.Contents read() throws IOException {
        return set.read();
    }

    @Override
    public void append(PersonalDigits.Entry entry) throws IOException {
        set.append(entry);
    }

    @Override
    public void writeAll(List<PersonalDigits.Entry> entries) throws IOException {
        set.writeAll(entries);
    }

    @Override
    public PersonalDigits.Contents readFile(Path file) throws IOException {
        return PersonalDigits.read(file);
    }

    @Override
    public void export(Path file, List<PersonalDigits.Entry> entries) throws IOException {
        new PersonalDigits(file).writeAll(entries);
    }

    @Override
    public Lesson teach(ModelHandle base, List<LabeledInk> drawings, Path mnistFolder) throws Exception {
        SavedModel saved = engineModel(base).saved();
        oneAtATime.lock();
        int threadsBefore = leaveACoreToTheWindow();
        try {
            FineTuneOutcome o = FineTuneJob.run(saved, drawings, recipe, mnist(mnistFolder), null, null, false);
            return new Lesson(EngineModel.trained(o.model()), o.taughtPerClass(), o.seconds());
        } finally {
            Engine.setThreads(threadsBefore);
            oneAtATime.unlock();
        }
    }

    /**
     * A lesson of one pen-written digit per class (the synthetic styles, a fixed seed) on a copy of
     * {@code base}: in a fresh JVM the first lesson spends most of its time reading MNIST and
     * compiling the kernels (6.5-7.1 s against 1-2 s for the next ones, measured at load 12-20).
     * A lesson asked for meanwhile waits for it, having that much less left to do.
     */
    @Override
    public void warmUp(ModelHandle base, Path mnistFolder, TrainingControl control) throws Exception {
        if (mnistFolder == null) return;
        SavedModel saved = engineModel(base).saved();
        oneAtATime.lock();
        int threadsBefore = leaveACoreToTheWindow();
        try {
            if (control.isCancelled()) return;
            FineTuneJob.run(saved, DigitSynthesizer.generate(1, WARM_UP_SEED), recipe, mnist(mnistFolder), null, control, false);
        } finally {
            Engine.setThreads(threadsBefore);
            oneAtATime.unlock();
        }
    }

    @Override
    public Checked check(ModelHandle base, Lesson lesson, List<LabeledInk> drawings, Path mnistFolder) throws Exception {
        oneAtATime.lock();
        int threadsBefore = leaveACoreToTheWindow();
        try {
            SavedModel taught = engineModel(lesson.model()).saved();
            FineTuneJob.Measures m = FineTuneJob.measure(engineModel(base).saved(), taught, drawings, recipe, mnist(mnistFolder));
            SavedModel recorded = FineTuneJob.withMeasures(taught, m);
            return new Checked(EngineModel.trained(recorded),
                    m.accuracyBefore(), m.crossValidatedAfter(), m.folds(), m.test() == null ? Double.NaN : m.test().accuracy(),
                    m.seconds());
        } finally {
            Engine.setThreads(threadsBefore);
            oneAtATime.unlock();
        }
    }

    private static EngineModel engineModel(ModelHandle handle) {
        if (!(handle instanceof EngineModel m)) throw new IllegalArgumentException("not an engine model: " + handle);
        return m;
    }

    /** With every core fine-tuning, the window stutters: leave one to the FX thread. */
    private static int leaveACoreToTheWindow() {
        int before = Engine.threads();
        Engine.setThreads(Math.max(1, Math.min(before, Runtime.getRuntime().availableProcessors() - 1)));
        return before;
    }

    /** MNIST stays loaded between lessons (47 MB as bytes, a second to read); null without a folder. */
    private synchronized Mnist mnist(Path folder) throws IOException {
        if (folder == null) return null;
        Path key = folder.toAbsolutePath().normalize();
        if (!key.equals(loadedFrom)) {
            loaded = Mnist.load(MnistFolders.filesIn(key));
            loadedFrom = key;
        }
        return loaded;
    }
}
