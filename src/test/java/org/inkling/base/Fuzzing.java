package org.inkling.base;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every parser's fuzz target demands of an error: a short message without control characters. */
public final class Fuzzing {
    /**
     * The lines only a Java stack trace prints ({@link Throwable#printStackTrace}): a frame
     * ({@code \tat java.base/java.lang.Thread.run(Thread.java:1583)}), {@code \t... 3 more}, or a
     * qualified class name ending in Exception or Error at the start of a line (the first line, a
     * cause). Its named groups hold the part that identifies the line.
     */
    private static final Pattern TRACE_LINE = Pattern.compile("^(?:"
            + "\\t(?<frame>at [\\w.$@/<>-]+\\.[\\w$<>]+\\((?:[\\w$.-]+\\.java(?::\\d+)?|Native Method|Unknown Source)\\))"
            + "|\\t(?<more>\\.\\.\\. \\d+ more)"
            + "|(?:Caused by: |Exception in thread \"[^\"\\n]*\" )?(?<type>(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error))(?::.*)?"
            + ")$", Pattern.MULTILINE);

    private Fuzzing() {}

    /**
     * What identifies each line of {@code text} that belongs to a Java stack trace: the frame
     * ({@code at org.inkling.X.y(X.java:3)}), the {@code ... N more} or the exception's class name;
     * empty when the text holds no trace.
     */
    public static List<String> stackTraceLines(String text) {
        List<String> keys = new ArrayList<>();
        Matcher m = TRACE_LINE.matcher(text.replace("\r\n", "\n"));
        while (m.find()) {
            String key = m.group("frame") != null ? m.group("frame") : m.group("more") != null ? m.group("more") : m.group("type");
            keys.add(key);
        }
        return keys;
    }

    /**
     * Throws (a finding for the fuzzer) when {@code message} is missing, longer than {@code maxLength}
     * or holds a control character other than a line break (terminal escapes, NULs...).
     */
    public static void checkMessage(String message, int maxLength) {
        if (message == null || message.isBlank()) throw new AssertionError("an error without a message");
        if (message.length() > maxLength) {
            throw new AssertionError("a message of " + message.length() + " characters: " + SafeText.excerpt(message, 200));
        }
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c != '\n' && Character.getType(c) == Character.CONTROL) {
                throw new AssertionError("a control character " + (int) c + " in the message: " + SafeText.excerpt(message, 200));
            }
        }
    }
}
