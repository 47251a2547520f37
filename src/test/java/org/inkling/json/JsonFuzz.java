package org.inkling.json;

import org.inkling.base.Fuzzing;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link Json#parse}: any text either parses or fails with a {@link Json.JsonException} whose
 * message is short and free of control characters. Anything else (a stack overflow, another
 * exception, an error) is a finding. Long run: README, "Fuzzing".
 */
public class JsonFuzz {
    /** The target, also for Jazzer's own driver (the long run). */
    public static void fuzzerTestOneInput(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            Json.parse(text);
        } catch (Json.JsonException e) {
            Fuzzing.checkMessage(e.getMessage(), 300);
        }
    }
}
