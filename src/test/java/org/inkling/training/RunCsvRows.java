package org.inkling.training;

import java.util.ArrayList;
import java.util.List;

/** Reads {@link RunCsv}'s table back (RFC 4180 quoting), for the tests that check an export. */
public final class RunCsvRows {
    public record Row(int run, String label, double epoch, long step, String metric, double value) {}

    private RunCsvRows() {}

    public static List<Row> parse(String text) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.getFirst().equals(RunCsv.HEADER)) {
            throw new IllegalArgumentException("not a runs table: " + (lines.isEmpty() ? "empty" : lines.getFirst()));
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            if (f.size() != 6) {
                throw new IllegalArgumentException("expected 6 fields: " + line);
            }
            rows.add(new Row(Integer.parseInt(f.get(0)), f.get(1), Double.parseDouble(f.get(2)),
                    Long.parseLong(f.get(3)), f.get(4), Double.parseDouble(f.get(5))));
        }
        return rows;
    }

    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
