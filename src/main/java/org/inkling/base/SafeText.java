package org.inkling.base;

import java.util.Locale;

/**
 * Untrusted text (a value from a file, a zip entry name, an argument) made fit for an error message:
 * at most a short excerpt, with control and formatting characters written as {@code \\uXXXX} so
 * that a file cannot flood the terminal, move its cursor or recolour it (ANSI escapes), or reorder
 * what follows (bidirectional overrides).
 */
public final class SafeText {
    /** Characters of untrusted text a message shows by default. */
    public static final int EXCERPT = 60;

    private SafeText() {}

    /** {@code text} cut to {@value #EXCERPT} characters, control characters escaped. */
    public static String excerpt(CharSequence text) {
        return excerpt(text, EXCERPT);
    }

    /**
     * {@code text} with control and invisible formatting characters escaped, cut so that at most
     * {@code max} characters are shown ({@code "..."} and the full length appended when cut);
     * {@code "null"} for null.
     */
    public static String excerpt(CharSequence text, int max) {
        if (text == null) return "null";
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 32);
        int i = 0;
        while (i < text.length()) {
            int cp = Character.codePointAt(text, i);
            String shown = unsafe(cp) ? String.format(Locale.ROOT, "\\u%04x", cp) : Character.toString(cp);
            if (sb.length() + shown.length() > max) break;
            sb.append(shown);
            i += Character.charCount(cp);
        }
        if (i < text.length()) {
            sb.append("... (").append(String.format(Locale.ROOT, "%,d", text.length())).append(" characters)");
        }
        return sb.toString();
    }

    /**
     * {@code text} whole, its line breaks and tabs kept, every other control or invisible formatting
     * character escaped: a message that may quote an argument or a file, made safe to print on a
     * terminal ({@code "null"} for null).
     */
    public static String forTerminal(CharSequence text) {
        if (text == null) return "null";
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            if (cp != '\n' && cp != '\t' && unsafe(cp)) sb.append(String.format(Locale.ROOT, "\\u%04x", cp));
            else sb.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** Any value's {@link String#valueOf} as an {@link #excerpt}. */
    public static String excerpt(Object value) {
        return excerpt(String.valueOf(value));
    }

    private static boolean unsafe(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE;
    }

    /** A byte count for people: {@code "700 MB"}, {@code "12 KB"}, {@code "17 bytes"}. */
    public static String bytes(long n) {
        if (n >= 10L << 20) return String.format(Locale.ROOT, "%,d MB", n >> 20);
        if (n >= 10L << 10) return String.format(Locale.ROOT, "%,d KB", n >> 10);
        return String.format(Locale.ROOT, "%,d bytes", n);
    }
}
