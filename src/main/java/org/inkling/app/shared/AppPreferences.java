package org.inkling.app.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inkling.base.AtomicFiles;
import org.inkling.json.Json;

/**
 * What the app remembers between runs: theme, window, the training form, the last model and the
 * recent model files, in {@code preferences.json} in the platform's config folder
 * ({@link org.inkling.base.UserFolders#config()}). The file is the person's, so it is read as
 * untrusted: bounded in size and nesting before parsing, every value checked for its type, and a
 * damaged file means the defaults (with {@link #problem()} saying why), never a failed start.
 * Saved atomically ({@link AtomicFiles}).
 */
public final class AppPreferences {
    public static final String FILE_NAME = "preferences.json";
    static final long MAX_BYTES = 64 * 1024;
    static final int MAX_NESTING = 8;
    static final int MAX_RECENT = 8;
    static final int MAX_TEXT = 1024;

    private final Path file;
    private boolean dark;
    /** x, y, width, height; null until a window was saved. */
    private double[] window;
    private boolean maximized;
    private final Map<String, String> form = new LinkedHashMap<>();
    private Path lastModel;
    private final List<Path> recent = new ArrayList<>();
    private String problem;

    private AppPreferences(Path file) {
        this.file = file;
    }

    /** Preferences kept nowhere (tests, or a config folder that cannot be written). */
    public static AppPreferences inMemory() {
        return new AppPreferences(null);
    }

    /** Reads {@code file}; missing means defaults, damaged means defaults and {@link #problem()}. */
    public static AppPreferences load(Path file) {
        AppPreferences p = new AppPreferences(file);
        try {
            if (Files.size(file) > MAX_BYTES) {
                p.problem = file + ": larger than " + MAX_BYTES / 1024 + " KB, not a preferences file; using defaults";
                return p;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (nesting(text) > MAX_NESTING) {
                p.problem = file + ": nested deeper than any preferences file; using defaults";
                return p;
            }
            p.read(Json.parseObject(text));
        } catch (NoSuchFileException e) {
            // First run.
        } catch (IOException e) {
            p.problem = file + ": cannot be read (" + e.getMessage() + "); using defaults";
        } catch (RuntimeException e) {
            p.problem = file + ": not valid preferences (" + e.getMessage() + "); using defaults";
        }
        return p;
    }

    /** Deepest bracket nesting outside strings; checked before the recursive parser sees the text. */
    static int nesting(String text) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return max;
    }

    private void read(Map<String, Object> m) {
        dark = m.get("dark") instanceof Boolean b && b;
        if (m.get("window") instanceof List<?> w && w.size() == 4 && w.stream().allMatch(v -> v instanceof Number)) {
            double[] v = w.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
            if (v[2] > 0 && v[3] > 0 && v[2] < 100_000 && v[3] < 100_000 && Math.abs(v[0]) < 100_000
                    && Math.abs(v[1]) < 100_000) {
                window = v;
            }
        }
        maximized = m.get("maximized") instanceof Boolean b && b;
        if (m.get("form") instanceof Map<?, ?> f) {
            f.forEach((k, v) -> {
                if (k instanceof String key && v instanceof String value && value.length() <= MAX_TEXT
                        && form.size() < 32) {
                    form.put(key, value);
                }
            });
        }
        lastModel = path(m.get("last_model"));
        if (m.get("recent") instanceof List<?> r) {
            r.stream().map(AppPreferences::path).filter(p -> p != null).limit(MAX_RECENT).forEach(recent::add);
        }
    }

    private static Path path(Object v) {
        if (!(v instanceof String s) || s.isBlank() || s.length() > MAX_TEXT) {
            return null;
        }
        try {
            return Path.of(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Writes the file atomically; does nothing for in-memory preferences. */
    public void save() throws IOException {
        if (file == null) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dark", dark);
        if (window != null) {
            m.put("window", List.of(window[0], window[1], window[2], window[3]));
        }
        m.put("maximized", maximized);
        m.put("form", new LinkedHashMap<>(form));
        m.put("last_model", lastModel == null ? null : lastModel.toString());
        m.put("recent", recent.stream().map(Path::toString).toList());
        byte[] bytes = Json.writePretty(m).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    public Path file() { return file; }
    /** Why the file was not used, or null. */
    public String problem() { return problem; }
    public boolean dark() { return dark; }
    public void setDark(boolean dark) { this.dark = dark; }
    public double[] window() { return window == null ? null : window.clone(); }
    public void setWindow(double x, double y, double width, double height) { window = new double[] {x, y, width, height}; }
    public boolean maximized() { return maximized; }
    public void setMaximized(boolean maximized) { this.maximized = maximized; }
    public Map<String, String> form() { return Map.copyOf(form); }
    public void setForm(Map<String, String> values) { form.clear(); form.putAll(values); }
    public Path lastModel() { return lastModel; }
    public void setLastModel(Path file) { lastModel = file; }
    public List<Path> recent() { return List.copyOf(recent); }
    public void setRecent(List<Path> files) { recent.clear(); files.stream().limit(MAX_RECENT).forEach(recent::add); }
}
