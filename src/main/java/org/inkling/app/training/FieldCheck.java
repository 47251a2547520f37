package org.inkling.app.training;

import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.IntFunction;
import org.inkling.data.AugmentationConfig;
import org.inkling.nn.LearningRateSchedule;
import org.inkling.training.TrainingRecipe;

/**
 * Reads the training form's text fields into numbers and checks them with the recipe's own rules
 * ({@link TrainingRecipe}), so that the form and the recipe never disagree; each method returns a
 * message to show beside the field, or null.
 */
final class FieldCheck {
    private FieldCheck() {}

    static String architectureError(String text) {
        return sentence(TrainingRecipe.architectureError(text == null ? "" : text.trim()));
    }

    static String learningRateError(String text) {
        return checkDouble(text, "A number above 0, e.g. 0.001", TrainingRecipe::learningRateError);
    }

    static String batchSizeError(String text) {
        return checkInt(text, "A whole number, e.g. 128", TrainingRecipe::batchSizeError);
    }

    static String epochsError(String text) {
        return checkInt(text, "A whole number, e.g. 5", TrainingRecipe::epochsError);
    }

    static String validationSplitError(String text) {
        return checkDouble(text, "A fraction, e.g. 0.1", TrainingRecipe::validationSplitError);
    }

    static String seedError(String text) {
        return parseLong(text) == null ? "A whole number, e.g. 1" : null;
    }

    static String syntheticError(String text) {
        return checkInt(text, "A whole number, e.g. 0 or 3000", n -> n >= 0 && n <= TrainingRecipe.MAX_SYNTHETIC_PER_CLASS
                ? null : "From 0 to " + TrainingRecipe.MAX_SYNTHETIC_PER_CLASS + " drawn digits per class");
    }

    static String scheduleError(String text) {
        try {
            LearningRateSchedule.parse(text);
            return null;
        } catch (IllegalArgumentException e) {
            return "constant, cosine or cosine:0.01";
        }
    }

    static String augmentationError(String text) {
        try {
            AugmentationConfig.parse(text == null ? "" : text);
            return null;
        } catch (IllegalArgumentException e) {
            return sentence(e.getMessage());
        }
    }

    private static String checkInt(String text, String notANumber, IntFunction<String> rule) {
        Integer value = parseInt(text);
        return value == null ? notANumber : sentence(rule.apply(value));
    }

    private static String checkDouble(String text, String notANumber, DoubleFunction<String> rule) {
        Double value = parseDouble(text);
        return value == null ? notANumber : sentence(rule.apply(value));
    }

    /** The recipe's messages start in lower case to follow an option name; the form shows them alone. */
    private static String sentence(String message) {
        return message == null || message.isEmpty() ? message
                : message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1);
    }

    /** A number as a person types it: 0.001, not the 0.0010000000474974513 a float32 config records. */
    static String plain(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(7)).stripTrailingZeros().toPlainString();
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

    static Long parseLong(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.trim().replace("_", ""));
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
