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

    /** Keeps nothing on disk; counts what would be kept. */
    private final class Keeper implements Teacher {
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
