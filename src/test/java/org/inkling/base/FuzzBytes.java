package org.inkling.base;

/**
 * Choices drawn from a fuzzer's bytes, front to back, so that a target taking {@code byte[]} can build
 * structured input (a command line) and any saved input replays the same way in a plain JUnit run
 * ({@code FuzzCorpusTest}); Jazzer's own FuzzedDataProvider needs its native driver to replay.
 * When the bytes run out every choice is the first one (0, false, "").
 */
public final class FuzzBytes {
    private final byte[] data;
    private int at;

    public FuzzBytes(byte[] data) {
        this.data = data;
    }

    private int next() {
        return at < data.length ? data[at++] & 0xFF : 0;
    }

    /** A whole number in {@code 0..max} (max at most 255). */
    public int upTo(int max) {
        return next() % (max + 1);
    }

    public boolean bool() {
        return (next() & 1) == 1;
    }

    public String pick(String[] values) {
        return values[next() % values.length];
    }

    /**
     * Text of at most {@code max} characters: a byte below 0x80 is that ASCII character (control
     * characters included); a higher byte and the next one make one UTF-16 unit, so escapes, bidi
     * overrides, unpaired surrogates and every other BMP character can appear.
     */
    public String string(int max) {
        int length = upTo(max);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length && at < data.length; i++) {
            int b = next();
            sb.append(b < 0x80 ? (char) b : (char) ((b & 0x7F) << 8 | next()));
        }
        return sb.toString();
    }
}
