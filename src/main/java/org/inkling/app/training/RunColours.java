package org.inkling.app.training;

/**
 * The colour of each run in the charts and in the runs list (Okabe and Ito's palette, told apart
 * with the common colour-vision deficiencies), a lighter variant for the dark theme. A run keeps
 * its colour: it is chosen by the run's number, and at most {@link TrainingRuns#MAX_RUNS} runs are
 * kept, as many as there are colours.
 */
public final class RunColours {
    private static final int[] LIGHT = {0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0x6E6E6E, 0x8B5A2B};
    private static final int[] DARK = {0x58A6FF, 0xFF8B4D, 0x3FD0A0, 0xE8A0CC, 0xF2C14E, 0x8FD3FF, 0xB0B0B0, 0xD2A06A};

    private RunColours() {}

    public static int count() {
        return LIGHT.length;
    }

    /** 0xRRGGBB of run number {@code runNumber} (1-based). */
    public static int rgb(int runNumber, boolean dark) {
        int[] palette = dark ? DARK : LIGHT;
        return palette[Math.floorMod(runNumber - 1, palette.length)];
    }

    public static java.awt.Color awt(int runNumber, boolean dark) {
        return new java.awt.Color(rgb(runNumber, dark));
    }

    public static javafx.scene.paint.Color fx(int runNumber, boolean dark) {
        int c = rgb(runNumber, dark);
        return javafx.scene.paint.Color.rgb(c >> 16 & 0xff, c >> 8 & 0xff, c & 0xff);
    }
}
