package org.inkling.nn;

import java.util.List;
import java.util.Locale;

/**
 * What a reading amounts to: a digit, "not sure" between a few digits, or "not a digit".
 *
 * @param kind the answer
 * @param digit the digit for {@link Kind#DIGIT}, the likeliest digit for {@link Kind#UNSURE}, -1 otherwise
 * @param candidates the digits it hesitates between, likeliest first (one entry for a digit, none for
 *        "not a digit" on a blank pad)
 * @param digitProbabilities calibrated probability of each digit 0..9; they sum to one minus
 *        {@code notDigitProbability}, so bars shrink when the drawing is not a digit
 * @param notDigitProbability calibrated probability that the drawing is no digit (0 for models without
 *        a reject class, 1 for a blank pad)
 */
public record Verdict(Kind kind, int digit, List<Integer> candidates, float[] digitProbabilities, double notDigitProbability) {
    public enum Kind {
        DIGIT, UNSURE, NOT_A_DIGIT;

        /** The name in JSON output: {@code digit}, {@code unsure}, {@code not_a_digit}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Verdict {
        candidates = List.copyOf(candidates);
        digitProbabilities = digitProbabilities.clone();
    }

    /** Only a confident digit is accepted; "not sure" and "not a digit" are refusals. */
    public boolean accepted() {
        return kind == Kind.DIGIT;
    }

    /** The calibrated probability of the likeliest digit. */
    public double topDigitProbability() {
        return digitProbabilities[Metrics.argmax(digitProbabilities)];
    }

    /** The same reading refused as "not a digit" (a mark no digit is, whatever the network said). */
    public Verdict asNotADigit() {
        return kind == Kind.NOT_A_DIGIT ? this
                : new Verdict(Kind.NOT_A_DIGIT, -1, candidates, digitProbabilities, notDigitProbability);
    }

    /** For people: "7", "not sure: 4 or 9", "not a digit". */
    public String describe() {
        return switch (kind) {
            case DIGIT -> Integer.toString(digit);
            case NOT_A_DIGIT -> "not a digit";
            case UNSURE -> candidates.isEmpty() ? "not sure"
                    : "not sure: " + String.join(" or ", candidates.stream().map(String::valueOf).toList());
        };
    }
}
