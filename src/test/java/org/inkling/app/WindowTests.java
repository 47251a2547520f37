package org.inkling.app;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.testfx.util.WaitForAsyncUtils;

/** What every test of the real window (TestFX, Monocle) does around its own steps. */
final class WindowTests {
    private WindowTests() {}

    /** Polls {@code condition}, letting the FX thread run in between, for at most {@code millis}. */
    static void waitFor(BooleanSupplier condition, long millis) {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("condition not met within " + millis + " ms");
            }
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** The Train tab's view arrives just after the first frame (InklingWindow defers it). */
    static void awaitDeferredViews(InklingWindow window) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.viewsLoadedProperty().get());
    }

    /** Disposes the window and closes its stage on the FX thread. */
    static void close(InklingWindow window) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.dispose();
            window.stage().close();
        }).get(10, TimeUnit.SECONDS);
    }
}
