package org.inkling.base;

/** What every parser's fuzz target demands of an error: a short message without control characters. */
public final class Fuzzing {
    private Fuzzing() {}

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
