package org.inkling.ink.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.inkling.ink.Ink;
import org.inkling.ink.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HersheyFontTest {
    @TempDir
    Path dir;

    @Test
    void decodesCoordinatesRelativeToR() {
        // futural "1": bounds H\, then (N,J) (P,I) (S,F) (S,[).
        Ink one = HersheyFont.parse("12345  5H\\NJPISFS[");
        assertThat(one.strokes()).hasSize(1);
        assertThat(one.strokes().get(0).points())
                .containsExactly(new Point(-4, -8), new Point(-2, -9), new Point(1, -12), new Point(1, 9));
    }

    @Test
    void penUpSplitsStrokes() {
        Ink four = HersheyFont.parse("12345  7H\\UFKTZT RUFU[");
        assertThat(four.strokes()).hasSize(2);
        assertThat(four.strokes().get(0).points()).containsExactly(new Point(3, -12), new Point(-7, 2), new Point(8, 2));
        assertThat(four.strokes().get(1).points()).containsExactly(new Point(3, -12), new Point(3, 9));
    }

    @Test
    void joinsGlyphsWrappedOverLinesAndIndexesByAscii() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int c = 32; c < 48; c++) {
            text.append("12345  1JZ\n");
        }
        text.append("12345  5H\\NJPI\nSFS[\n"); // '0' wrapped after two pairs
        Path f = dir.resolve("tiny.jhf");
        Files.writeString(f, text);
        HersheyFont font = HersheyFont.read(f);
        assertThat(font.size()).isEqualTo(17);
        assertThat(font.glyph('0').strokes().get(0).points()).hasSize(4);
        assertThat(font.glyph(' ').isEmpty()).isTrue();
        assertThat(font.glyph('9').isEmpty()).isTrue();
    }

    @Test
    void aTruncatedGlyphNamesTheFile() throws Exception {
        Path f = dir.resolve("cut.jhf");
        Files.writeString(f, "12345  9H\\NJPI\n");
        assertThatThrownBy(() -> HersheyFont.read(f)).hasMessageContaining("cut.jhf").hasMessageContaining("cut short");
        Path g = dir.resolve("bad.jhf");
        Files.writeString(g, "12345 x9H\\NJPI\n");
        assertThatThrownBy(() -> HersheyFont.read(g)).hasMessageContaining("bad.jhf:1").hasMessageContaining("vertex count");
    }

    @Test
    void theInstalledFontsHoldSeveralDesignsOfEveryDigit() throws Exception {
        assumeTrue(Files.isDirectory(HersheyDigits.DEFAULT_FONTS), "hershey-fonts-data not installed");
        List<HersheyDigits.Design> designs = HersheyDigits.designs(HersheyDigits.DEFAULT_FONTS);
        Map<Integer, Integer> perDigit = new TreeMap<>();
        designs.forEach(d -> perDigit.merge(d.digit(), 1, Integer::sum));
        assertThat(perDigit).hasSize(10);
        assertThat(perDigit.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));
        // Digits stand upright in Hershey's y-down coordinates: a "7" has its bar at the top.
        Ink seven = designs.stream().filter(d -> d.digit() == 7 && d.font().equals("futural")).findFirst().orElseThrow().ink();
        double top = seven.strokes().stream().flatMap(s -> s.points().stream()).mapToDouble(Point::y).min().orElseThrow();
        assertThat(seven.strokes().get(0).points().get(0).y()).isEqualTo(top);
    }
}
