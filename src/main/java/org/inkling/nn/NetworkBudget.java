package org.inkling.nn;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a network described by its layer configs will cost, worked out before anything is
 * allocated, so that a model file declaring 200,000 units or an {@code --arch 100000} is refused with
 * a message instead of filling the heap while the network is built. Only sizes are checked here;
 * whether the layers fit together is left to {@link Sequential}, which says it better.
 */
public final class NetworkBudget {
    /**
     * Parameters a network may have: about 240 MB with the gradients and two optimiser slots per
     * weight. The textbook MLPs have 0.4-0.7 million, the shipped CNN 0.23 million.
     */
    public static final long MAX_PARAMETERS = 20_000_000;
    /** Values one layer may produce for one example, or read as one convolution's patches. */
    public static final long MAX_VALUES_PER_EXAMPLE = 16_000_000;

    private NetworkBudget() {}

    /**
     * Checks the sizes of the network {@code configs} describe on {@code input} and returns its number
     * of parameters.
     *
     * @throws IllegalArgumentException naming the layer, its size and the limit
     */
    public static long check(Shape input, List<Map<String, Object>> configs) {
        long h = input.isFlat() ? 1 : input.height();
        long w = input.isFlat() ? 1 : input.width();
        long c = input.isFlat() ? input.size() : input.channels();
        boolean flat = input.isFlat();
        if ((double) h * w * c > MAX_VALUES_PER_EXAMPLE) {
            throw new IllegalArgumentException("the input " + input + " has more than " + String.format(Locale.ROOT, "%,d",
                    MAX_VALUES_PER_EXAMPLE) + " values (the limit)");
        }
        long params = 0;
        for (int i = 0; i < configs.size(); i++) {
            Map<String, Object> cfg = configs.get(i);
            String where = "layer " + (i + 1);
            switch (String.valueOf(cfg.get("type"))) {
                case "dense" -> {
                    long units = positive(cfg, "units", where);
                    params = add(params, h * w * c * units + units, where);
                    h = 1;
                    w = 1;
                    c = units;
                    flat = true;
                }
                case "conv2d" -> {
                    long filters = positive(cfg, "filters", where);
                    long k = positive(cfg, "kernel_size", where);
                    if (flat || k > h || k > w) return params; // does not fit: the build says why
                    params = add(params, k * k * c * filters + filters, where);
                    h = h - k + 1;
                    w = w - k + 1;
                    values(h * w * k * k * c, where + " (its patches)");
                    c = filters;
                }
                case "max_pool2d" -> {
                    long p = positive(cfg, "pool_size", where);
                    if (flat || p > h || p > w) return params;
                    h /= p;
                    w /= p;
                }
                case "flatten" -> {
                    c = h * w * c;
                    h = 1;
                    w = 1;
                    flat = true;
                }
                default -> {
                    return params; // unknown: Layers.fromConfig names it
                }
            }
            values(h * w * c, where);
        }
        return params;
    }

    private static long positive(Map<String, Object> cfg, String key, String where) {
        long v = Layers.intValue(cfg, key);
        if (v < 1) throw new IllegalArgumentException(where + ": \"" + key + "\" must be at least 1, got " + v);
        if (v > MAX_VALUES_PER_EXAMPLE) {
            throw new IllegalArgumentException(where + ": \"" + key + "\" is " + String.format(Locale.ROOT, "%,d", v)
                    + "; the limit is " + String.format(Locale.ROOT, "%,d", MAX_VALUES_PER_EXAMPLE));
        }
        return v;
    }

    private static long add(long params, long more, String where) {
        long total = params + more;
        if (more > MAX_PARAMETERS || total > MAX_PARAMETERS) {
            throw new IllegalArgumentException("the network has more than " + String.format(Locale.ROOT, "%,d", MAX_PARAMETERS)
                    + " parameters by " + where + " (" + String.format(Locale.ROOT, "%,d", total) + "); the limit is "
                    + String.format(Locale.ROOT, "%,d", MAX_PARAMETERS));
        }
        return total;
    }

    private static void values(long n, String where) {
        if (n > MAX_VALUES_PER_EXAMPLE) {
            throw new IllegalArgumentException(where + " has " + String.format(Locale.ROOT, "%,d", n)
                    + " values per example; the limit is " + String.format(Locale.ROOT, "%,d", MAX_VALUES_PER_EXAMPLE));
        }
    }
}
