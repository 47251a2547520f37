package org.inkling.app.shared;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

/**
 * Tooltips for the views of the first frame, made after it. Each {@link Tooltip} is a popup window
 * with its own scene, and building the nine of the main and drawing views cost about 100 ms of the
 * window's start (packaging/README.md); nobody hovers that soon. Those views name the text in the
 * control's properties, {@code <properties tooltip="..."/>} in FXML or under {@link #KEY} in a
 * controller, and the window calls {@link #install} once the first frame is on the screen. Views
 * loaded later keep their {@code <tooltip>} elements.
 */
public final class LaterTooltips {
    /**
     * The key, in a control's {@link Node#getProperties() properties}, of the text its tooltip will
     * show: a String, or an {@link ObservableStringValue} that the tooltip's text will follow.
     */
    public static final String KEY = "tooltip";

    private LaterTooltips() {}

    /** Gives every control under {@code root} that names a tooltip text its tooltip. */
    public static void install(Node root) {
        // a stack, not recursion: the depth is the scene graph's, which views and skins decide
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof Control control && control.getProperties().remove(KEY) instanceof Object text) {
                Tooltip tooltip = new Tooltip();
                if (text instanceof ObservableStringValue changing) {
                    tooltip.textProperty().bind(changing);
                } else {
                    tooltip.setText(String.valueOf(text));
                }
                control.setTooltip(tooltip);
            }
            if (node instanceof Parent parent) {
                parent.getChildrenUnmodifiable().forEach(pending::push);
            }
        }
    }
}
