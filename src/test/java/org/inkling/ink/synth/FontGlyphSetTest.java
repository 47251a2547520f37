package org.inkling.ink.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs the font packages FontGlyphSet names installed (.ci/run installs them). */
class FontGlyphSetTest {
    static final Path ROOT = Path.of(FontGlyphSet.FONT_ROOT);

    @Test
    void onlyDigitsAndLettersThatDoNotLookLikeDigitsAreRendered() {
        String chars = FontGlyphSet.characters();
        assertThat(chars).startsWith("0123456789").contains("A", "x", "k").doesNotContain("O", "l", "I", "S", "Z", "B", "G", "g", "q");
        for (char c : chars.substring(10).toCharArray()) assertThat(NonDigits.usable(c) && Character.isLetter(c)).isTrue();
    }

    @Test
    void noFontIsBothTrainedOnAndHeldOutAndAHeldOutBlackletterIsAmongThem() {
        Set<String> training = new HashSet<>();
        for (FontGlyphSet.FontFile f : FontGlyphSet.TRAINING) training.add(f.pkg());
        for (FontGlyphSet.FontFile f : FontGlyphSet.HELD_OUT) assertThat(training).as(f.pkg()).doesNotContain(f.pkg());
        assertThat(FontGlyphSet.HELD_OUT).extracting(FontGlyphSet.FontFile::pkg).contains("fonts-joscelyn");
        assertThat(FontGlyphSet.TRAINING).extracting(FontGlyphSet.FontFile::pkg).contains("fonts-blankenburg");
    }

    @Test
    void theCommittedFilesAreWhatTheFontsMake(@TempDir Path dir) throws Exception {
        FontGlyphSet.main(new String[] {ROOT.toString(), dir.toString()});
        for (String name : List.of("fonts-train-images.idx.gz", "fonts-train-labels.idx.gz", "fonts-train.tsv",
                "fonts-held-out-images.idx.gz", "fonts-held-out-labels.idx.gz", "fonts-held-out.tsv", FontGlyphSet.TRACED)) {
            byte[] made = name.endsWith(".gz") ? gunzip(dir.resolve(name)) : Files.readAllBytes(dir.resolve(name));
            Path committed = Path.of("resources/glyphs", name);
            byte[] kept = name.endsWith(".gz") ? gunzip(committed) : Files.readAllBytes(committed);
            assertThat(made).as(committed + " is stale: regenerate with org.inkling.ink.synth.FontGlyphSet").isEqualTo(kept);
        }
    }

    @Test
    void aHeldOutGlyphNeverEqualsATrainingOne() throws Exception {
        List<FontGlyphSet.Glyph> training = FontGlyphSet.render(ROOT, FontGlyphSet.TRAINING, Set.of());
        Set<String> keys = new HashSet<>();
        for (FontGlyphSet.Glyph g : training) assertThat(keys.add(FontGlyphSet.key(g.image()))).isTrue();
        List<FontGlyphSet.Glyph> heldOut = FontGlyphSet.render(ROOT, FontGlyphSet.HELD_OUT, keys);
        assertThat(heldOut).isNotEmpty();
        for (FontGlyphSet.Glyph g : heldOut) assertThat(keys).doesNotContain(FontGlyphSet.key(g.image()));
        // Every training font gives digits, letters labelled as not a digit.
        assertThat(training).filteredOn(g -> g.label() == NonDigits.LABEL).allMatch(g -> Character.isLetter(g.character()));
        assertThat(training).filteredOn(g -> g.label() < NonDigits.LABEL).allMatch(g -> g.character() - '0' == g.label());
        // Blackletter fonts give digits only (their letters as non-digits taught "blackletter is not a digit").
        assertThat(training).filteredOn(g -> g.font().digitsOnly()).isNotEmpty().allMatch(g -> g.label() < NonDigits.LABEL);
        assertThat(training).filteredOn(g -> g.font().pkg().equals("fonts-blankenburg")).hasSize(10);
        assertThat(training).filteredOn(g -> g.font().pkg().equals("fonts-gamaliel")).hasSize(10);
        Set<String> withDigits = new HashSet<>();
        for (FontGlyphSet.Glyph g : training) if (g.label() < NonDigits.LABEL) withDigits.add(g.font().path());
        assertThat(withDigits).hasSizeGreaterThan(FontGlyphSet.TRAINING.size() / 2);
    }

    @Test
    void tracedDigitsAreWrittenAsManyTimesAsAskedByDifferentHandsTheSameForASeed() throws Exception {
        List<org.inkling.ink.LabeledInk> traced = org.inkling.ink.StrokeFile.read(Path.of("resources/glyphs", FontGlyphSet.TRACED));
        assertThat(traced).hasSize(358);
        List<org.inkling.ink.LabeledInk> few = traced.subList(0, 3);
        org.inkling.ink.RenderedDigits a = FontGlyphSet.writeTraced(few, 4, 7);
        assertThat(a.size()).isEqualTo(12);
        assertThat(a.label(0)).isEqualTo(few.get(0).label());
        assertThat(a.label(4)).isEqualTo(few.get(1).label());
        assertThat(a.image(0)).isNotEqualTo(a.image(1));   // two renditions of one digit differ
        assertThat(FontGlyphSet.writeTraced(few, 4, 7).pixels()).isEqualTo(a.pixels());
        assertThat(FontGlyphSet.writeTraced(few, 4, 8).pixels()).isNotEqualTo(a.pixels());
    }

    @Test
    void aMissingFontIsAnErrorNamingItsPackage(@TempDir Path dir) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FontGlyphSet.render(dir, FontGlyphSet.HELD_OUT, Set.of()))
                .hasMessageContaining("fonts-joscelyn");
    }

    private static byte[] gunzip(Path p) throws Exception {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(p))) {
            return in.readAllBytes();
        }
    }
}
