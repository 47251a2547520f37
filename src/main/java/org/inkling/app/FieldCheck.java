package org.inkling.app;

import org.inkling.nn.Activation;
import org.inkling.nn.Architectures;
import org.inkling.nn.Dense;
import org.inkling.nn.Layer;

/** Parses the training form's text fields; each method returns an error message or null. */
final class FieldCheck {
    static final int MAX_UNITS = 16_384;

    private FieldCheck() {}

    /** The engine's own architecture check (MLP sizes like "512,512", or conv layers like "cnn"). */
    static String architectureError(String text) {
        try {
            long units = 0;
            for (Layer layer : Architectures.parse(text, Activation.RELU, Classifier.CLASSES)) {
                units += layer instanceof Dense d ? d.units() : 0;
            }
            return units > MAX_UNITS ? "At most " + MAX_UNITS + " dense units in all, to fit in memory" : null;
        } catch (IllegalArgumentException e) {
            return "Layer sizes separated by commas, e.g. 512,512 or cnn (" + e.getMessage() + ")";
        }
    }

    static String learningRateError(String text) {
        Double value = parseDouble(text);
        return value != null && value > 0 && value <= 10 ? null : "A number above 0 and at most 10, e.g. 0.001";
    }

    static String batchSizeError(String text) {
        Integer value = parseInt(text);
        return value != null && value >= 1 && value <= 60_000 ? null : "A whole number from 1 to 60000, e.g. 128";
    }

    static String epochsError(String text) {
        Integer value = parseInt(text);
        return value != null && value >= 1 && value <= 1000 ? null : "A whole number from 1 to 1000";
    }

    static String validationSplitError(String text) {
        Double value = parseDouble(text);
        return value != null && value >= 0 && value <= 0.5 ? null : "A fraction from 0 to 0.5, e.g. 0.1";
    }

    static Integer parseInt(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.parseInt(text.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Double parseDouble(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.trim());
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
