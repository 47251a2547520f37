package org.inkling.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.inkling.nn.Verdict;

/**
 * Counts verdicts over many inputs: how many were accepted, refused as "not sure" or "not a digit",
 * and, for labelled inputs, accuracy over all (the likeliest digit, as if nothing could be refused:
 * over the drawings labelled with a digit) and over the accepted ones (where a drawing labelled "not
 * a digit" that was accepted counts as wrong), and how many of those labelled "not a digit" were
 * refused (either way: "not sure" is an honest answer to a drawing that is no digit).
 */
final class VerdictTally {
    private int count, accepted, unsure, notDigit, labelled, right, acceptedLabelled, acceptedRight, nonDigits, nonDigitsRefused;

    void add(Verdict v, Integer label, int topDigit) {
        count++;
        switch (v.kind()) {
            case DIGIT -> accepted++;
            case UNSURE -> unsure++;
            case NOT_A_DIGIT -> notDigit++;
        }
        if (label != null && label == org.inkling.ink.LabeledInk.NOT_A_DIGIT) {
            nonDigits++;
            if (v.accepted()) acceptedLabelled++;
            else nonDigitsRefused++;
        } else if (label != null) {
            labelled++;
            if (topDigit == label) right++;
            if (v.accepted()) {
                acceptedLabelled++;
                if (v.digit() == label) acceptedRight++;
            }
        }
    }

    int count() {
        return count;
    }

    double acceptedShare() {
        return count == 0 ? Double.NaN : accepted / (double) count;
    }

    double accuracy() {
        return labelled == 0 ? Double.NaN : right / (double) labelled;
    }

    double nonDigitsRefusedShare() {
        return nonDigits == 0 ? Double.NaN : nonDigitsRefused / (double) nonDigits;
    }

    double acceptedAccuracy() {
        return acceptedLabelled == 0 ? Double.NaN : acceptedRight / (double) acceptedLabelled;
    }

    /** The summary fields: {@code accepted_share}, {@code accuracy_accepted} (labelled only), verdict counts, and
     * {@code non_digits} and {@code non_digits_refused} when some drawings are labelled "not a digit". */
    Map<String, Object> toSummary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("accepted_share", acceptedShare());
        if (labelled > 0 || nonDigits > 0) s.put("accuracy_accepted", acceptedAccuracy());
        if (nonDigits > 0) {
            s.put("non_digits", nonDigits);
            s.put("non_digits_refused", nonDigitsRefusedShare());
        }
        Map<String, Object> kinds = new LinkedHashMap<>();
        kinds.put(Verdict.Kind.DIGIT.jsonName(), accepted);
        kinds.put(Verdict.Kind.UNSURE.jsonName(), unsure);
        kinds.put(Verdict.Kind.NOT_A_DIGIT.jsonName(), notDigit);
        s.put("verdicts", kinds);
        return s;
    }

    /** One line for people. */
    String describe() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "Verdicts: %d digit, %d not sure, %d not a digit - accepted %.2f%%", accepted, unsure, notDigit, 100 * acceptedShare()));
        if (acceptedLabelled > 0) {
            sb.append(String.format(Locale.ROOT, ", accuracy over the accepted %.4f", acceptedAccuracy()));
        }
        if (nonDigits > 0) {
            sb.append(String.format(Locale.ROOT, "%nOf the %d labelled not a digit: %.2f%% refused (not sure or not a digit)",
                    nonDigits, 100 * nonDigitsRefusedShare()));
        }
        return sb.append('\n').toString();
    }
}
