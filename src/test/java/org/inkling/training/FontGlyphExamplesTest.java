package org.inkling.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.inkling.nn.Examples;
import org.junit.jupiter.api.Test;

class FontGlyphExamplesTest {
    @Test
    void digitsComeAsManyTimesAsAskedAndLettersAQuarterAsOftenOnlyForElevenClasses() {
        FontGlyphExamples.GlyphSet set = FontGlyphExamples.training();
        int digits = set.digits();
        int letters = set.images().count() - digits;
        assertThat(digits).isGreaterThan(300);
        assertThat(letters).isGreaterThan(900);

        Examples eleven = FontGlyphExamples.examples(6, true);
        assertThat(eleven.size()).isEqualTo(6 * digits + 2 * letters);
        int[] perClass = new int[11];
        for (int i = 0; i < eleven.size(); i++) perClass[eleven.label(i)]++;
        assertThat(perClass[10]).isEqualTo(2 * letters);
        for (int d = 0; d < 10; d++) assertThat(perClass[d]).as("digit %d", d).isGreaterThanOrEqualTo(6 * 20);

        Examples ten = FontGlyphExamples.examples(6, false);
        assertThat(ten.size()).isEqualTo(6 * digits);
        for (int i = 0; i < ten.size(); i++) assertThat(ten.label(i)).isLessThan(10);
        // The copies are the committed image, byte for byte (augmentation varies them later, per batch).
        float[] a = new float[784], b = new float[784];
        ten.copyInput(0, a, 0);
        ten.copyInput(5, b, 0);
        assertThat(a).isEqualTo(b);
        assertThat(FontGlyphExamples.examples(0, true).size()).isZero();
    }

    @Test
    void tracedDigitsAreDigitsOnlyAsManyTimesAsAsked() {
        Examples traced = FontGlyphExamples.tracedExamples(2, 9);
        assertThat(traced.size()).isEqualTo(2 * FontGlyphExamples.training().digits());
        int[] perClass = new int[11];
        for (int i = 0; i < traced.size(); i++) perClass[traced.label(i)]++;
        assertThat(perClass[10]).isZero();
        for (int d = 0; d < 10; d++) assertThat(perClass[d]).as("digit %d", d).isGreaterThanOrEqualTo(2 * 20);
    }

    @Test
    void aDigitSampleIsHalfFilledHalfPenWrittenWithoutRepeatsTheSameForASeed() {
        int digits = FontGlyphExamples.training().digits();
        Examples all = FontGlyphExamples.digitSample(2 * digits, 3);
        assertThat(all.size()).isEqualTo(2 * digits);
        java.util.Set<String> filled = new java.util.HashSet<>();
        float[] image = new float[784];
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.label(i)).isLessThan(10);
            all.copyInput(i, image, 0);
            if (i < digits) assertThat(filled.add(java.util.Arrays.toString(image))).as("filled digit %d is new", i).isTrue();
        }
        // every filled font digit once: the sample's labels per class are the set's
        int[] sampled = new int[10], set = new int[10];
        for (int i = 0; i < digits; i++) sampled[all.label(i)]++;
        FontGlyphExamples.GlyphSet glyphs = FontGlyphExamples.training();
        for (int i = 0; i < glyphs.labels().count(); i++) if (glyphs.labels().label(i) < 10) set[glyphs.labels().label(i)]++;
        assertThat(sampled).isEqualTo(set);
        assertThat(FontGlyphExamples.digitSample(10 * digits, 3).size()).as("at most every digit both ways").isEqualTo(2 * digits);

        Examples a = FontGlyphExamples.digitSample(21, 5), b = FontGlyphExamples.digitSample(21, 5), c = FontGlyphExamples.digitSample(21, 6);
        assertThat(a.size()).isEqualTo(21);
        assertThat(pixels(a)).isEqualTo(pixels(b));
        assertThat(pixels(a)).isNotEqualTo(pixels(c));
        assertThat(FontGlyphExamples.digitSample(0, 5).size()).isZero();
        assertThat(FontGlyphExamples.digitSample(1, 5).size()).as("one digit: a pen-written one").isEqualTo(1);
    }

    private static float[] pixels(Examples e) {
        float[] all = new float[e.size() * 784];
        for (int i = 0; i < e.size(); i++) e.copyInput(i, all, i * 784);
        return all;
    }

    @Test
    void theRecipeRecordsTheSet() {
        Map<String, Object> m = FontGlyphExamples.describe();
        assertThat(m).containsEntry("set", "resources/glyphs/fonts-train").containsKeys("glyphs", "digits", "fonts");
    }
}
