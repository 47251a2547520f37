package org.inkling.ink;

/**
 * The one way a drawing becomes network input, shared by the app and the command line. Stateless and
 * thread-safe: the app may call it from the FX thread while training renders on others.
 */
public final class InkRenderer {
    private static final MnistNormalizer DEFAULT = new MnistNormalizer();

    private InkRenderer() {}

    /** 784 grey levels in 0..1, row-major 28x28, MNIST-normalised; all zeros for empty ink. */
    public static float[] toMnist(Ink ink) {
        return DEFAULT.normalize(ink);
    }

    /** As {@link #toMnist(Ink)} with another pen width (a fraction of the digit's larger side). */
    public static float[] toMnist(Ink ink, double penFraction) {
        return new MnistNormalizer(penFraction, MnistNormalizer.DEFAULT_SUPERSAMPLE).normalize(ink);
    }
}
