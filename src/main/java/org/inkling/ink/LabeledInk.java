package org.inkling.ink;

import java.util.Objects;

/** A drawing with the digit it shows, or {@code null} when the label is unknown. */
public record LabeledInk(Integer label, Ink ink) {
    public LabeledInk {
        Objects.requireNonNull(ink, "ink");
        if (label != null && (label < 0 || label > 9)) {
            throw new IllegalArgumentException("label must be a digit 0-9, got " + label);
        }
    }

    public boolean hasLabel() {
        return label != null;
    }
}
