package org.inkling.training;

import java.util.ArrayList;
import java.util.List;

/**
 * A curve that keeps at most {@link #capacity} points however long the run: it keeps every
 * {@code stride}-th point offered, and when full drops every other point it holds and doubles the
 * stride. The points kept are evenly spread over the run, and the last point offered is always
 * kept, so the curve ends where the run is.
 */
final class DecimatedCurve {
    private final int capacity;
    private final List<CurvePoint> kept = new ArrayList<>();
    private long offered;
    private long stride = 1;
    private CurvePoint last;

    DecimatedCurve(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and at least 2: " + capacity);
        }
        this.capacity = capacity;
    }

    void add(CurvePoint p) {
        last = p;
        if (offered++ % stride != 0) {
            return;
        }
        kept.add(p);
        if (kept.size() == capacity) {
            // Keep the points at even positions: those are the multiples of the doubled stride.
            int w = 0;
            for (int r = 0; r < kept.size(); r += 2) {
                kept.set(w++, kept.get(r));
            }
            kept.subList(w, kept.size()).clear();
            stride *= 2;
        }
    }

    /** The kept points in order, ending with the last point offered. */
    List<CurvePoint> points() {
        if (last == null) {
            return List.of();
        }
        List<CurvePoint> out = new ArrayList<>(kept.size() + 1);
        out.addAll(kept);
        if (kept.getLast() != last) {
            out.add(last);
        }
        return out;
    }
}
