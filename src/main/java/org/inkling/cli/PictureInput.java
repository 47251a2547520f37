package org.inkling.cli;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.inkling.base.Inputs;
import org.inkling.base.SafeText;
import org.inkling.ink.MnistNormalizer;

/**
 * Turns a picture of a digit into the 28x28 input: a 28x28 grey image is taken as it is (white
 * ink on black, like MNIST); anything else is read as ink on a plain background (either polarity),
 * cropped to the ink, fitted into 20x20 and centred by its centre of mass, as MNIST was made.
 */
final class PictureInput {
    /** A picture file on disk. */
    static final long MAX_FILE_BYTES = 64L << 20;
    /** Width or height; a phone photo is about 4000 pixels wide. */
    static final int MAX_SIDE = 8192;
    /** Pixels in all: 64 MB decoded, as much again for the grey copy. */
    static final long MAX_PIXELS = 16L << 20;

    private PictureInput() {}

    static float[] read(Path file) throws IOException {
        try {
            Inputs.checkRegularFile(file, MAX_FILE_BYTES, "a picture");
        } catch (Inputs.InputException e) {
            throw new CliException(e.getMessage(), e);
        }
        BufferedImage img = decode(file);
        int w = img.getWidth();
        int h = img.getHeight();
        float[] grey = new float[w * h];
        double border = 0;
        int borderCount = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = img.getRGB(x, y);
                double alpha = ((rgb >>> 24) & 0xff) / 255.0;
                double lum = (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff)) / 255.0;
                // transparent pixels count as background of the opposite colour of the ink
                grey[y * w + x] = (float) (lum * alpha + (img.getColorModel().hasAlpha() ? (1 - alpha) : 0));
                if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                    border += grey[y * w + x];
                    borderCount++;
                }
            }
        }
        if (border / borderCount > 0.5) { // dark ink on light paper: flip to MNIST's polarity
            for (int i = 0; i < grey.length; i++) grey[i] = 1 - grey[i];
        }
        if (w == 28 && h == 28) return grey;
        return fitLikeMnist(grey, w, h);
    }

    /** Reads the size from the header first, and decodes only a picture within the limits. */
    private static BufferedImage decode(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) throw new CliException(file + ": cannot be read");
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new CliException(file + ": not an image format Inkling reads (use PNG, JPEG, GIF or BMP)");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
                    throw new CliException(String.format(Locale.ROOT, "%s: the picture is %,dx%,d pixels; the limit is %,d on a side and %,d pixels in all",
                            file, w, h, MAX_SIDE, MAX_PIXELS));
                }
                return reader.read(0);
            } catch (CliException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                // the JDK's decoders throw unchecked exceptions on some damaged files
                throw new CliException(file + ": cannot read the image (" + SafeText.excerpt(String.valueOf(e.getMessage())) + ")", e);
            } finally {
                reader.dispose();
            }
        }
    }

    private static float[] fitLikeMnist(float[] grey, int w, int h) {
        int minX = w, minY = h, maxX = -1, maxY = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (grey[y * w + x] > 0.1f) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        float[] out = new float[org.inkling.base.DigitGeometry.PIXELS];
        if (maxX < 0) return out;
        int bw = maxX - minX + 1;
        int bh = maxY - minY + 1;
        double scale = 20.0 / Math.max(bw, bh);
        int tw = Math.max(1, (int) Math.round(bw * scale));
        int th = Math.max(1, (int) Math.round(bh * scale));
        BufferedImage src = new BufferedImage(bw, bh, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                int v = Math.round(Math.min(1f, Math.max(0f, grey[(y + minY) * w + x + minX])) * 255);
                src.getRaster().setSample(x, y, 0, v);
            }
        }
        BufferedImage small = new BufferedImage(tw, th, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src.getScaledInstance(tw, th, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        float[] box = new float[tw * th];
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) box[y * tw + x] = small.getRaster().getSample(x, y, 0) / 255f;
        }
        double[] com = MnistNormalizer.centerOfMass(box, tw, th);
        int ox = (int) Math.round(14 - com[0]);
        int oy = (int) Math.round(14 - com[1]);
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                int tx = x + ox;
                int ty = y + oy;
                if (tx >= 0 && tx < 28 && ty >= 0 && ty < 28) out[ty * 28 + tx] = box[y * tw + x];
            }
        }
        return out;
    }
}
