package org.inkling.app.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.inkling.training.TrainingRecipe;

/**
 * The options of {@code inkling train} that the form has no field of its own for, typed as on the
 * command line ({@code --non-digits 9000 --calibration-holdout 1000 --font-glyphs 30 --broad-nib 3000
 * --textura 0.5}). They are what makes a network that answers "not a digit"; the shipped model has
 * them, so "Train like this model" must carry them rather than drop them.
 *
 * @param broadNibPerClass null for the recipe's default (a third of the pen digits)
 */
record TrainingExtras(int nonDigits, int calibrationHoldout, int fontCopies, Integer broadNibPerClass, double texturaShare) {
    static final TrainingExtras NONE = new TrainingExtras(0, 0, 0, null, 0);
    /** A form field, not a file: more than this is not typed by a person. */
    private static final int MAX_TEXT = 1_000;

    static TrainingExtras of(TrainingRecipe recipe) {
        return new TrainingExtras(recipe.nonDigits(), recipe.calibrationHoldout(), recipe.fontCopies(),
                recipe.broadNibPerClass(), recipe.texturaShare());
    }

    /** The text the form shows: the command line's own flags, in its order. */
    String toText() {
        List<String> a = new ArrayList<>();
        if (nonDigits != 0) a.add("--non-digits " + nonDigits);
        if (calibrationHoldout != 0) a.add("--calibration-holdout " + calibrationHoldout);
        if (fontCopies != 0) a.add("--font-glyphs " + fontCopies);
        if (broadNibPerClass != null) a.add("--broad-nib " + broadNibPerClass);
        if (texturaShare != 0) a.add("--textura " + FieldCheck.plain(texturaShare));
        return String.join(" ", a);
    }

    /** Reads the field; throws with a message for the person (the field's error) if it cannot. */
    static TrainingExtras parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.length() > MAX_TEXT) {
            throw new IllegalArgumentException("At most " + MAX_TEXT + " characters");
        }
        if (t.isEmpty()) {
            return NONE;
        }
        List<String> tokens = new ArrayList<>();
        for (String token : t.split("\\s+")) {
            int eq = token.indexOf('=');
            if (token.startsWith("--") && eq > 0) {
                tokens.add(token.substring(0, eq));
                tokens.add(token.substring(eq + 1));
            } else {
                tokens.add(token);
            }
        }
        int nonDigits = 0, holdout = 0, fonts = 0;
        Integer broadNib = null;
        double textura = 0;
        for (int i = 0; i < tokens.size(); i += 2) {
            String flag = tokens.get(i).toLowerCase(Locale.ROOT);
            if (i + 1 >= tokens.size()) {
                throw new IllegalArgumentException(known(flag) ? flag + " needs a value" : unknown(flag));
            }
            String value = tokens.get(i + 1);
            switch (flag) {
                case "--non-digits" -> nonDigits = count(flag, value, TrainingRecipe.MAX_NON_DIGITS);
                case "--calibration-holdout" -> holdout = count(flag, value, TrainingRecipe.MAX_CALIBRATION_HOLDOUT);
                case "--font-glyphs" -> fonts = count(flag, value, TrainingRecipe.MAX_FONT_COPIES);
                case "--broad-nib" -> broadNib = count(flag, value, TrainingRecipe.MAX_SYNTHETIC_PER_CLASS);
                case "--textura" -> textura = share(flag, value);
                default -> throw new IllegalArgumentException(unknown(flag));
            }
        }
        return new TrainingExtras(nonDigits, holdout, fonts, broadNib, textura);
    }

    /** The field's message, or null when it reads. */
    static String error(String text) {
        try {
            parse(text);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static boolean known(String flag) {
        return List.of("--non-digits", "--calibration-holdout", "--font-glyphs", "--broad-nib", "--textura").contains(flag);
    }

    private static String unknown(String flag) {
        String shown = flag.length() > 40 ? flag.substring(0, 40) + "…" : flag;
        return "'" + shown + "' is not one of --non-digits, --calibration-holdout, --font-glyphs, --broad-nib, --textura";
    }

    private static int count(String flag, String value, int max) {
        Integer n = FieldCheck.parseInt(value);
        if (n == null || n < 0 || n > max) {
            throw new IllegalArgumentException(flag + " takes a whole number from 0 to " + max);
        }
        return n;
    }

    private static double share(String flag, String value) {
        Double v = FieldCheck.parseDouble(value);
        if (v == null || !(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(flag + " takes a fraction from 0 to 1");
        }
        return v;
    }
}
