package org.inkling.nn;

import java.util.Locale;
import java.util.Map;

/** Creates optimisers by their Keras names, for the command line, the app and model files. */
public final class Optimizers {
    private Optimizers() {}

    /** An optimiser with Keras' defaults; {@code lr} null keeps the default learning rate. */
    public static Optimizer create(String name, Double lr) {
        return create(name, lr, 0.0);
    }

    /** As {@link #create(String, Double)}, with decoupled weight decay (0 for none). */
    public static Optimizer create(String name, Double lr, double weightDecay) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "sgd" -> new Sgd(lr == null ? Sgd.DEFAULT_LEARNING_RATE : lr, 0, false, weightDecay);
            case "rmsprop" -> new RmsProp(lr == null ? RmsProp.DEFAULT_LEARNING_RATE : lr, 0.9, 1e-7, weightDecay);
            case "adam" -> new Adam(lr == null ? Adam.DEFAULT_LEARNING_RATE : lr, 0.9, 0.999, 1e-7, weightDecay);
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "' (expected sgd, rmsprop or adam)");
        };
    }

    /**
     * Rebuilds an optimiser from {@link Optimizer#config()} (missing keys take Keras defaults), so a
     * model file's recipe can be repeated.
     */
    public static Optimizer fromConfig(Map<String, Object> c) {
        String name = String.valueOf(c.get("name"));
        double wd = num(c, "weight_decay", 0);
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sgd" -> new Sgd(num(c, "learning_rate", Sgd.DEFAULT_LEARNING_RATE), num(c, "momentum", 0),
                    Boolean.TRUE.equals(c.get("nesterov")), wd);
            case "rmsprop" -> new RmsProp(num(c, "learning_rate", RmsProp.DEFAULT_LEARNING_RATE), num(c, "rho", 0.9),
                    num(c, "epsilon", 1e-7), wd);
            case "adam" -> new Adam(num(c, "learning_rate", Adam.DEFAULT_LEARNING_RATE), num(c, "beta_1", 0.9),
                    num(c, "beta_2", 0.999), num(c, "epsilon", 1e-7), wd);
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "' (expected sgd, rmsprop or adam)");
        };
    }

    private static double num(Map<String, Object> c, String key, double dflt) {
        Object v = c.get(key);
        return v instanceof Number n ? n.doubleValue() : dflt;
    }
}
