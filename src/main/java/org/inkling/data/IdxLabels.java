package org.inkling.data;

/**
 * The contents of an IDX label file: one class number per example, each already checked to lie in
 * {@code 0..classes-1}.
 *
 * @param source the file the labels came from, for messages
 */
public record IdxLabels(String source, byte[] labels) {
    /** Number of labels. */
    public int count() {
        return labels.length;
    }

    /** Label {@code i} as an int. */
    public int label(int i) {
        return labels[i] & 0xFF;
    }
}
