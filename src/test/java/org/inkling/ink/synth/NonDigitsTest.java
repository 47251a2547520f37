package org.inkling.ink.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.Point;
import org.inkling.ink.RenderedDigits;
import org.inkling.ink.Stroke;
import org.inkling.ink.StrokeFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NonDigitsTest {
    private static final Path FONTS = HersheyDigits.DEFAULT_FONTS;

    @BeforeAll
    static void needFonts() {
        Assumptions.assumeTrue(Files.isDirectory(FONTS), "Hershey fonts not installed (apt-get install hershey-fonts-data)");
    }

    @Test
    void noDigitNorDigitLikeCharacterIsEverUsed() throws Exception {
        List<NonDigits.Glyph> glyphs = NonDigits.glyphs(FONTS, NonDigits.TRAINING_FONTS);
        assertThat(glyphs).hasSizeGreaterThan(150);
        for (NonDigits.Glyph g : glyphs) {
            assertThat(Character.isDigit(g.character())).isFalse();
            assertThat(NonDigits.DIGIT_LIKE.indexOf(g.character())).as("%s", g.character()).isNegative();
        }
        for (char c : "OlISZBGgqb0123456789|".toCharArray()) assertThat(NonDigits.usable(c)).as("%s", c).isFalse();
        for (char c : "AxeKmw+#?".toCharArray()) assertThat(NonDigits.usable(c)).as("%s", c).isTrue();
    }

    @Test
    void heldOutFontsShareNoDesignWithTrainingFonts() throws Exception {
        Set<String> trainingFonts = new HashSet<>(NonDigits.TRAINING_FONTS);
        assertThat(NonDigits.HELD_OUT_FONTS).noneMatch(trainingFonts::contains);
        Set<String> training = new HashSet<>();
        for (String f : NonDigits.TRAINING_FONTS) {
            HersheyFont font = HersheyFont.read(FONTS.resolve(f + ".jhf"));
            for (int i = 0; i < font.size(); i++) training.add(font.glyphText(i));
        }
        List<NonDigits.Glyph> heldOut = NonDigits.heldOutGlyphs(FONTS, NonDigits.HELD_OUT_FONTS, NonDigits.TRAINING_FONTS);
        assertThat(heldOut).hasSizeGreaterThan(150);
        for (NonDigits.Glyph g : heldOut) {
            HersheyFont font = HersheyFont.read(FONTS.resolve(g.font() + ".jhf"));
            assertThat(training).doesNotContain(font.glyphText(g.character() - 32));
        }
    }

    @Test
    void everyKindIsMadeDeterministicallyAndNoneIsATallThinOne() throws Exception {
        List<NonDigits.Glyph> glyphs = NonDigits.glyphs(FONTS, NonDigits.TRAINING_FONTS);
        List<NonDigits.Sample> a = NonDigits.generate(glyphs, 1500, 11);
        List<NonDigits.Sample> b = NonDigits.generate(glyphs, 1500, 11);
        Map<NonDigits.Kind, Integer> kinds = new EnumMap<>(NonDigits.Kind.class);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i)).isEqualTo(b.get(i));
            kinds.merge(a.get(i).kind(), 1, Integer::sum);
            assertThat(Shapes.oneLike(a.get(i).ink())).as("%s %s", a.get(i).kind(), a.get(i).detail()).isFalse();
        }
        assertThat(kinds).containsOnlyKeys(NonDigits.Kind.values());
        assertThat(kinds.get(NonDigits.Kind.LETTER)).isBetween(450, 600);
        assertThat(NonDigits.generate(glyphs, 200, 12)).isNotEqualTo(NonDigits.generate(glyphs, 200, 11));
    }

    @Test
    void linesStayFarFromVerticalBecauseAVerticalLineIsAOne() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            for (double[] l : Shapes.line(rng, NonDigits.MIN_LINE_TILT)) {
                double dx = l[2] - l[0], dy = l[3] - l[1];
                double fromVertical = Math.toDegrees(Math.atan2(Math.abs(dx), Math.abs(dy)));
                assertThat(fromVertical).isGreaterThanOrEqualTo(NonDigits.MIN_LINE_TILT - 1e-9);
            }
        }
    }

    @Test
    void theTrainingSetIsLabelledAfterTheDigitsAndRefusesTheTestSeed() throws Exception {
        RenderedDigits r = NonDigits.dataset(FONTS, 50, 5);
        assertThat(r.size()).isEqualTo(50);
        for (int i = 0; i < r.size(); i++) assertThat(r.label(i)).isEqualTo(NonDigits.LABEL);
        float ink = 0;
        for (float v : r.image(0)) ink += v;
        assertThat(ink).isGreaterThan(5);
        assertThatThrownBy(() -> NonDigits.dataset(FONTS, 10, NonDigits.TEST_SEED)).hasMessageContaining("held-out");
    }

    @Test
    void theHeldOutFilesAreWhatTheirSeedsMake() throws Exception {
        List<String> actual = Files.readAllLines(Path.of("resources/strokes/non-digits-held-out.jsonl"), StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>();
        for (NonDigits.Sample s : NonDigits.generate(List.of(), actual.size(), NonDigits.TEST_SEED)) expected.add(NonDigits.line(s));
        assertThat(actual).as("resources/strokes/non-digits-held-out.jsonl is stale: regenerate with org.inkling.ink.synth.NonDigits")
                .isEqualTo(expected);
        List<LabeledInk> letters = StrokeFile.read(Path.of("resources/strokes/hershey-letters-held-out.jsonl"));
        assertThat(letters).hasSize(8 * NonDigits.heldOutGlyphs(FONTS, NonDigits.HELD_OUT_FONTS, NonDigits.TRAINING_FONTS).size());
        assertThat(letters).allSatisfy(l -> assertThat(l.label()).isNull());
    }

    @Test
    void aSingleDotIsOneStrokeAtOnePlace() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            for (Stroke s : Shapes.dots(rng).strokes()) {
                Point p = s.points().get(0);
                assertThat(s.points()).allSatisfy(q -> assertThat(Math.hypot(q.x() - p.x(), q.y() - p.y())).isLessThan(10));
            }
        }
    }
}
