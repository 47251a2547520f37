package org.inkling.nn;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the learning rate changes over a run, as a multiple of the optimiser's initial rate; the
 * trainer evaluates it before every batch's optimiser step.
 *
 * <p>{@link #cosine(double)} is Keras' {@code CosineDecay(initial_learning_rate, decay_steps, alpha)}
 * with {@code decay_steps} = the run's total number of batches (epochs × batches per epoch):
 * <pre>{@code
 * lr(step) = initial * ((1 - alpha) * 0.5 * (1 + cos(pi * min(step, decay_steps) / decay_steps)) + alpha)
 * }</pre>
 * where {@code step} counts optimiser steps from 0. The text form ({@link #toString()},
 * {@link #parse}) is {@code constant}, {@code cosine} (alpha 0) or {@code cosine:ALPHA}.
 */
public sealed interface LearningRateSchedule {

    /** The multiple of the initial rate to use at {@code step} (from 0) of a run of {@code totalSteps}. */
    double factor(long step, long totalSteps);

    /** The rate at {@code step}: {@code initial * factor(step, totalSteps)}. */
    default double rate(double initial, long step, long totalSteps) {
        return initial * factor(step, totalSteps);
    }

    /** Name and parameters, as recorded in a model file's recipe. */
    Map<String, Object> toMap();

    /** The fixed initial rate: every step uses factor 1, so training is exactly as without a schedule. */
    static LearningRateSchedule constant() {
        return Constant.INSTANCE;
    }

    /** Keras' cosine decay to {@code alpha} × the initial rate at the end of the run; alpha in [0, 1]. */
    static LearningRateSchedule cosine(double alpha) {
        return new Cosine(alpha);
    }

    /**
     * Reads {@code constant}, {@code cosine} or {@code cosine:ALPHA} (case and surrounding blanks
     * ignored).
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    static LearningRateSchedule parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("constant")) return constant();
        if (t.equals("cosine")) return cosine(0);
        if (t.startsWith("cosine:")) {
            String a = t.substring("cosine:".length()).trim();
            double alpha;
            try {
                alpha = Double.parseDouble(a);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("learning-rate schedule '" + text + "': alpha '" + a + "' is not a number");
            }
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new IllegalArgumentException("learning-rate schedule '" + text + "': alpha must be in [0, 1], got " + a);
            }
            return cosine(alpha);
        }
        throw new IllegalArgumentException("unknown learning-rate schedule '" + text
                + "' (expected constant, cosine or cosine:ALPHA, e.g. cosine:0.01)");
    }

    /** Rebuilds a schedule from {@link #toMap()}; a null map is the constant schedule. */
    static LearningRateSchedule fromMap(Map<String, Object> m) {
        if (m == null) return constant();
        String name = String.valueOf(m.get("name"));
        return switch (name) {
            case "constant" -> constant();
            case "cosine" -> cosine(m.get("alpha") instanceof Number n ? n.doubleValue() : 0);
            default -> throw new IllegalArgumentException("unknown learning-rate schedule '" + name + "' (expected constant or cosine)");
        };
    }

    /** See {@link LearningRateSchedule#constant()}. */
    enum Constant implements LearningRateSchedule {
        INSTANCE;

        @Override
        public double factor(long step, long totalSteps) {
            return 1.0;
        }

        @Override
        public Map<String, Object> toMap() {
            return Map.of("name", "constant");
        }

        @Override
        public String toString() {
            return "constant";
        }
    }

    /** See {@link LearningRateSchedule#cosine(double)}. */
    record Cosine(double alpha) implements LearningRateSchedule {
        public Cosine {
            if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("cosine alpha must be in [0, 1], got " + alpha);
        }

        @Override
        public double factor(long step, long totalSteps) {
            if (totalSteps < 1) throw new IllegalArgumentException("decay steps must be at least 1, got " + totalSteps);
            double progress = (double) Math.min(Math.max(step, 0), totalSteps) / totalSteps;
            return (1 - alpha) * 0.5 * (1 + Math.cos(Math.PI * progress)) + alpha;
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", "cosine");
            m.put("alpha", alpha);
            return m;
        }

        @Override
        public String toString() {
            return alpha == 0 ? "cosine" : "cosine:" + alpha;
        }
    }
}
