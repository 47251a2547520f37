package org.inkling.app.inspection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A drawing the person pinned, and the ten probabilities each network since then gave it (one
 * entry per training snapshot or model change), so the view can show a 9 becoming a 9.
 */
public final class PinnedDrawing {
    /** Entries kept per pin; the oldest go first (ten a second over 20 minutes of training). */
    static final int MAX_HISTORY = 12_000;

    private final int id;
    private final float[] input;
    private final List<float[]> history = new ArrayList<>();

    PinnedDrawing(int id, float[] input) {
        this.id = id;
        this.input = input.clone();
    }

    void add(float[] probabilities) {
        if (history.size() == MAX_HISTORY) history.removeFirst();
        history.add(probabilities.clone());
    }

    public int id() {
        return id;
    }

    public float[] input() {
        return input.clone();
    }

    public List<float[]> history() {
        return Collections.unmodifiableList(history);
    }

    /** The latest probabilities, or null before any. */
    public float[] latest() {
        return history.isEmpty() ? null : history.getLast();
    }
}
