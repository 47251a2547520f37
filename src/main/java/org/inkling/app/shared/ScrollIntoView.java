package org.inkling.app.shared;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Scrolls a {@link ScrollPane} just enough that part of its content is seen, as a browser does for a link to an anchor. */
public final class ScrollIntoView {
    private ScrollIntoView() {}

    /**
     * Brings the stretch from {@code first}'s top to {@code last}'s bottom (both inside
     * {@code pane}'s content) into the viewport, {@code first} at the top when any of it was out of
     * view; does nothing when it is already wholly seen or the content fits.
     */
    public static void show(ScrollPane pane, Node first, Node last) {
        Node content = pane.getContent();
        if (content == null) return;
        // Called right after the content changed: measure it as it will be drawn, not as it was.
        pane.applyCss();
        pane.layout();
        double contentHeight = content.getLayoutBounds().getHeight();
        double viewHeight = pane.getViewportBounds().getHeight();
        if (contentHeight <= viewHeight) return;
        double from = content.sceneToLocal(first.localToScene(first.getLayoutBounds())).getMinY();
        double to = content.sceneToLocal(last.localToScene(last.getLayoutBounds())).getMaxY();
        double top = pane.getVvalue() * (contentHeight - viewHeight);
        if (from >= top && to <= top + viewHeight) return;
        double wanted = Math.max(0, Math.min(from, contentHeight - viewHeight));
        pane.setVvalue(wanted / (contentHeight - viewHeight));
    }
}
