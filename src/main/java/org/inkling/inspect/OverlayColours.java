package org.inkling.inspect;

/**
 * The colours of the "why" map, shared by the app and the PNGs of {@code inkling explain}: the
 * input in grey, tinted orange where the ink pushed toward the top digit and blue where it pushed
 * toward the runner-up, the stronger the share the stronger the tint. Orange and blue stay apart
 * for the common colour-vision deficiencies, where red and green would not.
 */
public final class OverlayColours {
    private static final int[] TOWARD = {255, 140, 0};
    private static final int[] AGAINST = {30, 120, 255};

    private OverlayColours() {}

    /**
     * ARGB pixels: {@code input} (0..1, ink white on black) tinted by {@code contributions} scaled by
     * {@code scale} (the largest magnitude maps to full tint; 0 shows the input alone).
     */
    public static int[] argb(float[] input, float[] contributions, float scale) {
        if (input.length != contributions.length) {
            throw new IllegalArgumentException(input.length + " input values but " + contributions.length + " contributions");
        }
        int[] out = new int[input.length];
        for (int i = 0; i < input.length; i++) {
            float grey = clamp(input[i]) * 0.55f; // dimmed, so a tint reads on white ink too
            float t = scale > 0 ? clamp(Math.abs(contributions[i]) / scale) : 0f;
            t = (float) Math.sqrt(t); // small shares stay visible beside the largest
            int[] tint = contributions[i] >= 0 ? TOWARD : AGAINST;
            int r = Math.round(255 * grey * (1 - t) + tint[0] * t);
            int g = Math.round(255 * grey * (1 - t) + tint[1] * t);
            int b = Math.round(255 * grey * (1 - t) + tint[2] * t);
            out[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return out;
    }

    /** ARGB pixels for a signed picture: orange for positive, blue for negative, black for 0, scaled by its largest magnitude. */
    public static int[] signed(Picture p) {
        float scale = p.maxMagnitude();
        int[] out = new int[p.values().length];
        for (int i = 0; i < out.length; i++) {
            float v = p.values()[i];
            float t = scale > 0 ? clamp(Math.abs(v) / scale) : 0f;
            int[] tint = v >= 0 ? TOWARD : AGAINST;
            out[i] = 0xFF000000 | Math.round(tint[0] * t) << 16 | Math.round(tint[1] * t) << 8 | Math.round(tint[2] * t);
        }
        return out;
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }
}
