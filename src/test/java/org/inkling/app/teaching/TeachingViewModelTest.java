package org.inkling.app.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.inkling.app.Fakes;
import org.inkling.app.UiQueue;
import org.inkling.app.drawing.DrawingViewModel;
import org.inkling.app.model.Classifier;
import org.inkling.app.model.ModelHandle;
import org.inkling.app.shared.TaskExecutor;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.PersonalDigits;
import org.inkling.nn.Verdict;
import org.inkling.nn.VerdictRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Labelling a drawing, without the JavaFX toolkit: what the network said decides whether it is a correction. */
class TeachingViewModelTest {
    private final UiQueue ui = new UiQueue();
    private final TaskExecutor tasks = TaskExecutor.withDaemonThreads(ui);
    private final AtomicInteger appended = new AtomicInteger();
    private final AtomicInteger warmUps = new AtomicInteger();
    private final DrawingViewModel drawing = new DrawingViewModel(Fakes.GRID);
    private final TeachingViewModel teaching = new TeachingViewModel(new Keeper(), drawing, tasks, () -> null,
            () -> null, m -> {}, Optional::empty, Clock.systemUTC());

    @AfterEach
    void stop() {
        tasks.close();
    }

    /** Eleven classes: the digit 4 first among the digits, "not a digit" at {@code notDigit}. */
    private static Classifier elevenClasses(float notDigit) {
        VerdictRule rule = new VerdictRule(1.0, 0.7, 0.5, 10);
        return new Classifier() {
            @Override
            public float[] classify(float[] input) {
                float[] p = new float[11];
                float rest = (1 - notDigit) * 0.01f;
                java.util.Arrays.fill(p, 0, 10, rest);
                p[4] = 1 - notDigit - 9 * rest;
                p[10] = notDigit;
                return p;
            }

            @Override
            public VerdictRule verdictRule() {
                return rule;
            }
        };
    }

    private void drawAndLabelFour(Classifier network) throws InterruptedException {
        drawing.classifierProperty().set(network);
        drawing.beginStroke(0.3, 0.3);
        for (int i = 1; i <= 10; i++) drawing.extendStroke(0.3 + 0.04 * i, 0.3 + 0.04 * i);
        drawing.endStroke();
        drawing.refreshIfStale();
        teaching.autoLearnProperty().set(false);
        teaching.label(4);
        ui.runUntil(() -> appended.get() == 1, Duration.ofSeconds(10));
    }

    @Test
    void aDrawingRefusedAsNotADigitIsACorrectionAndTheStatusSaysSo() throws Exception {
        drawAndLabelFour(elevenClasses(0.8f));
        Verdict v = drawing.verdictProperty().get();
        assertThat(v.kind()).isEqualTo(Verdict.Kind.NOT_A_DIGIT);
        assertThat(drawing.predictedDigitProperty().get()).as("4 is still the likeliest digit").isEqualTo(4);
        assertThat(teaching.items()).singleElement().extracting(TeachingViewModel.Item::label).isEqualTo(4);
        assertThat(teaching.statusProperty().get()).contains("it said not a digit").contains("Learn now")
                .doesNotContain("read right");
    }

    @Test
    void aDigitTheNetworkAcceptedIsReadRightAlready() throws Exception {
        drawAndLabelFour(elevenClasses(0.01f));
        assertThat(drawing.verdictProperty().get().accepted()).isTrue();
        assertThat(teaching.statusProperty().get()).contains("read right already");
    }

    @Test
    void aListenerOnTheSetStillHearsALabelAfterACollection() throws Exception {
        // The gallery listens to items(); a read-only view made per call was collected with its
        // listeners (it listens to the set weakly), and the gallery stayed at "Your digits (0)".
        assertThat(teaching.items()).isSameAs(teaching.items());
        java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
        teaching.items().addListener((javafx.collections.ListChangeListener<TeachingViewModel.Item>) c -> heard.incrementAndGet());
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        drawAndLabelFour(elevenClasses(0.01f));
        assertThat(heard.get()).isPositive();
    }

    @Test
    void theStatusNamesEachVerdict() {
        float[] digits = new float[10];
        assertThat(TeachingViewModel.said(null)).isEqualTo("it read nothing");
        assertThat(TeachingViewModel.said(new Verdict(Verdict.Kind.DIGIT, 7, List.of(7), digits, 0))).isEqualTo("it read a 7");
        assertThat(TeachingViewModel.said(new Verdict(Verdict.Kind.UNSURE, 4, List.of(4, 9), digits, 0)))
                .isEqualTo("it was not sure: 4 or 9");
    }

    @Test
    void theFirstLessonsWarmUpStartsOnceAndOnlyWithAModelAndMnist() throws Exception {
        teaching.warmUpOnce(); // no model, no MNIST folder
        ModelHandle model = new Fakes.Model("m", true, Fakes.byColumn(0.5f));
        TeachingViewModel ready = new TeachingViewModel(new Keeper(), drawing, tasks, () -> Path.of("mnist"),
                () -> model, m -> {}, Optional::empty, Clock.systemUTC());
        ready.warmUpIfTaughtBefore(); // an empty set: nobody has taught yet
        ready.warmUpOnce();
        ready.warmUpOnce();
        ui.runUntil(() -> warmUps.get() > 0, Duration.ofSeconds(10));
        ui.drain();
        assertThat(warmUps.get()).isEqualTo(1);
    }

    private void drawALine(Classifier network) {
        drawing.classifierProperty().set(network);
        drawing.beginStroke(0.3, 0.3);
        for (int i = 1; i <= 10; i++) drawing.extendStroke(0.3 + 0.04 * i, 0.3 + 0.04 * i);
        drawing.endStroke();
        drawing.refreshIfStale();
    }

    private TeachingViewModel teachingWith(Teacher teacher, ModelHandle model) {
        return new TeachingViewModel(teacher, drawing, tasks, () -> null, () -> model, m -> {}, Optional::empty, Clock.systemUTC());
    }

    @Test
    void notADigitTheNetworkRefusedIsReadRightAlreadyAndOneItAcceptedIsACorrection() throws Exception {
        Classifier refuses = elevenClasses(0.8f);
        TeachingViewModel t = teachingWith(new Keeper(), new Fakes.Model("eleven", true, refuses));
        t.autoLearnProperty().set(false);
        drawALine(refuses);
        t.label(LabeledInk.NOT_A_DIGIT);
        ui.runUntil(() -> appended.get() == 1, Duration.ofSeconds(10));
        assertThat(t.statusProperty().get()).isEqualTo("Kept as not a digit, read right already.");
        assertThat(t.items()).singleElement().extracting(TeachingViewModel.Item::label).isEqualTo(LabeledInk.NOT_A_DIGIT);

        drawing.classifierProperty().set(elevenClasses(0.01f)); // now it reads the drawing as a sure 4
        drawing.refreshIfStale();
        t.label(LabeledInk.NOT_A_DIGIT);
        ui.runUntil(() -> appended.get() == 2, Duration.ofSeconds(10));
        assertThat(t.statusProperty().get()).isEqualTo("Kept as not a digit (it read a 4): press Learn now to teach it.");
    }

    @Test
    void aModelWithoutTheNotADigitClassKeepsNoDrawingAsNone() throws Exception {
        ModelHandle tenClasses = new Fakes.Model("ten", true, Fakes.byColumn(0.5f));
        TeachingViewModel t = teachingWith(new Keeper(), tenClasses);
        drawALine(tenClasses.classifier());
        t.label(LabeledInk.NOT_A_DIGIT);
        ui.drain();
        assertThat(t.items()).isEmpty();
        assertThat(appended.get()).isZero();
        assertThat(t.statusProperty().get()).contains("no \"not a digit\" answer");
    }

    @Test
    void aLessonForAModelWithoutTheNotADigitClassLeavesSuchDrawingsOut() throws Exception {
        java.util.concurrent.atomic.AtomicReference<List<LabeledInk>> taught = new java.util.concurrent.atomic.AtomicReference<>();
        Keeper recorder = new Keeper() {
            @Override public Lesson teach(ModelHandle base, List<LabeledInk> drawings, Path mnistFolder) {
                taught.set(drawings);
                throw new IllegalStateException("stop here");
            }
        };
        Classifier refuses = elevenClasses(0.8f);
        Fakes.Model eleven = new Fakes.Model("eleven", true, refuses);
        java.util.concurrent.atomic.AtomicReference<ModelHandle> current = new java.util.concurrent.atomic.AtomicReference<>(eleven);
        TeachingViewModel t = new TeachingViewModel(recorder, drawing, tasks, () -> null, current::get, m -> {},
                Optional::empty, Clock.systemUTC());
        t.autoLearnProperty().set(false);
        drawALine(refuses);
        t.label(LabeledInk.NOT_A_DIGIT);
        t.label(4);
        ui.runUntil(() -> appended.get() == 2, Duration.ofSeconds(10));

        current.set(new Fakes.Model("ten", true, Fakes.byColumn(0.5f)));
        t.learn();
        assertThat(t.statusProperty().get()).contains("1 \"not a digit\" left out");
        ui.runUntil(() -> t.statusProperty().get().startsWith("Could not learn"), Duration.ofSeconds(10));
        assertThat(taught.get()).extracting(LabeledInk::label).containsExactly(4);

        current.set(eleven);
        t.learn();
        ui.runUntil(() -> taught.get().size() == 2 && !t.busyProperty().get(), Duration.ofSeconds(10));
        assertThat(taught.get()).extracting(LabeledInk::label).containsExactly(LabeledInk.NOT_A_DIGIT, 4);
    }

    /** Keeps nothing on disk; counts what would be kept. */
    private class Keeper implements Teacher {
        @Override public PersonalDigits.Contents read() { throw new UnsupportedOperationException(); }
        @Override public void append(PersonalDigits.Entry entry) { appended.incrementAndGet(); }
        @Override public void writeAll(List<PersonalDigits.Entry> entries) {}
        @Override public PersonalDigits.Contents readFile(Path file) { throw new UnsupportedOperationException(); }
        @Override public void export(Path file, List<PersonalDigits.Entry> entries) {}
        @Override public Lesson teach(ModelHandle base, List<LabeledInk> drawings, Path mnistFolder) { throw new AssertionError("no learning"); }
        @Override public void warmUp(ModelHandle base, Path mnistFolder, org.inkling.nn.TrainingControl control) { warmUps.incrementAndGet(); }
        @Override public Checked check(ModelHandle base, Lesson lesson, List<LabeledInk> drawings, Path mnistFolder) {
            throw new AssertionError("no learning");
        }
    }
}
