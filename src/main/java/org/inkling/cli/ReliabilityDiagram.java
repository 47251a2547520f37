package org.inkling.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.inkling.base.AtomicFiles;
import org.inkling.nn.Calibration.Reliability;

/** Draws reliability diagrams (accuracy against stated confidence per bin) side by side into a PNG. */
final class ReliabilityDiagram {
    private static final int PANEL = 360, MARGIN = 48;

    private ReliabilityDiagram() {}

    static void write(Path out, String[] titles, Reliability[] panels) throws IOException {
        int w = panels.length * (PANEL + MARGIN) + MARGIN, h = PANEL + 2 * MARGIN + 40;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        for (int k = 0; k < panels.length; k++) {
            panel(g, MARGIN + k * (PANEL + MARGIN), MARGIN, titles[k], panels[k]);
        }
        g.dispose();
        AtomicFiles.write(out, o -> {
            if (!ImageIO.write(img, "png", o)) throw new IOException("no PNG writer");
        });
    }

    private static void panel(Graphics2D g, int x0, int y0, String title, Reliability r) {
        int bins = r.bins();
        double bw = PANEL / (double) bins;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.BLACK);
        g.drawString(title, x0, y0 - 26);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(String.format(Locale.ROOT, "expected calibration error %.2f%%", 100 * r.ece()), x0, y0 - 8);
        for (int b = 0; b < bins; b++) {
            if (r.count()[b] == 0) continue;
            int bx = (int) Math.round(x0 + b * bw), bwid = (int) Math.round(bw) - 2;
            int acc = (int) Math.round(r.accuracy()[b] * PANEL);
            g.setColor(new Color(0x3b75af));
            g.fillRect(bx + 1, y0 + PANEL - acc, bwid, acc);
            // A bar reaching the diagonal is honest; the orange mark is the confidence the bin stated.
            int conf = (int) Math.round(r.confidence()[b] * PANEL);
            g.setColor(new Color(0xe0, 0x80, 0x20));
            g.fillRect(bx + 1, y0 + PANEL - conf - 1, bwid, 3);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
            String n = Integer.toString(r.count()[b]);
            g.drawString(n, bx + 1 + (bwid - g.getFontMetrics().stringWidth(n)) / 2, y0 + PANEL - Math.max(acc, conf) - 4);
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4}, 0));
        g.drawLine(x0, y0 + PANEL, x0 + PANEL, y0);
        g.setStroke(new BasicStroke(1));
        g.setColor(Color.BLACK);
        g.drawRect(x0, y0, PANEL, PANEL);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int t = 0; t <= 4; t++) {
            String s = String.format(Locale.ROOT, "%.2f", t / 4.0);
            g.drawString(s, x0 + t * PANEL / 4 - 10, y0 + PANEL + 14);
            g.drawString(s, x0 - 30, y0 + PANEL - t * PANEL / 4 + 4);
        }
        g.drawString("confidence (bins of the top probability)", x0 + 60, y0 + PANEL + 30);
        g.drawString("bars: accuracy; orange: stated confidence; numbers: images", x0, y0 + PANEL + 46);
    }
}
