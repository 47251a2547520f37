package org.inkling.ink;

import java.util.List;

/** The samples of one pen-down … pen-up movement, in drawing order. May hold a single point (a dot). */
public record Stroke(List<Point> points) {
    public Stroke {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a stroke needs at least one point");
        }
    }

    public static Stroke of(Point... points) {
        return new Stroke(List.of(points));
    }

    public int size() {
        return points.size();
    }
}
