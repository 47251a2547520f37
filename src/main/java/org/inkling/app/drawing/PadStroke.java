package org.inkling.app.drawing;

import java.util.List;

/** One pen-down to pen-up movement on the pad. */
public record PadStroke(List<PadPoint> points) {
    public PadStroke {
        points = List.copyOf(points);
    }
}
