package org.inkling.inspect;

/**
 * A grid of values to show as an image: a unit's weights, a filter, a feature map. Values are raw
 * (weights can be negative); {@link #maxMagnitude()} gives the symmetric scale to draw them with.
 *
 * @param values row-major, {@code width · height} of them
 */
public record Picture(String title, int width, int height, float[] values) {
    public Picture {
        if (width <= 0 || height <= 0 || values.length != width * height) {
            throw new IllegalArgumentException(title + ": " + values.length + " values do not make a " + width + "x" + height + " picture");
        }
    }

    public float maxMagnitude() {
        float m = 0;
        for (float v : values) m = Math.max(m, Math.abs(v));
        return m;
    }
}
