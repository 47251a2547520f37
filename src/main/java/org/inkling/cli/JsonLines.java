package org.inkling.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.inkling.json.Json;

/** The {@code --json} output: one compact JSON object per line, flushed at once so pipes see progress. */
final class JsonLines {
    private final PrintStream out;

    JsonLines(PrintStream out) {
        this.out = out;
    }

    void emit(Map<String, ?> object) {
        out.println(Json.write(object));
        out.flush();
    }

    void summary(Map<String, ?> summary) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("summary", summary);
        emit(m);
    }
}
