package org.inkling.ink.synth;

import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.inkling.base.AtomicFiles;
import org.inkling.ink.Ink;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.RenderedDigits;
import org.inkling.ink.StrokeFile;

/**
 * The font glyphs training reads: digits (labelled 0-9) and letters that do not look like digits
 * (labelled {@link NonDigits#LABEL}) of Debian's TrueType/OpenType font packages, rendered by
 * {@link FontGlyphs}, split by font package into {@link #TRAINING} and {@link #HELD_OUT}.
 *
 * <p>The split was fixed before any model was measured on it (and revised once after looking at the
 * glyphs alone: Blankenburg, a textura, went to training, since Gotico-Antiqua's digits are
 * roman; Gamaliel, the other textura packaged, joined training later, when the gothic pen digits had been
 * seen refused, so that row is no longer a blind measure): held out are a blackletter (Joscelyn, a secretary
 * hand, the gothic cursive), seven handwriting and script fonts and six print ones. A held-out glyph whose image equals
 * a training glyph's is dropped (one design shipped under two names), so the held-out set is unseen.
 *
 * <p>{@link #main} writes the files under {@code resources/glyphs}: for each split, an IDX image file and
 * an IDX label file (gzipped, as MNIST) and one manifest line per image naming font, package and
 * character. Training reads the committed files from the class path, so nobody needs the fonts installed
 * to train; only rebuilding them does ({@code apt-get install} the packages named below).
 */
public final class FontGlyphSet {
    /** One font file of a Debian package; of a {@code digitsOnly} font only the digits are rendered. */
    public record FontFile(String pkg, String path, boolean digitsOnly) {}

    /** One rendered glyph: its image (784 values in 0..1), label, character and font; a digit's traced outline. */
    public record Glyph(FontFile font, char character, int label, float[] image, Ink outline) {}

    public static final String FONT_ROOT = "/usr/share/fonts/";

    public static final List<FontFile> TRAINING = List.of(
            // Blackletter: Blankenburg and Gamaliel (the two textura faces packaged: angular, heavy digits, a
            // boxed 0 and 8 as the Hershey gothic ones) and Gotico-Antiqua's fifteen text faces between gothic
            // and roman (its initials-only face left out). Digits only: with their letters as non-digits, and far
            // fewer blackletter digits than letters, a network learnt "blackletter is not a digit" again and
            // refused the gothic pen digits (0 and 8 nearly always).
            b("fonts-blankenburg", "truetype/blankenburg/Blankenburg_UNZ1A.ttf"),
            b("fonts-gamaliel", "truetype/gamaliel/Gamaliel.ttf"),
            b("fonts-gotico-antiqua", "opentype/gotico-antiqua/Fust&Schoeffer-Durandus-GoticoAntiqua118G.otf"),
            b("fonts-gotico-antiqua", "opentype/gotico-antiqua/Hamlet-Cicero12.otf"),
            b("fonts-gotico-antiqua", "opentype/gotico-antiqua/Hamlet-Tertia18.otf"),
            b("fonts-gotico-antiqua", "opentype/gotico-antiqua/Jessen-Cicero12.otf"),
            b("fonts-gotico-antiqua", "opentype/gotico-antiqua/Jessen-Mittel14.otf"),
            b("fonts-gotico-antiqua", "opentype/gotico-antiqua/Parix-Hybrid111R.otf"),
            b("fonts-gotico-antiqua", "opentype/gotico-antiqua/Ptolemy-GreatPrimer18.otf"),
            b("fonts-gotico-antiqua", "opentype/gotico-antiqua/Rot-ProtoRoman102R.otf"),
            b("fonts-gotico-antiqua", "opentype/gotico-antiqua/Rusch-GoticoAntiqua100G.otf"),
            b("fonts-gotico-antiqua", "opentype/gotico-antiqua/Rusch-R-Bizarre-ProtoRoman103R.otf"),
            b("fonts-gotico-antiqua", "opentype/gotico-antiqua/SouffletVert-Hybrid106R.otf"),
            b("fonts-gotico-antiqua", "opentype/gotico-antiqua/Spira-ProtoRoman110R.otf"),
            b("fonts-gotico-antiqua", "opentype/gotico-antiqua/Sweynheim&Pannartz-ProtoRoman115R.otf"),
            b("fonts-gotico-antiqua", "opentype/gotico-antiqua/Sweynheim&Pannartz-Subiaco-ProtoRoman120R.otf"),
            b("fonts-gotico-antiqua", "opentype/gotico-antiqua/Zainer-GoticoAntiqua96G.otf"),
            // Handwriting and scripts.
            f("fonts-dkg-handwriting", "truetype/fifthhorseman/dkg.ttf"),
            f("fonts-breip", "truetype/breip/Breip.ttf"),
            f("fonts-bwht", "opentype/bwht/BecauseWeBuild-Regular.otf"),
            f("fonts-bwht", "opentype/bwht/BecauseWeConnect-Regular.otf"),
            f("fonts-bwht", "opentype/bwht/BecauseWeCreate-Regular.otf"),
            f("fonts-bwht", "opentype/bwht/BecauseWeLearn-Regular.otf"),
            f("fonts-bwht", "opentype/bwht/BecauseWeMentor-Regular.otf"),
            f("fonts-bwht", "opentype/bwht/BecauseWeOrganize-Regular.otf"),
            f("fonts-femkeklaver", "truetype/femkeklaver/femkeklaver.ttf"),
            f("fonts-kristi", "truetype/kristi/Kristi.ttf"),
            f("fonts-rufscript", "truetype/rufscript/Rufscript010.ttf"),
            f("fonts-dancingscript", "opentype/dancingscript/DancingScript-Regular.otf"),
            f("fonts-ecolier-court", "truetype/ecolier-court/Ecolier-court.ttf"),
            f("fonts-comic-neue", "opentype/comic-neue/ComicNeue-Regular.otf"),
            f("fonts-levien-typoscript", "opentype/levien/TypoScript.otf"),
            f("fonts-lobster", "opentype/lobster/lobster.otf"),
            f("fonts-urw-base35", "opentype/urw-base35/Z003-MediumItalic.otf"),
            // Print.
            f("fonts-urw-base35", "opentype/urw-base35/NimbusSans-Regular.otf"),
            f("fonts-urw-base35", "opentype/urw-base35/NimbusRoman-Regular.otf"),
            f("fonts-urw-base35", "opentype/urw-base35/NimbusMonoPS-Regular.otf"),
            f("fonts-urw-base35", "opentype/urw-base35/URWBookman-Light.otf"),
            f("fonts-urw-base35", "opentype/urw-base35/URWGothic-Book.otf"),
            f("fonts-urw-base35", "opentype/urw-base35/C059-Roman.otf"),
            f("fonts-urw-base35", "opentype/urw-base35/P052-Roman.otf"),
            f("fonts-dejavu-core", "truetype/dejavu/DejaVuSans.ttf"),
            f("fonts-dejavu-core", "truetype/dejavu/DejaVuSerif.ttf"),
            f("fonts-dejavu-core", "truetype/dejavu/DejaVuSansMono.ttf"),
            f("fonts-freefont-ttf", "truetype/freefont/FreeSans.ttf"),
            f("fonts-freefont-ttf", "truetype/freefont/FreeSerif.ttf"),
            f("fonts-gnutypewriter", "truetype/gnutypewriter/GNUTypewriter.ttf"));

    public static final List<FontFile> HELD_OUT = List.of(
            f("fonts-joscelyn", "opentype/joscelyn/Joscelyn-Regular.otf"),
            f("fonts-humor-sans", "truetype/humor-sans/Humor-Sans.ttf"),
            f("fonts-klee", "truetype/klee/KleeOne-Regular.ttf"),
            f("fonts-kaushanscript", "opentype/kaushanscript/KaushanScript-Regular.otf"),
            f("fonts-sjfonts", "truetype/sjfonts/Delphine.ttf"),
            f("fonts-sjfonts", "truetype/sjfonts/SteveHand.ttf"),
            f("fonts-havana", "opentype/havana/Havana-Regular.otf"),
            f("fonts-leckerli-one", "truetype/leckerli-one/LeckerliOne-Regular.ttf"),
            f("fonts-liberation", "truetype/liberation/LiberationSans-Regular.ttf"),
            f("fonts-liberation", "truetype/liberation/LiberationSerif-Regular.ttf"),
            f("fonts-oldstandard", "truetype/fonts-oldstandard/OldStandard-Regular.ttf"),
            f("fonts-cantarell", "opentype/cantarell/Cantarell-Regular.otf"),
            f("fonts-lato", "truetype/lato/Lato-Regular.ttf"),
            f("fonts-sil-andika", "truetype/andika/Andika-Regular.ttf"),
            f("fonts-klaudia-berenika", "truetype/klaudia-berenika/Klaudia.ttf"));

    private FontGlyphSet() {}

    private static FontFile f(String pkg, String path) {
        return new FontFile(pkg, path, false);
    }

    private static FontFile b(String pkg, String path) {
        return new FontFile(pkg, path, true);
    }

    /** The characters rendered: the ten digits, then the letters {@link NonDigits#usable} allows. */
    public static String characters() {
        StringBuilder s = new StringBuilder("0123456789");
        for (char c = 'A'; c <= 'z'; c++) {
            if (Character.isLetter(c) && NonDigits.usable(c)) s.append(c);
        }
        return s.toString();
    }

    /**
     * Every glyph of {@code fonts} found under {@code root} (an absent font file is an error: a set made
     * without one of its fonts would not be the set the code names), in font then character order, each
     * image once: a glyph whose image equals one already taken, or one of {@code exclude}, is left out.
     */
    public static List<Glyph> render(Path root, List<FontFile> fonts, Set<String> exclude) throws IOException {
        List<Glyph> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(exclude);
        for (FontFile ff : fonts) {
            Path file = root.resolve(ff.path());
            if (!Files.isRegularFile(file)) {
                throw new IOException(file + ": font missing (apt-get install " + ff.pkg() + ")");
            }
            Font font = FontGlyphs.load(file);
            for (char c : characters().toCharArray()) {
                if (ff.digitsOnly() && !Character.isDigit(c)) continue;
                float[] image = FontGlyphs.render(font, c);
                if (image == null || !seen.add(key(image))) continue;
                boolean digit = Character.isDigit(c);
                out.add(new Glyph(ff, c, digit ? c - '0' : NonDigits.LABEL, image, digit ? FontGlyphs.trace(font, c) : null));
            }
        }
        return out;
    }

    /** The image quantised as it is stored: two glyphs with the same key are the same training example. */
    static String key(float[] image) {
        return new String(bytes(image), StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(float[] image) {
        byte[] b = new byte[image.length];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Math.round(image[i] * 255f);
        return b;
    }

    /**
     * Writes {@code fonts-train-*} and {@code fonts-held-out-*} (IDX images and labels, gzipped, and a
     * manifest): {@code FontGlyphSet [FONT_ROOT] [OUT_DIR]}.
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : FONT_ROOT);
        Path dir = Path.of(args.length > 1 ? args[1] : "resources/glyphs");
        Files.createDirectories(dir);
        List<Glyph> training = render(root, TRAINING, Set.of());
        Set<String> trainingKeys = new HashSet<>();
        for (Glyph g : training) trainingKeys.add(key(g.image()));
        List<Glyph> heldOut = render(root, HELD_OUT, trainingKeys);
        write(dir, "fonts-train", training);
        write(dir, "fonts-held-out", heldOut);
        List<String> traced = new ArrayList<>();
        for (Glyph g : training) {
            if (g.outline() == null) continue;
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("font", g.font().path());
            traced.add(StrokeFile.toLine(new LabeledInk(g.label(), g.outline()), 2, extra));
        }
        StrokeFile.writeLines(dir.resolve(TRACED), traced);
        System.out.printf("%d traced digits -> %s%n", traced.size(), dir.resolve(TRACED));
    }

    /** The training fonts' digits traced to strokes ({@link FontGlyphs#trace}), a stroke file beside the images. */
    public static final String TRACED = "fonts-train-traced.jsonl";

    /**
     * Each traced digit written {@code copies} times by a random hand and pen (as the Hershey digits and
     * letters are) and rendered through the app's ink pipeline with pen widths varying as the non-digits'
     * do; deterministic for a seed.
     */
    public static RenderedDigits writeTraced(List<LabeledInk> traced, int copies, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        List<LabeledInk> items = new ArrayList<>(traced.size() * copies);
        for (LabeledInk t : traced) {
            for (int c = 0; c < copies; c++) items.add(new LabeledInk(t.label(), HersheyDigits.write(t.ink(), root.split())));
        }
        return RenderedDigits.render(items, 0.12, 0.19, seed ^ 0x9E3779B97F4A7C15L);
    }

    static void write(Path dir, String name, List<Glyph> glyphs) throws IOException {
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        try (DataOutputStream im = new DataOutputStream(images); DataOutputStream la = new DataOutputStream(labels)) {
            im.writeInt(0x00000803);
            im.writeInt(glyphs.size());
            im.writeInt(28);
            im.writeInt(28);
            la.writeInt(0x00000801);
            la.writeInt(glyphs.size());
            for (Glyph g : glyphs) {
                im.write(bytes(g.image()));
                la.write(g.label());
            }
        }
        StringBuilder manifest = new StringBuilder("index\tlabel\tcharacter\tpackage\tfont\n");
        for (int i = 0; i < glyphs.size(); i++) {
            Glyph g = glyphs.get(i);
            manifest.append(i).append('\t').append(g.label()).append('\t').append(g.character()).append('\t')
                    .append(g.font().pkg()).append('\t').append(g.font().path()).append('\n');
        }
        gzip(dir.resolve(name + "-images.idx.gz"), images.toByteArray());
        gzip(dir.resolve(name + "-labels.idx.gz"), labels.toByteArray());
        AtomicFiles.write(dir.resolve(name + ".tsv"), out -> out.write(manifest.toString().getBytes(StandardCharsets.UTF_8)));
        System.out.printf("%d glyphs (%d digits) -> %s%n", glyphs.size(),
                glyphs.stream().filter(g -> g.label() < NonDigits.LABEL).count(), dir.resolve(name + "-images.idx.gz"));
    }

    private static void gzip(Path target, byte[] data) throws IOException {
        AtomicFiles.write(target, out -> {
            GZIPOutputStream gz = new GZIPOutputStream(out);
            gz.write(data);
            gz.finish();
        });
    }
}
