package org.inkling.ink.synth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inkling.ink.Ink;
import org.inkling.ink.Point;
import org.inkling.ink.Stroke;

/**
 * Reads Hershey vector fonts in the {@code .jhf} format (Debian's {@code hershey-fonts-data}).
 *
 * <p>Each glyph is a 5-character id, a 3-digit count of coordinate pairs, then that many pairs of
 * characters; a coordinate is the character minus {@code 'R'}, the first pair gives the left and right
 * bearings, and the pair {@code " R"} lifts the pen. Long glyphs may wrap onto the next line, so the
 * reader joins lines until the promised number of pairs is there. The ASCII fonts hold characters 32
 * to 127 in order, which puts the digits at glyphs 16 to 25. Hershey's y grows downward, like the
 * screen coordinates of {@link Ink}.
 */
public final class HersheyFont {
    private final String name;
    private final List<String> glyphs;

    private HersheyFont(String name, List<String> glyphs) {
        this.name = name;
        this.glyphs = glyphs;
    }

    public static HersheyFont read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        List<String> glyphs = new ArrayList<>();
        StringBuilder cur = null;
        int need = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (cur == null) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.length() < 8) {
                    throw new IOException(file + ":" + (i + 1) + ": glyph header too short");
                }
                int pairs;
                try {
                    pairs = Integer.parseInt(line.substring(5, 8).trim());
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + (i + 1) + ": bad vertex count '" + line.substring(5, 8) + "'");
                }
                need = 8 + 2 * pairs;
                cur = new StringBuilder(line);
            } else {
                cur.append(line);
            }
            if (cur.length() >= need) {
                glyphs.add(cur.substring(0, need));
                cur = null;
            }
        }
        if (cur != null) {
            throw new IOException(file + ": last glyph is cut short");
        }
        String n = file.getFileName().toString();
        return new HersheyFont(n.endsWith(".jhf") ? n.substring(0, n.length() - 4) : n, List.copyOf(glyphs));
    }

    public String name() {
        return name;
    }

    public int size() {
        return glyphs.size();
    }

    /** The raw glyph text (without its id), for spotting fonts that share a design. */
    public String glyphText(int index) {
        return glyphs.get(index).substring(5);
    }

    /** The strokes of ASCII character {@code c}, or empty ink when this font lacks it. */
    public Ink glyph(char c) {
        int index = c - 32;
        return index >= 0 && index < glyphs.size() ? parse(glyphs.get(index)) : Ink.EMPTY;
    }

    static Ink parse(String glyph) {
        List<Stroke> strokes = new ArrayList<>();
        List<Point> cur = new ArrayList<>();
        for (int i = 10; i + 1 < glyph.length(); i += 2) {
            char a = glyph.charAt(i);
            char b = glyph.charAt(i + 1);
            if (a == ' ' && b == 'R') {
                if (!cur.isEmpty()) {
                    strokes.add(new Stroke(cur));
                }
                cur = new ArrayList<>();
            } else {
                cur.add(new Point(a - 'R', b - 'R'));
            }
        }
        if (!cur.isEmpty()) {
            strokes.add(new Stroke(cur));
        }
        return new Ink(strokes);
    }
}
