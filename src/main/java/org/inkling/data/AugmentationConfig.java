package org.inkling.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link Augmentation} does to each training image, recorded in a model file's recipe and
 * written on the command line as {@code --augment rotate=12,scale=0.15,shear=0.3,shift=2,elastic=34:4,thickness=0.3}.
 *
 * <p>Three independent parts, each drawn afresh per image:
 * <ul>
 *   <li><b>affine</b>, applied with probability {@code affineProbability}: a rotation uniform in
 *       ±{@code rotationDegrees} (positive is counter-clockwise as seen on screen), a scale factor
 *       uniform in {@code 1 ± scale}, a horizontal shear uniform in ±{@code shear} ({@code x += shear * y}),
 *       and a shift uniform in ±{@code shiftPixels} along each axis, all about the image centre;
 *   <li><b>elastic</b> distortion (Simard et al., 2003), with probability {@code elasticProbability}:
 *       a random displacement field, uniform in ±1 per pixel, smoothed by a Gaussian of
 *       {@code elasticSigma} pixels and scaled by {@code elasticAlpha} pixels;
 *   <li><b>thickness</b>, with probability {@code thicknessProbability}: the strokes are made thicker
 *       (grey dilation) or thinner (grey erosion), equally likely, by a 3x3 cross, blended in with
 *       a random strength in 0.5..1; thinning never removes more than half of an image's ink.
 * </ul>
 * A part whose magnitudes are zero does nothing, whatever its probability; such values are
 * normalised (probability 1, sigma {@value #DEFAULT_SIGMA}) so that equal behaviour means equal records.
 */
public record AugmentationConfig(
        double rotationDegrees,
        double scale,
        double shear,
        double shiftPixels,
        double affineProbability,
        double elasticAlpha,
        double elasticSigma,
        double elasticProbability,
        double thicknessProbability) {

    /** Elastic smoothing used when none is given. */
    public static final double DEFAULT_SIGMA = 4.0;

    /** No augmentation. */
    public static final AugmentationConfig NONE = new AugmentationConfig(0, 0, 0, 0, 1, 0, DEFAULT_SIGMA, 1, 0);

    /**
     * A moderate mix meant for reading drawn digits: small tilts, size and slant changes, a
     * two-pixel shift, Simard's elastic setting on half of the images, and thickness changes on 30%.
     * One image in five keeps its affine shape, so clean MNIST is still seen.
     */
    public static final AugmentationConfig DEFAULT = new AugmentationConfig(12, 0.12, 0.25, 2, 0.8, 34, 4, 0.5, 0.3);

    private static final List<String> MAP_KEYS = List.of("rotation_degrees", "scale", "shear", "shift_pixels",
            "affine_probability", "elastic_alpha", "elastic_sigma", "elastic_probability", "thickness_probability");

    public AugmentationConfig {
        check("rotation degrees", rotationDegrees, 0, 180);
        check("scale", scale, 0, 0.9);
        check("shear", shear, 0, 2);
        check("shift pixels", shiftPixels, 0, 14);
        check("affine probability", affineProbability, 0, 1);
        check("elastic alpha", elasticAlpha, 0, 1000);
        check("elastic sigma", elasticSigma, 0, 20);
        if (elasticSigma <= 0) {
            throw new IllegalArgumentException("elastic sigma must be greater than 0, got " + elasticSigma);
        }
        check("elastic probability", elasticProbability, 0, 1);
        check("thickness probability", thicknessProbability, 0, 1);
        if (rotationDegrees == 0 && scale == 0 && shear == 0 && shiftPixels == 0) {
            affineProbability = 1;
        }
        if (elasticAlpha == 0) {
            elasticSigma = DEFAULT_SIGMA;
            elasticProbability = 1;
        }
    }

    private static void check(String name, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(name + " must be in " + fmt(min) + ".." + fmt(max) + ", got " + v);
        }
    }

    /** True when the affine part can change an image. */
    public boolean hasAffine() {
        return affineProbability > 0 && (rotationDegrees != 0 || scale != 0 || shear != 0 || shiftPixels != 0);
    }

    /** True when the elastic part can change an image. */
    public boolean hasElastic() {
        return elasticProbability > 0 && elasticAlpha != 0;
    }

    /** True when the thickness part can change an image. */
    public boolean hasThickness() {
        return thicknessProbability > 0;
    }

    /** True when nothing is ever changed. */
    public boolean isIdentity() {
        return !hasAffine() && !hasElastic() && !hasThickness();
    }

    /** The values under stable snake_case keys, for the recipe in a model file. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        double[] v = values();
        for (int i = 0; i < v.length; i++) {
            m.put(MAP_KEYS.get(i), v[i]);
        }
        return m;
    }

    /**
     * Reads what {@link #toMap()} wrote. Missing keys take the value of {@link #NONE}; unknown keys
     * and non-numbers are errors, so a misspelt recipe is not silently ignored.
     */
    public static AugmentationConfig fromMap(Map<String, ?> map) {
        double[] v = NONE.values();
        for (Map.Entry<String, ?> e : map.entrySet()) {
            int i = MAP_KEYS.indexOf(e.getKey());
            if (i < 0) {
                throw new IllegalArgumentException("unknown augmentation key '" + e.getKey() + "'; known keys: "
                        + String.join(", ", MAP_KEYS));
            }
            if (!(e.getValue() instanceof Number n)) {
                throw new IllegalArgumentException("augmentation key '" + e.getKey() + "' must be a number, got "
                        + e.getValue());
            }
            v[i] = n.doubleValue();
        }
        return of(v);
    }

    /**
     * Parses the command-line form: {@code none}, {@code default}, or comma-separated
     * {@code key=value} items, optionally starting with {@code default} to adjust it
     * ({@code default,elastic=0}). Keys: {@code rotate} (degrees), {@code scale}, {@code shear},
     * {@code shift} (pixels), {@code affine_p}, {@code elastic=ALPHA:SIGMA[:P]} (or just
     * {@code ALPHA}), {@code elastic_p}, {@code thickness} (probability).
     */
    public static AugmentationConfig parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.equals("none") || s.equals("off")) {
            return NONE;
        }
        String[] items = s.split(",", -1); // -1: "," is two empty items (an error), not none
        double[] v;
        int start = 0;
        if (items[0].strip().equals("default")) {
            v = DEFAULT.values();
            start = 1;
        } else {
            v = NONE.values();
        }
        for (int k = start; k < items.length; k++) {
            String item = items[k].strip();
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("augmentation item '" + item + "' is not key=value (in '" + text
                        + "'); try e.g. rotate=12,scale=0.15,shear=0.3,shift=2,elastic=34:4,thickness=0.3");
            }
            String key = item.substring(0, eq).strip();
            String value = item.substring(eq + 1).strip();
            switch (key) {
                case "rotate", "rotation" -> v[0] = number(key, value);
                case "scale" -> v[1] = number(key, value);
                case "shear" -> v[2] = number(key, value);
                case "shift", "translate" -> v[3] = number(key, value);
                case "affine_p" -> v[4] = number(key, value);
                case "elastic" -> {
                    String[] parts = value.split(":");
                    if (parts.length > 3) {
                        throw new IllegalArgumentException("elastic takes ALPHA:SIGMA[:PROBABILITY], got '" + value + "'");
                    }
                    v[5] = number(key, parts[0]);
                    if (parts.length > 1) {
                        v[6] = number("elastic sigma", parts[1]);
                    }
                    if (parts.length > 2) {
                        v[7] = number("elastic probability", parts[2]);
                    }
                }
                case "elastic_p" -> v[7] = number(key, value);
                case "thickness" -> v[8] = number(key, value);
                default -> throw new IllegalArgumentException("unknown augmentation '" + key
                        + "'; known: rotate, scale, shear, shift, affine_p, elastic=ALPHA:SIGMA[:P], elastic_p, thickness");
            }
        }
        return of(v);
    }

    private static double number(String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("augmentation " + key + " needs a number, got '" + value + "'");
        }
    }

    /** The compact command-line form; {@code parse(toCliString())} gives back an equal record. */
    public String toCliString() {
        StringBuilder sb = new StringBuilder();
        item(sb, "rotate", rotationDegrees);
        item(sb, "scale", scale);
        item(sb, "shear", shear);
        item(sb, "shift", shiftPixels);
        if (affineProbability != 1) {
            sb.append(sb.isEmpty() ? "" : ",").append("affine_p=").append(fmt(affineProbability));
        }
        if (elasticAlpha != 0) {
            sb.append(sb.isEmpty() ? "" : ",").append("elastic=").append(fmt(elasticAlpha)).append(':')
                    .append(fmt(elasticSigma));
            if (elasticProbability != 1) {
                sb.append(':').append(fmt(elasticProbability));
            }
        }
        item(sb, "thickness", thicknessProbability);
        return sb.isEmpty() ? "none" : sb.toString();
    }

    private static void item(StringBuilder sb, String key, double v) {
        if (v != 0) {
            sb.append(sb.isEmpty() ? "" : ",").append(key).append('=').append(fmt(v));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private double[] values() {
        return new double[] {rotationDegrees, scale, shear, shiftPixels, affineProbability, elasticAlpha,
            elasticSigma, elasticProbability, thicknessProbability};
    }

    private static AugmentationConfig of(double[] v) {
        return new AugmentationConfig(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
    }
}
