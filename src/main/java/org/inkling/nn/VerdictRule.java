package org.inkling.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule that turns a network's class probabilities into a {@link Verdict}; the app, the command
 * line and fine-tuning all use it, and a model file records it (under {@code "verdict"}) with the
 * temperature fitted for that model.
 *
 * <p>In order:
 * <ol>
 * <li>calibrate (the answers are the classes before the reject class, the ten digits for Inkling's models): {@code q_i ∝ p_i^(1/T)}, which is temperature scaling of the logits ({@code softmax(z/T)})
 *     done on the probabilities, since {@code log p} is {@code z} up to a constant;</li>
 * <li>"not a digit" when the reject class (if the model has one) holds at least {@code rejectAt};</li>
 * <li>the likeliest digit when its calibrated probability is at least {@code acceptAt};</li>
 * <li>otherwise "not sure", between the digits holding at least {@value #CANDIDATE_SHARE} of the
 *     likeliest digit's probability (at most three).</li>
 * </ol>
 * A blank pad is "not a digit" before any network sees it, and so is a {@linkplain #isMark mark}: a
 * dot or a dash, which the normaliser blows up to the size of a digit, where a network trained on
 * digits takes them for a 1, a 7 or a 0. Models without a reject class (every model
 * file written before this rule) get the {@linkplain #plain plain rule}: temperature 1, no rejection
 * class, so they can say "not sure" but never "not a digit" except for a blank pad.
 */
public record VerdictRule(double temperature, double acceptAt, double rejectAt, int rejectClass) {
    /** Class name of the eleventh output of models that learnt what is not a digit. */
    public static final String NOT_A_DIGIT = "not a digit";
    /** The key in {@code model.json}. */
    public static final String KEY = "verdict";
    /** Confidence a model without a recorded rule must reach for its answer to be taken. */
    public static final double PLAIN_ACCEPT_AT = 0.9;
    /** Default share of the reject class that makes a drawing "not a digit". */
    public static final double DEFAULT_REJECT_AT = 0.5;
    static final double CANDIDATE_SHARE = 0.15;
    private static final int DIGITS = org.inkling.base.DigitGeometry.DIGITS;
    /** Less ink than this (in pixels at full intensity) is a blank pad. */
    private static final double BLANK_INK = 0.5;
    /** A pixel at least this dark belongs to the mark's outline for {@link #isMark}. */
    static final float MARK_LEVEL = 0.25f;
    /**
     * A mark no taller than this share of its width is a dash: within about 15° of horizontal. The
     * normaliser stretches a drawing's longer side to 20 px, so a digit is never this flat (the test
     * checks MNIST test and the pen-digit sets).
     */
    static final double FLAT = 0.4;
    /** A mark at most this many pixels across both ways is a dot: the normaliser keeps a click small. */
    static final int DOT = 6;

    public VerdictRule {
        if (!(temperature >= 0.05 && temperature <= 20)) {
            throw new IllegalArgumentException("temperature must be between 0.05 and 20, got " + temperature);
        }
        if (!(acceptAt > 0 && acceptAt <= 1)) throw new IllegalArgumentException("accept_at must be in (0, 1], got " + acceptAt);
        if (!(rejectAt > 0 && rejectAt <= 1)) throw new IllegalArgumentException("reject_at must be in (0, 1], got " + rejectAt);
        if (rejectClass != -1 && rejectClass != DIGITS) {
            throw new IllegalArgumentException("reject_class must be " + DIGITS + " (after the ten digits) or absent, got " + rejectClass);
        }
    }

    /** The rule for a model that records none: its own class names say whether it has a reject class. */
    public static VerdictRule plain(List<String> classNames) {
        int reject = classNames.size() == DIGITS + 1 && NOT_A_DIGIT.equals(classNames.get(DIGITS)) ? DIGITS : -1;
        return new VerdictRule(1.0, PLAIN_ACCEPT_AT, DEFAULT_REJECT_AT, reject);
    }

    public VerdictRule withTemperature(double t) {
        return new VerdictRule(t, acceptAt, rejectAt, rejectClass);
    }

    public VerdictRule withThresholds(double accept, double reject) {
        return new VerdictRule(temperature, accept, reject, rejectClass);
    }

    /** How many outputs a network must have for this rule, or -1 when any number will do (no reject class). */
    public int outputs() {
        return rejectClass < 0 ? -1 : rejectClass + 1;
    }

    /** True when the drawing holds (almost) no ink: nothing to read. */
    public static boolean isBlank(float[] image) {
        double ink = 0;
        for (float v : image) ink += v;
        return ink < BLANK_INK;
    }

    /** The verdict for a blank pad. */
    public static Verdict blank() {
        return new Verdict(Verdict.Kind.NOT_A_DIGIT, -1, List.of(), new float[DIGITS], 1.0);
    }

    /**
     * Judges the network's answer for an image it was given: a blank image or a {@linkplain #isMark
     * mark} is "not a digit" whatever the network says (its probabilities stay for the bars).
     */
    public Verdict judge(float[] image, float[] probabilities) {
        if (isBlank(image)) return blank();
        Verdict v = judge(probabilities);
        return isMark(image) ? v.asNotADigit() : v;
    }

    /**
     * True for a 28x28 image of a dot (all its ink within {@value #DOT} px both ways) or a dash (its
     * ink no taller than {@value #FLAT} of its width). Other sizes of image are never marks.
     */
    public static boolean isMark(float[] image) {
        int side = org.inkling.base.DigitGeometry.SIDE;
        if (image.length != side * side) return false;
        int top = side, bottom = -1, left = side, right = -1;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if (image[y * side + x] >= MARK_LEVEL) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        if (bottom < 0) return false;
        int height = bottom - top + 1, width = right - left + 1;
        return (height <= DOT && width <= DOT) || height <= FLAT * width;
    }

    /** Judges the network's class probabilities (10, or 11 with the reject class last). */
    public Verdict judge(float[] probabilities) {
        float[] q = calibrate(probabilities);
        float[] digits = java.util.Arrays.copyOf(q, rejectClass < 0 ? q.length : rejectClass);
        double notDigit = rejectClass < 0 ? 0 : q[rejectClass];
        int top = Metrics.argmax(digits);
        if (notDigit >= rejectAt) {
            return new Verdict(Verdict.Kind.NOT_A_DIGIT, -1, candidates(digits, top), digits, notDigit);
        }
        if (digits[top] >= acceptAt) {
            return new Verdict(Verdict.Kind.DIGIT, top, List.of(top), digits, notDigit);
        }
        return new Verdict(Verdict.Kind.UNSURE, top, candidates(digits, top), digits, notDigit);
    }

    private static List<Integer> candidates(float[] digits, int top) {
        List<Integer> order = new ArrayList<>();
        for (int d = 0; d < digits.length; d++) order.add(d);
        order.sort((a, b) -> Float.compare(digits[b], digits[a]));
        List<Integer> out = new ArrayList<>(3);
        for (int d : order) {
            if (out.size() == 3 || digits[d] < CANDIDATE_SHARE * digits[top] || digits[d] <= 0) break;
            out.add(d);
        }
        return out;
    }

    /** Temperature-scaled probabilities: {@code q_i ∝ p_i^(1/T)} (the identity for T = 1). */
    public float[] calibrate(float[] p) {
        if (rejectClass >= 0 ? p.length != outputs() : p.length == 0) {
            throw new IllegalArgumentException("the rule reads " + outputs() + " class probabilities, got " + p.length);
        }
        return scale(p, temperature);
    }

    /** {@code softmax(log p / t)}, computed stably; zeros stay zero. */
    static float[] scale(float[] p, double t) {
        float[] q = new float[p.length];
        if (t == 1.0) {
            System.arraycopy(p, 0, q, 0, p.length);
            return q;
        }
        double maxLog = Double.NEGATIVE_INFINITY;
        for (float v : p) if (v > 0) maxLog = Math.max(maxLog, Math.log(v));
        double sum = 0;
        double[] e = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            e[i] = p[i] > 0 ? Math.exp((Math.log(p[i]) - maxLog) / t) : 0;
            sum += e[i];
        }
        for (int i = 0; i < p.length; i++) q[i] = (float) (e[i] / sum);
        return q;
    }

    /** The form recorded in {@code model.json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("temperature", temperature);
        m.put("accept_at", acceptAt);
        m.put("reject_at", rejectAt);
        if (rejectClass >= 0) m.put("reject_class", rejectClass);
        return m;
    }

    /**
     * Reads a recorded rule.
     *
     * @throws IllegalArgumentException naming the field that is missing or out of range
     */
    public static VerdictRule fromMap(Map<String, Object> m) {
        return new VerdictRule(number(m, "temperature"), number(m, "accept_at"), number(m, "reject_at"),
                m.containsKey("reject_class") ? (int) number(m, "reject_class") : -1);
    }

    private static double number(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Number n)) {
            throw new IllegalArgumentException("verdict." + key + " must be a number, got " + m.get(key));
        }
        return n.doubleValue();
    }
}
