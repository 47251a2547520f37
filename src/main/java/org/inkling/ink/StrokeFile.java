package org.inkling.ink;

import org.inkling.base.AtomicFiles;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.inkling.json.Json;

/**
 * Stroke files: JSON Lines, one drawing per line, {@code {"label": 7, "strokes": [[[x, y], ...], ...]}}.
 *
 * <p>{@code label} is optional (or null); other fields are ignored so that tools can add their own
 * (a writer id, a style name); blank lines are skipped. Anything else wrong stops the read with a
 * {@link StrokeFileException} naming the file and the 1-based line, because a silently dropped
 * drawing would skew an accuracy measured on the file.
 */
public final class StrokeFile {
    private StrokeFile() {}

    public static List<LabeledInk> read(Path path) throws StrokeFileException {
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(r, path.toString());
        } catch (NoSuchFileException e) {
            throw new StrokeFileException(path.toString(), "no such file", e);
        } catch (StrokeFileException e) {
            throw e;
        } catch (IOException | UncheckedIOException e) {
            throw new StrokeFileException(path.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads from a stream (e.g. a classpath resource); {@code name} is used in error messages. */
    public static List<LabeledInk> read(InputStream in, String name) throws StrokeFileException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return read(r, name);
        } catch (StrokeFileException e) {
            throw e;
        } catch (IOException | UncheckedIOException e) {
            throw new StrokeFileException(name, "cannot read: " + e.getMessage(), e);
        }
    }

    public static List<LabeledInk> read(Reader reader, String name) throws IOException {
        BufferedReader r = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<LabeledInk> out = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = r.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                continue;
            }
            out.add(parseLine(line, name, number));
        }
        return out;
    }

    /** Parses one line; public so that a tool reading lines one by one reports the same errors. */
    public static LabeledInk parseLine(String line, String name, int number) throws StrokeFileException {
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
        if (l != null) {
            if (!(l instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new StrokeFileException(name, number, "\"label\" must be a whole number 0-9, got " + Json.write(l));
            }
            double v = n.doubleValue();
            if (v < 0 || v > 9) {
                throw new StrokeFileException(name, number, "\"label\" must be a digit 0-9, got " + Json.write(l));
            }
            label = (int) v;
        }
        if (!obj.containsKey("strokes")) {
            throw new StrokeFileException(name, number, "missing \"strokes\"");
        }
        if (!(obj.get("strokes") instanceof List<?> strokes)) {
            throw new StrokeFileException(name, number, "\"strokes\" must be an array of strokes, got " + kind(obj.get("strokes")));
        }
        List<Stroke> ink = new ArrayList<>(strokes.size());
        for (int s = 0; s < strokes.size(); s++) {
            if (!(strokes.get(s) instanceof List<?> pts)) {
                throw new StrokeFileException(name, number, "stroke " + s + " must be an array of [x, y] points, got " + kind(strokes.get(s)));
            }
            if (pts.isEmpty()) {
                throw new StrokeFileException(name, number, "stroke " + s + " has no points");
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
            throw new StrokeFileException(name, number, where + " must be [x, y], got " + Json.write(o));
        }
        if (!(xy.get(0) instanceof Number x) || !(xy.get(1) instanceof Number y)) {
            throw new StrokeFileException(name, number, where + " must hold two numbers, got " + Json.write(o));
        }
        double dx = x.doubleValue();
        double dy = y.doubleValue();
        if (!Double.isFinite(dx) || !Double.isFinite(dy)) {
            throw new StrokeFileException(name, number, where + " is not finite: " + Json.write(o));
        }
        return new Point(dx, dy);
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
            sb.append("\"label\":").append(item.label()).append(',');
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
