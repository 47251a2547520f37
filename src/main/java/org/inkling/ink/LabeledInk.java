package org.inkling.ink;

import java.util.Objects;

/**
 * A drawing with what it shows: a digit 0-9, {@link #NOT_A_DIGIT} (a letter, a scribble: what a
 * person taught the network to refuse), or {@code null} when nobody said.
 */
public record LabeledInk(Integer label, Ink ink) {
    /** The label of a drawing that is not a digit: the eleventh class of a network that can refuse. */
    public static final int NOT_A_DIGIT = 10;
    /** How stroke files and JSON output write {@link #NOT_A_DIGIT}, as {@code predict --json} names the verdict. */
    public static final String NOT_A_DIGIT_JSON = "not_a_digit";

    public LabeledInk {
        Objects.requireNonNull(ink, "ink");
        if (label != null && (label < 0 || label > NOT_A_DIGIT)) {
            throw new IllegalArgumentException("label must be a digit 0-9 or " + NOT_A_DIGIT + " (not a digit), got " + label);
        }
    }

    public boolean hasLabel() {
        return label != null;
    }

    /** Whether the drawing is labelled with a digit (not unlabelled, not "not a digit"). */
    public boolean isDigit() {
        return label != null && label < NOT_A_DIGIT;
    }

    /** A label as people read it: {@code "7"}, or {@code "not a digit"}. */
    public static String describe(int label) {
        return label == NOT_A_DIGIT ? "not a digit" : Integer.toString(label);
    }

    /** A label as JSON writes it: the number 7, or the string {@value #NOT_A_DIGIT_JSON}. */
    public static Object toJson(int label) {
        return label == NOT_A_DIGIT ? NOT_A_DIGIT_JSON : (Object) label;
    }
}
