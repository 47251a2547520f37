package org.inkling.app.drawing;

import org.inkling.app.Fakes;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The drawing view model, without the JavaFX toolkit. */
class DrawingViewModelTest {
    private final AtomicInteger rasterised = new AtomicInteger();
    private final DrawingViewModel vm = new DrawingViewModel((strokes, pen) -> {
        rasterised.incrementAndGet();
        return Fakes.GRID.rasterize(strokes, pen);
    });

    DrawingViewModelTest() {
        vm.classifierProperty().set(Fakes.byColumn(2f));
    }

    private void drawLine(double x0, double y0, double x1, double y1) {
        vm.beginStroke(x0, y0);
        for (int i = 1; i <= 20; i++) {
            vm.extendStroke(x0 + (x1 - x0) * i / 20, y0 + (y1 - y0) * i / 20);
        }
        vm.endStroke();
    }

    @Test
    void emptyPadHasNoPrediction() {
        vm.refreshIfStale();
        assertThat(vm.probabilitiesProperty().get()).isNull();
        assertThat(vm.predictedDigitProperty().get()).isEqualTo(-1);
        assertThat(vm.emptyProperty().get()).isTrue();
    }

    @Test
    void drawingGivesProbabilitiesThatSumToOneAndTheTopDigit() {
        drawLine(0.8, 0.2, 0.8, 0.8);
        vm.refreshIfStale();
        float[] p = vm.probabilitiesProperty().get();
        assertThat(p).hasSize(10);
        double sum = 0;
        int best = 0;
        for (int d = 0; d < 10; d++) {
            sum += p[d];
            best = p[d] > p[best] ? d : best;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-5));
        assertThat(vm.predictedDigitProperty().get()).isEqualTo(best);
        assertThat(vm.confidenceProperty().get()).isCloseTo(p[best], within(1e-6));
        assertThat(vm.inputProperty().get()).hasSize(784);
    }

    @Test
    void predictionFollowsTheStrokeWhileItIsDrawnNotOnlyOnRelease() {
        vm.beginStroke(0.1, 0.3);
        vm.extendStroke(0.1, 0.6);
        vm.refreshIfStale();
        float[] early = vm.probabilitiesProperty().get();
        assertThat(early).isNotNull();
        vm.extendStroke(0.9, 0.6);
        vm.extendStroke(0.9, 0.3);
        vm.refreshIfStale();
        assertThat(vm.probabilitiesProperty().get()).isNotEqualTo(early);
        assertThat(vm.strokes()).hasSize(1);
    }

    @Test
    void editsAreCoalescedUntilTheNextFrame() {
        drawLine(0.2, 0.2, 0.7, 0.7);
        assertThat(rasterised).hasValue(0);
        vm.refreshIfStale();
        vm.refreshIfStale();
        assertThat(rasterised).hasValue(1);
    }

    @Test
    void undoRemovesTheLastStrokeAndClearEmptiesThePad() {
        drawLine(0.2, 0.2, 0.2, 0.8);
        drawLine(0.8, 0.2, 0.8, 0.8);
        assertThat(vm.strokes()).hasSize(2);
        vm.undo();
        assertThat(vm.strokes()).hasSize(1);
        vm.refreshIfStale();
        assertThat(vm.probabilitiesProperty().get()).isNotNull();
        vm.clear();
        vm.refreshIfStale();
        assertThat(vm.strokes()).isEmpty();
        assertThat(vm.probabilitiesProperty().get()).isNull();
        // Clear is an action like any other: Undo brings the drawing back.
        assertThat(vm.canUndoProperty().get()).isTrue();
    }

    @Test
    void everyActionIncludingClearCanBeUndoneAndRedone() {
        drawLine(0.2, 0.2, 0.2, 0.8);
        drawLine(0.8, 0.2, 0.8, 0.8);
        List<PadStroke> two = vm.strokes();
        vm.clear();
        assertThat(vm.strokes()).isEmpty();
        vm.undo();
        assertThat(vm.strokes()).isEqualTo(two);
        vm.undo();
        assertThat(vm.strokes()).hasSize(1);
        assertThat(vm.canRedoProperty().get()).isTrue();
        vm.redo();
        assertThat(vm.strokes()).isEqualTo(two);
        vm.redo();
        assertThat(vm.strokes()).isEmpty();
        assertThat(vm.canRedoProperty().get()).isFalse();
        vm.undo();
        vm.undo();
        vm.undo();
        assertThat(vm.strokes()).isEmpty();
        assertThat(vm.canUndoProperty().get()).isFalse();
        // A new stroke after undoing ends the redo history.
        vm.redo();
        drawLine(0.5, 0.2, 0.5, 0.8);
        assertThat(vm.canRedoProperty().get()).isFalse();
        assertThat(vm.strokes()).hasSize(2);
    }

    @Test
    void thePadGetsTheSameFinishedListUntilAStrokeEnds() {
        drawLine(0.2, 0.2, 0.2, 0.8);
        List<PadStroke> before = vm.finishedStrokes();
        vm.beginStroke(0.5, 0.5);
        vm.extendStroke(0.6, 0.6);
        assertThat(vm.finishedStrokes()).isSameAs(before);
        assertThat(vm.currentStroke().points()).hasSize(2);
        vm.endStroke();
        assertThat(vm.finishedStrokes()).isNotSameAs(before).hasSize(2);
        assertThat(vm.currentStroke()).isNull();
    }

    @Test
    void aNewClassifierRepredictsTheSameDrawing() {
        drawLine(0.5, 0.2, 0.5, 0.8);
        vm.refreshIfStale();
        float[] before = vm.probabilitiesProperty().get();
        vm.classifierProperty().set(input -> {
            float[] p = new float[10];
            p[3] = 1;
            return p;
        });
        vm.refreshIfStale();
        assertThat(vm.probabilitiesProperty().get()).isNotEqualTo(before);
        assertThat(vm.predictedDigitProperty().get()).isEqualTo(3);
        assertThat(rasterised).hasValue(1);
    }

    @Test
    void tinyMovesAddNoPoints() {
        vm.beginStroke(0.5, 0.5);
        vm.extendStroke(0.5001, 0.5001);
        vm.endStroke();
        assertThat(vm.strokes().getFirst().points()).hasSize(1);
    }

    @Test
    void inkNoBiggerThanThePenIsADotAndNotADigitWhateverTheNetworkSays() {
        // The renderer blows any drawing up to a digit's size: here always a ring in the middle columns.
        DrawingViewModel ring = new DrawingViewModel((strokes, pen) -> {
            float[] image = new float[784];
            for (int y = 6; y < 22; y++) {
                for (int x = 8; x < 20; x++) {
                    if (y < 8 || y > 19 || x < 10 || x > 17) image[y * 28 + x] = 1f;
                }
            }
            return image;
        });
        ring.classifierProperty().set(Fakes.byColumn(40f)); // confident about the middle column's digit
        ring.beginStroke(0.5, 0.5);
        ring.extendStroke(0.51, 0.505);
        ring.extendStroke(0.505, 0.51);
        ring.endStroke();
        ring.refreshIfStale();
        assertThat(ring.verdictProperty().get().kind()).isEqualTo(org.inkling.nn.Verdict.Kind.NOT_A_DIGIT);
        assertThat(ring.probabilitiesProperty().get()).as("the bars stay").isNotNull();

        ring.clear();
        ring.beginStroke(0.3, 0.3);
        ring.extendStroke(0.6, 0.3);
        ring.extendStroke(0.6, 0.7);
        ring.endStroke();
        ring.refreshIfStale();
        assertThat(ring.verdictProperty().get().accepted()).as("the same ring from a drawing the size of a digit").isTrue();
        assertThat(DrawingViewModel.isDot(ring.strokes(), DrawingViewModel.DEFAULT_PEN)).isFalse();
    }
}
