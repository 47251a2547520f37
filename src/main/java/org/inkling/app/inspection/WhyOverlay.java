package org.inkling.app.inspection;

import java.util.Objects;
import org.inkling.app.drawing.DrawingViewModel;
import org.inkling.inspect.Explainer;
import org.inkling.inspect.Explanation;
import org.inkling.inspect.OverlayColours;
import org.inkling.nn.Sequential;

/**
 * Keeps the drawing's "why" tint in step with the input while the switch is on: an
 * {@link Explainer} over the current network, run on the FX thread because it costs one forward
 * and one backward pass of one input (tens of microseconds for the textbook MLP, about a
 * millisecond for the shipped CNN) and the input changes at most once a frame.
 */
public final class WhyOverlay {
    private final DrawingViewModel drawing;
    private Sequential network;
    private Explainer explainer;
    private Explanation last;
    private long lastNanos = -1;

    public WhyOverlay(DrawingViewModel drawing) {
        this.drawing = Objects.requireNonNull(drawing);
        drawing.inputProperty().addListener((obs, old, now) -> update());
        drawing.overlayShownProperty().addListener((obs, old, now) -> update());
    }

    /** The network to explain from now on (a model opened or trained, or an epoch's copy). */
    public void setNetwork(Sequential network) {
        this.network = network;
        if (explainer != null && network != null && !explainer.refresh(network)) explainer = null;
        update();
    }

    private void update() {
        float[] x = drawing.inputProperty().get();
        if (!drawing.overlayShownProperty().get() || x == null || network == null || network.inputSize() != x.length) {
            last = null;
            drawing.overlayProperty().set(null);
            return;
        }
        long start = System.nanoTime();
        if (explainer == null) explainer = new Explainer(network);
        last = explainer.explain(x);
        drawing.overlayProperty().set(OverlayColours.argb(x, last.contributions(), last.maxMagnitude()));
        lastNanos = System.nanoTime() - start;
    }

    /** The explanation shown now, or null. */
    public Explanation explanation() {
        return last;
    }

    /** The last update's time on the FX thread, ns (-1 before any). */
    public long lastNanos() {
        return lastNanos;
    }
}
