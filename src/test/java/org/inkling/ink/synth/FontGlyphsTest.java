package org.inkling.ink.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Font;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.inkling.ink.MnistNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs Debian's fonts-dejavu-core (.ci/run installs it). */
class FontGlyphsTest {
    static final Path DEJAVU = Path.of(FontGlyphSet.FONT_ROOT, "truetype/dejavu/DejaVuSans.ttf");

    @Test
    void aGlyphIsMadeAsADrawingIs() throws Exception {
        Font font = FontGlyphs.load(DEJAVU);
        for (char c : "0178Ax".toCharArray()) {
            float[] image = FontGlyphs.render(font, c);
            assertThat(image).as("%s", c).hasSize(784);
            int minX = 28, maxX = -1, minY = 28, maxY = -1;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    float v = image[y * 28 + x];
                    assertThat(v).isBetween(0f, 1f);
                    if (v > 0) {
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
            // The longer side fills the 20 px box, never more; the centre of mass sits on the field's centre.
            assertThat(Math.max(maxX - minX, maxY - minY) + 1).as("%s", c).isEqualTo(MnistNormalizer.BOX);
            assertThat(maxX - minX + 1).isLessThanOrEqualTo(20);
            double[] com = MnistNormalizer.centerOfMass(image, 28, 28);
            assertThat(com[0]).isCloseTo(14, org.assertj.core.data.Offset.offset(0.5));
            assertThat(com[1]).isCloseTo(14, org.assertj.core.data.Offset.offset(0.5));
        }
        // A 1 is tall and thin: the box is fitted on its height.
        float[] one = FontGlyphs.render(font, '1');
        int inked = 0;
        for (float v : one) if (v > 0.5f) inked++;
        assertThat(inked).isBetween(30, 150);
    }

    @Test
    void aTracedGlyphIsItsOutlineAsClosedStrokesAtHersheySize() throws Exception {
        Font font = FontGlyphs.load(DEJAVU);
        org.inkling.ink.Ink zero = FontGlyphs.trace(font, '0');
        assertThat(zero.strokes()).hasSize(2);   // the outer and the inner edge
        double minX = 1e9, maxX = -1e9, minY = 1e9, maxY = -1e9;
        for (org.inkling.ink.Stroke s : zero.strokes()) {
            assertThat(s.points().get(0)).isEqualTo(s.points().get(s.size() - 1));
            for (org.inkling.ink.Point p : s.points()) {
                minX = Math.min(minX, p.x());
                maxX = Math.max(maxX, p.x());
                minY = Math.min(minY, p.y());
                maxY = Math.max(maxY, p.y());
            }
        }
        assertThat(Math.max(maxX - minX, maxY - minY)).isCloseTo(FontGlyphs.TRACE_SIZE, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(maxY - minY).isGreaterThan(maxX - minX);   // y down, a zero is taller than wide
        assertThat(FontGlyphs.trace(font, '8').strokes()).hasSize(3);
        assertThat(FontGlyphs.trace(font, ' ')).isNull();
    }

    @Test
    void aCharacterTheFontLacksOrThatDrawsNothingIsNull() throws Exception {
        Font font = FontGlyphs.load(DEJAVU);
        assertThat(FontGlyphs.render(font, '\u4e2d')).isNull();   // no CJK in DejaVu Sans
        assertThat(FontGlyphs.render(font, ' ')).isNull();
    }

    @Test
    void whatIsNotAFontIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.ttf"), "not a font at all");
        assertThatThrownBy(() -> FontGlyphs.load(junk)).isInstanceOf(IOException.class).hasMessageContaining("junk.ttf");
        Path huge = dir.resolve("huge.ttf");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(FontGlyphs.MAX_FONT_BYTES + 1);   // sparse: refused from its size before reading
        }
        assertThatThrownBy(() -> FontGlyphs.load(huge)).isInstanceOf(IOException.class).hasMessageContaining("huge.ttf");
        assertThatThrownBy(() -> FontGlyphs.load(dir)).isInstanceOf(IOException.class).hasMessageContaining(dir.toString());
    }
}
