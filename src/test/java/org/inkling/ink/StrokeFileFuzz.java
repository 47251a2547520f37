package org.inkling.ink;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.inkling.base.Fuzzing;

/**
 * Fuzzes stroke files (JSON Lines) from bytes: a read either fails with a {@link StrokeFileException}
 * (short, clean message) or gives drawings that the renderer turns into 784 values in 0..1.
 */
public class StrokeFileFuzz {
    public static void fuzzerTestOneInput(byte[] input) {
        List<LabeledInk> drawings;
        try {
            drawings = StrokeFile.read(new ByteArrayInputStream(input), "fuzz.jsonl");
        } catch (StrokeFileException e) {
            Fuzzing.checkMessage(e.getMessage(), 400);
            return;
        }
        for (LabeledInk d : drawings) {
            float[] image = InkRenderer.toMnist(d.ink());
            if (image.length != 784) throw new AssertionError("an image of " + image.length + " values");
            for (float v : image) {
                if (!(v >= 0 && v <= 1)) throw new AssertionError("a pixel of " + v + " from " + StrokeFile.toLine(d, 3));
            }
        }
    }
}
