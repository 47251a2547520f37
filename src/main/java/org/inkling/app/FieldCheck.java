package org.inkling.app;

import java.util.ArrayList;
import java.util.List;

/** Parses the training form's text fields; each method returns an error message or null. */
final class FieldCheck {
    static final int MAX_LAYERS = 8;
    static final int MAX_UNITS = 8192;

    private FieldCheck() {}

    /** Hidden layer sizes such as "512" or "256, 128"; null if the text is not valid. */
    static List<Integer> hiddenLayers(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<Integer> sizes = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Integer size = parseInt(part.trim());
            if (size == null || size < 1 || size > MAX_UNITS) {
                return null;
            }
            sizes.add(size);
        }
        return sizes.size() > MAX_LAYERS ? null : sizes;
    }

    static String architectureError(String text) {
        return hiddenLayers(text) != null ? null
                : "Hidden layer sizes, 1 to " + MAX_UNITS + ", separated by commas (e.g. 512,512; at most "
                        + MAX_LAYERS + " layers)";
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
