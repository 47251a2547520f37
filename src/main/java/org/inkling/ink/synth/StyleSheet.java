package org.inkling.ink.synth;

import org.inkling.base.DigitGeometry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.inkling.ink.InkImages;
import org.inkling.ink.InkRenderer;

/**
 * Writes a contact sheet: one row per style, {@code samples} renderings each, as the network would
 * see them. For looking at the synthesiser's output: {@code StyleSheet OUT.png [SAMPLES] [SEED]}.
 */
public final class StyleSheet {
    private StyleSheet() {}

    public static void write(Path out, int samples, long seed, int scale) throws IOException {
        List<float[]> images = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(seed);
        for (DigitSynthesizer.Style style : DigitSynthesizer.styles()) {
            for (int i = 0; i < samples; i++) {
                images.add(InkRenderer.toMnist(DigitSynthesizer.write(style, rng.split())));
            }
        }
        InkImages.writeGrid(images.toArray(float[][]::new), DigitGeometry.SIDE, DigitGeometry.SIDE, samples, scale, out);
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "styles.png");
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        write(out, samples, seed, 2);
        System.out.println(DigitSynthesizer.styles().size() + " styles x " + samples + " -> " + out);
    }
}
