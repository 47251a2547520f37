package org.inkling.ink;

import java.util.ArrayList;
import java.util.List;

/** A drawing: its strokes in the order they were drawn. Empty ink is allowed (a cleared pad). */
public record Ink(List<Stroke> strokes) {
    public static final Ink EMPTY = new Ink(List.of());

    public Ink {
        strokes = List.copyOf(strokes);
    }

    public static Ink of(Stroke... strokes) {
        return new Ink(List.of(strokes));
    }

    public boolean isEmpty() {
        return strokes.isEmpty();
    }

    public int pointCount() {
        int n = 0;
        for (Stroke s : strokes) {
            n += s.size();
        }
        return n;
    }

    /** This ink with one more stroke, for pads that build a drawing stroke by stroke. */
    public Ink with(Stroke stroke) {
        List<Stroke> all = new ArrayList<>(strokes);
        all.add(stroke);
        return new Ink(all);
    }

    /** The same drawing scaled by {@code s} about the origin and then moved by (dx, dy). */
    public Ink transformed(double s, double dx, double dy) {
        List<Stroke> out = new ArrayList<>(strokes.size());
        for (Stroke st : strokes) {
            List<Point> pts = new ArrayList<>(st.size());
            for (Point p : st.points()) {
                pts.add(new Point(p.x() * s + dx, p.y() * s + dy));
            }
            out.add(new Stroke(pts));
        }
        return new Ink(out);
    }
}
