package org.inkling.inspect;

/** The highest outputs of a network, ties to the lower digit (as {@code Metrics.argmax}). */
final class Ranking {
    private Ranking() {}

    /** Index of the largest value other than {@code skip} (-1 to skip none). */
    static int top(float[] values, int skip) {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (i == skip) continue;
            if (best < 0 || values[i] > values[best]) best = i;
        }
        return best;
    }
}
