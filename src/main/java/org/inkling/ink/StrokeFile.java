package org.inkling.ink;

import org.inkling.base.AtomicFiles;
import org.inkling.base.Inputs;
import org.inkling.base.SafeText;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.inkling.json.Json;

/**
 * Stroke files: JSON Lines, one drawing per line, {@code {"label": 7, "strokes": [[[x, y], ...], ...]}}.
 *
 * <p>{@code label} is a digit 0-9, {@code "not_a_digit"} (a drawing a person taught the network to
 * refuse), or absent (or null); other fields are ignored so that tools can add their own
 * (a writer id, a style name); blank lines are skipped. Anything else wrong stops the read with a
 * {@link StrokeFileException} naming the file and the 1-based line, because a silently dropped
 * drawing would skew an accuracy measured on the file.
 */
public final class StrokeFile {
    /** A stroke file may be this large; the shipped sets are under 2 MB. */
    public static final long MAX_FILE_BYTES = 256L << 20;
    /** Characters on one line (one drawing). */
    public static final int MAX_LINE_CHARS = 1 << 20;
    /** Strokes in one drawing. */
    public static final int MAX_STROKES = 1_000;
    /** Points in one stroke (a pen sampled at 120 Hz for over two minutes). */
    public static final int MAX_POINTS_PER_STROKE = 20_000;
    /** Points in one drawing. */
    public static final int MAX_POINTS_PER_DRAWING = 50_000;
    /** Points in one file: what the drawings read from it may hold in memory. */
    public static final long MAX_POINTS_PER_FILE = 5_000_000;
    /** Coordinates are screen pixels at any scale; beyond this the rasteriser's arithmetic would lose them. */
    public static final double MAX_COORDINATE = 1e6;

    private StrokeFile() {}

    public static List<LabeledInk> read(Path path) throws StrokeFileException {
        InputStream in;
        try {
            in = Inputs.open(path, MAX_FILE_BYTES, "a stroke file");
        } catch (Inputs.InputException e) {
            throw new StrokeFileException(path.toString(), e.problem(), e);
        }
        return read(in, path.toString());
    }

    /**
     * Reads from a stream (e.g. a classpath resource); {@code name} is used in error messages. Lines
     * are cut from the bytes and decoded one by one, strictly (REPORT, not the default REPLACE), so
     * that a file in another encoding is named as such, with the line, instead of being misread.
     */
    public static List<LabeledInk> read(InputStream in, String name) throws StrokeFileException {
        try (InputStream bytes = new BufferedInputStream(in, 1 << 16)) {
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            List<LabeledInk> out = new ArrayList<>();
            long points = 0;
            int number = 0;
            for (int b = bytes.read(); b >= 0; ) {
                number++;
                line.reset();
                while (b >= 0 && b != '\n') {
                    if (line.size() >= MAX_LINE_CHARS) {
                        throw new StrokeFileException(name, number, "the line is longer than "
                                + String.format(Locale.ROOT, "%,d", MAX_LINE_CHARS) + " bytes (the limit for one drawing)");
                    }
                    line.write(b);
                    b = bytes.read();
                }
                if (b == '\n') b = bytes.read();
                String text;
                try {
                    text = utf8.decode(java.nio.ByteBuffer.wrap(line.toByteArray())).toString();
                } catch (CharacterCodingException e) {
                    throw new StrokeFileException(name, number, "is not UTF-8 text (a byte sequence that is not UTF-8 on this line);"
                            + " stroke files are JSON Lines in UTF-8");
                }
                LabeledInk drawing = lineItem(text, name, number);
                if (drawing == null) continue;
                points += drawing.ink().pointCount();
                checkTotal(points, name, number);
                out.add(drawing);
            }
            return out;
        } catch (StrokeFileException e) {
            throw e;
        } catch (IOException | UncheckedIOException e) {
            throw new StrokeFileException(name, "cannot read: " + SafeText.excerpt(e.getMessage()), e);
        }
    }

    /** A drawing from one line, or null for a blank one; a CR before the newline and a BOM on line 1 are dropped. */
    private static LabeledInk lineItem(String line, String name, int number) throws StrokeFileException {
        if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
        if (number == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
        return line.isBlank() ? null : parseLine(line, name, number);
    }

    private static void checkTotal(long points, String name, int number) throws StrokeFileException {
        if (points > MAX_POINTS_PER_FILE) {
            throw new StrokeFileException(name, number, "the file holds more than "
                    + String.format(Locale.ROOT, "%,d", MAX_POINTS_PER_FILE) + " points up to this line (the limit)");
        }
    }

    public static List<LabeledInk> read(Reader reader, String name) throws IOException {
        Lines lines = new Lines(reader instanceof BufferedReader b ? b : new BufferedReader(reader), name);
        List<LabeledInk> out = new ArrayList<>();
        long points = 0;
        String line;
        while ((line = lines.next()) != null) {
            LabeledInk drawing = lineItem(line, name, lines.number);
            if (drawing == null) continue;
            points += drawing.ink().pointCount();
            checkTotal(points, name, lines.number);
            out.add(drawing);
        }
        return out;
    }

    /** Lines of at most {@link #MAX_LINE_CHARS} characters from a Reader, read without holding a longer one; counts them. */
    private static final class Lines {
        private final BufferedReader in;
        private final String name;
        private final StringBuilder line = new StringBuilder();
        int number;

        Lines(BufferedReader in, String name) {
            this.in = in;
            this.name = name;
        }

        String next() throws IOException {
            line.setLength(0);
            int c;
            number++;
            try {
                c = in.read();
                if (c < 0) {
                    number--;
                    return null;
                }
                while (c >= 0 && c != '\n') {
                    if (c != '\r') {
                        if (line.length() >= MAX_LINE_CHARS) {
                            throw new StrokeFileException(name, number, "the line is longer than "
                                    + String.format(Locale.ROOT, "%,d", MAX_LINE_CHARS) + " characters (the limit for one drawing)");
                        }
                        line.append((char) c);
                    }
                    c = in.read();
                }
            } catch (CharacterCodingException e) {
                throw new StrokeFileException(name, number, "is not UTF-8 text (a byte sequence that is not UTF-8"
                        + (line.isEmpty() ? "" : " after \"" + SafeText.excerpt(line.substring(Math.max(0, line.length() - 20))) + "\"")
                        + "); stroke files are JSON Lines in UTF-8");
            }
            return line.toString();
        }
    }

    /** Parses one line; public so that a tool reading lines one by one reports the same errors. */
    public static LabeledInk parseLine(String line, String name, int number) throws StrokeFileException {
        if (line.length() > MAX_LINE_CHARS) {
            throw new StrokeFileException(name, number, "the line is longer than "
                    + String.format(Locale.ROOT, "%,d", MAX_LINE_CHARS) + " characters (the limit for one drawing)");
        }
        Object parsed;
        try {
            parsed = Json.parse(line);
        } catch (Json.JsonException e) {
            throw new StrokeFileException(name, number, "not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> obj)) {
            throw new StrokeFileException(name, number, "expected a JSON object {\"strokes\": ...}, got " + kind(parsed));
        }
        Integer label = null;
        Object l = obj.get("label");
        if (LabeledInk.NOT_A_DIGIT_JSON.equals(l)) {
            label = LabeledInk.NOT_A_DIGIT;
        } else if (l != null) {
            if (!(l instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new StrokeFileException(name, number, "\"label\" must be a whole number 0-9 or \""
                        + LabeledInk.NOT_A_DIGIT_JSON + "\", got " + echo(l));
            }
            double v = n.doubleValue();
            if (v < 0 || v > 9) {
                throw new StrokeFileException(name, number, "\"label\" must be a digit 0-9 or \""
                        + LabeledInk.NOT_A_DIGIT_JSON + "\", got " + echo(l));
            }
            label = (int) v;
        }
        if (!obj.containsKey("strokes")) {
            throw new StrokeFileException(name, number, "missing \"strokes\"");
        }
        if (!(obj.get("strokes") instanceof List<?> strokes)) {
            throw new StrokeFileException(name, number, "\"strokes\" must be an array of strokes, got " + kind(obj.get("strokes")));
        }
        if (strokes.size() > MAX_STROKES) {
            throw new StrokeFileException(name, number, "the drawing has " + strokes.size() + " strokes; the limit is " + MAX_STROKES);
        }
        int total = 0;
        List<Stroke> ink = new ArrayList<>(strokes.size());
        for (int s = 0; s < strokes.size(); s++) {
            if (!(strokes.get(s) instanceof List<?> pts)) {
                throw new StrokeFileException(name, number, "stroke " + s + " must be an array of [x, y] points, got " + kind(strokes.get(s)));
            }
            if (pts.isEmpty()) {
                throw new StrokeFileException(name, number, "stroke " + s + " has no points");
            }
            if (pts.size() > MAX_POINTS_PER_STROKE) {
                throw new StrokeFileException(name, number, "stroke " + s + " has " + String.format(Locale.ROOT, "%,d", pts.size())
                        + " points; the limit is " + String.format(Locale.ROOT, "%,d", MAX_POINTS_PER_STROKE));
            }
            total += pts.size();
            if (total > MAX_POINTS_PER_DRAWING) {
                throw new StrokeFileException(name, number, "the drawing has more than "
                        + String.format(Locale.ROOT, "%,d", MAX_POINTS_PER_DRAWING) + " points (the limit)");
            }
            List<Point> points = new ArrayList<>(pts.size());
            for (int p = 0; p < pts.size(); p++) {
                points.add(point(pts.get(p), name, number, s, p));
            }
            ink.add(new Stroke(points));
        }
        return new LabeledInk(label, new Ink(ink));
    }

    private static Point point(Object o, String name, int number, int s, int p) throws StrokeFileException {
        String where = "stroke " + s + " point " + p;
        if (!(o instanceof List<?> xy) || xy.size() != 2) {
            throw new StrokeFileException(name, number, where + " must be [x, y], got " + echo(o));
        }
        if (!(xy.get(0) instanceof Number x) || !(xy.get(1) instanceof Number y)) {
            throw new StrokeFileException(name, number, where + " must hold two numbers, got " + echo(o));
        }
        double dx = x.doubleValue();
        double dy = y.doubleValue();
        if (!Double.isFinite(dx) || !Double.isFinite(dy) || Math.abs(dx) > MAX_COORDINATE || Math.abs(dy) > MAX_COORDINATE) {
            throw new StrokeFileException(name, number, where + " is [" + dx + ", " + dy
                    + "]; coordinates must be finite and within ±" + String.format(Locale.ROOT, "%,.0f", MAX_COORDINATE));
        }
        return new Point(dx, dy);
    }

    /** A value from the file, shortened for a message. */
    private static String echo(Object o) {
        return SafeText.excerpt(Json.write(o));
    }

    private static String kind(Object o) {
        if (o == null) {
            return "null";
        } else if (o instanceof Map) {
            return "an object";
        } else if (o instanceof List) {
            return "an array";
        } else if (o instanceof String) {
            return "a string";
        } else if (o instanceof Number) {
            return "a number";
        } else {
            return "a " + o.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One line of JSON (no newline) for a drawing; coordinates rounded to {@code decimals}. */
    public static String toLine(LabeledInk item, int decimals) {
        return toLine(item, decimals, Map.of());
    }

    /**
     * As {@link #toLine(LabeledInk, int)} with extra fields (such as a font or style name) that
     * readers ignore but people and reports can use.
     */
    public static String toLine(LabeledInk item, int decimals, Map<String, ?> extra) {
        StringBuilder sb = new StringBuilder("{");
        if (item.label() != null) {
            sb.append("\"label\":").append(Json.write(LabeledInk.toJson(item.label()))).append(',');
        }
        for (Map.Entry<String, ?> e : extra.entrySet()) {
            if (e.getKey().equals("label") || e.getKey().equals("strokes")) {
                throw new IllegalArgumentException("extra field may not be named " + e.getKey());
            }
            sb.append(Json.write(e.getKey())).append(':').append(Json.write(e.getValue())).append(',');
        }
        sb.append("\"strokes\":[");
        boolean firstStroke = true;
        for (Stroke s : item.ink().strokes()) {
            if (!firstStroke) {
                sb.append(',');
            }
            firstStroke = false;
            sb.append('[');
            boolean first = true;
            for (Point p : s.points()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append('[').append(format(p.x(), decimals)).append(',').append(format(p.y(), decimals)).append(']');
            }
            sb.append(']');
        }
        return sb.append("]}").toString();
    }

    private static String format(double v, int decimals) {
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        String s = d.toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** Writes the drawings atomically (temp file in the same folder, then rename). */
    public static void write(Path path, List<LabeledInk> items, int decimals) throws IOException {
        List<String> lines = new ArrayList<>(items.size());
        for (LabeledInk item : items) {
            lines.add(toLine(item, decimals));
        }
        writeLines(path, lines);
    }

    /** Writes ready-made lines (see {@link #toLine}) atomically, one per line. */
    public static void writeLines(Path path, List<String> lines) throws IOException {
        AtomicFiles.deleteStale(path, java.time.Duration.ofMinutes(10)); // left by a save killed mid-write
        AtomicFiles.write(path, out -> {
            BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
            w.flush();
        });
    }

    public static void write(Path path, List<LabeledInk> items) throws IOException {
        write(path, items, 2);
    }
}
