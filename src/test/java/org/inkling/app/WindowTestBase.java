package org.inkling.app;

import static org.inkling.app.WindowTests.waitFor;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.inkling.app.drawing.DrawingPad;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What every test of the real window (TestFX, Monocle) shares: the window on the real engine and
 * MNIST, its deferred views awaited before each test and the window closed after it, and a person's
 * "7" drawn with the mouse. TestFX 4.0.18 looks for {@code @Start} among a test class's own methods
 * only, so each test class keeps a one-line {@code @Start} that calls {@link #open}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTestBase {
    protected InklingWindow window;
    protected final Fakes.Dialogs dialogs = new Fakes.Dialogs();

    /** Shows the window on {@code services}, reading MNIST where the tests find it. */
    protected void open(Stage stage, AppServices services) {
        window = InklingWindow.show(stage, services, dialogs);
        window.viewModel().training().mnistFolderProperty().set(UiTestServices.mnistFolder());
    }

    /** Shows the window on the real engine. */
    protected void open(Stage stage) {
        open(stage, UiTestServices.create());
    }

    /** The Train tab's view arrives just after the first frame (InklingWindow defers it). */
    @BeforeEach
    void waitForTheDeferredViews() throws Exception {
        WindowTests.awaitDeferredViews(window);
    }

    @AfterEach
    void closeWindow() throws Exception {
        WindowTests.close(window);
    }

    /** Draws a "7" with the mouse across the pad and waits for the bars to read it. */
    protected void drawSeven(FxRobot robot) {
        DrawingPad pad = robot.lookup(".drawing-pad").queryAs(DrawingPad.class);
        Bounds b = pad.canvas().localToScreen(pad.canvas().getBoundsInLocal());
        double s = b.getWidth();
        // Each moveTo glides through intermediate mouse events, as a hand would.
        robot.moveTo(new Point2D(b.getMinX() + 0.25 * s, b.getMinY() + 0.22 * s)).press(MouseButton.PRIMARY);
        robot.moveTo(new Point2D(b.getMinX() + 0.70 * s, b.getMinY() + 0.22 * s), Motion.DIRECT);
        robot.moveTo(new Point2D(b.getMinX() + 0.42 * s, b.getMinY() + 0.82 * s), Motion.DIRECT);
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        // generous: the machine that runs the tests may be busy with other builds
        waitFor(() -> window.viewModel().drawing().probabilitiesProperty().get() != null, 10_000);
    }
}
