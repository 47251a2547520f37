package org.inkling.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A Keras-style progress line, {@code  120/469 [=====>........] - ETA: 4s - loss: 0.3121 - accuracy: 0.9077},
 * redrawn in place on a terminal and printed once at the end when the output is a file or a pipe,
 * so logs stay readable.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private long lastDraw;
    private int lastLength;

    ProgressBar(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    static ProgressBar forStdout() {
        return new ProgressBar(System.out, isTerminal());
    }

    static ProgressBar forStderr() {
        return new ProgressBar(System.err, isTerminal());
    }

    private static boolean isTerminal() {
        return System.console() != null && System.console().isTerminal();
    }

    /** Draws the bar if the terminal is interactive and the last draw is old enough (or {@code done == total}). */
    void update(long done, long total, double elapsedSeconds, String metrics) {
        if (!interactive) return;
        long now = System.nanoTime();
        if (done < total && now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        String line = render(done, total, elapsedSeconds, metrics, done < total);
        String pad = line.length() < lastLength ? " ".repeat(lastLength - line.length()) : "";
        out.print("\r" + line + pad);
        out.flush();
        lastLength = line.length();
    }

    /** Ends the bar with its final state and a newline. */
    void finish(long total, double elapsedSeconds, String metrics) {
        String line = render(total, total, elapsedSeconds, metrics, false);
        out.print((interactive ? "\r" : "") + line + (interactive && line.length() < lastLength ? " ".repeat(lastLength - line.length()) : "") + "\n");
        out.flush();
        lastLength = 0;
    }

    static String render(long done, long total, double elapsedSeconds, String metrics, boolean showEta) {
        int digits = Long.toString(total).length();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%" + digits + "d/%d [", done, total));
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        for (int i = 0; i < WIDTH; i++) {
            sb.append(i < filled - 1 || (i == filled - 1 && done == total) ? '=' : i == filled - 1 ? '>' : '.');
        }
        sb.append(']');
        if (showEta && done > 0) {
            double eta = elapsedSeconds * (total - done) / done;
            sb.append(" - ETA: ").append(formatSeconds(eta));
        } else {
            sb.append(" - ").append(formatSeconds(elapsedSeconds));
        }
        if (metrics != null && !metrics.isEmpty()) sb.append(" - ").append(metrics);
        return sb.toString();
    }

    static String formatSeconds(double s) {
        if (s < 1) return String.format(Locale.ROOT, "%dms", Math.round(s * 1000));
        if (s < 60) return String.format(Locale.ROOT, "%.1fs", s);
        long m = (long) (s / 60);
        return String.format(Locale.ROOT, "%dm%02ds", m, Math.round(s - 60 * m));
    }
}
