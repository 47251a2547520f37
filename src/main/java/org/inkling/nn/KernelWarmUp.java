package org.inkling.nn;

import java.util.SplittableRandom;

/**
 * Trains a throw-away multilayer network for a few batches of made-up digits, so that the JIT has
 * compiled the training kernels (the products' paths, the optimiser, the batch copy) before a
 * person's first run needs them. In a fresh JVM the first epoch of {@code inkling bench --arch 512}
 * is several times slower than the next ones while C2 compiles the Vector API kernels; after this,
 * a first epoch starts on compiled code.
 *
 * <p>Nothing shared is touched: its own model, optimiser and examples, dropped at the end. It uses
 * the engine's threads as set ({@link Engine#threads()}); a caller that must leave a core free sets
 * that first, as the app does for training. Cancelling the control ends it after the batch in hand.
 */
public final class KernelWarmUp {
    /**
     * Batches of 128 that are trained: enough for C2 to have compiled every kernel of the first
     * epoch's steady state (measured with {@code inkling bench --warm-up}), a fraction of a second
     * of work once compiled.
     */
    static final int BATCHES = 160;
    private static final int BATCH = 128;
    /** Made-up images cycled through: enough for a shuffle to differ between epochs. */
    private static final int IMAGES = 8 * BATCH;
    private static final int SIDE = 28;

    private KernelWarmUp() {}

    /**
     * Runs the warm-up on the calling thread (and the engine's workers); returns its wall time in
     * seconds. Both networks the Train view offers by default are exercised: 784-512-10 and the
     * deeper 784-512-512-10 (whose second layer takes the dense paths).
     */
    public static double run(TrainingControl control) {
        return run(control == null ? new TrainingControl() : control, (TrainingListener) null);
    }

    /**
     * Batches of 128 that the convolutional warm-up trains: enough for C2 to have compiled the
     * convolutions' and pooling's kernels. Measured with {@code inkling bench --arch cnn --warm-up},
     * alternated with cold runs at load 9-17: after 64 batches the first epoch took 0.9-1.7 times
     * the second, after 128 no less (1.0-2.1), cold 2.2-3.0 times.
     */
    static final int IMAGE_BATCHES = 64;

    /**
     * As {@link #run(TrainingControl)} for the network {@code architecture} names (see
     * {@link Architectures}): when it has convolutions or pooling, a throw-away copy of it is trained
     * for {@link #IMAGE_BATCHES} batches of the made-up digits, first with Adam (the built-in CNN
     * recipe's optimiser) and then with RMSprop, since the dense warm-up compiles neither the
     * convolutions nor the pooling; otherwise the dense warm-up runs.
     *
     * @throws IllegalArgumentException when {@code architecture} is not one
     */
    public static double run(TrainingControl control, String architecture) {
        return run(control == null ? new TrainingControl() : control, architecture, null);
    }

    static double run(TrainingControl control, String architecture, TrainingListener listener) {
        if (!Architectures.hasImageLayers(architecture)) {
            return run(control, listener);
        }
        long start = System.nanoTime();
        Examples digits = madeUpDigits(new SplittableRandom(17));
        int epochs = Math.max(1, IMAGE_BATCHES / 2 / (IMAGES / BATCH));
        for (Optimizer optimizer : new Optimizer[] {new Adam(), new RmsProp()}) {
            if (control.isCancelled()) break;
            Sequential model = Architectures.build(architecture, SIDE * SIDE, Activation.RELU, 10, 1);
            Trainer.fit(model, optimizer, Losses.SPARSE_CATEGORICAL_CROSSENTROPY, digits, TrainConfig.of(epochs, BATCH, 1), listener, control);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** As {@link #run(TrainingControl)}, telling {@code listener} of every batch. */
    static double run(TrainingControl control, TrainingListener listener) {
        long start = System.nanoTime();
        Examples digits = madeUpDigits(new SplittableRandom(17));
        int epochs = BATCHES / (IMAGES / BATCH);
        int[][] hidden = {{512}, {512, 512}};
        for (int[] h : hidden) {
            if (control.isCancelled()) break;
            Sequential model = Sequential.mlp(SIDE * SIDE, h, Activation.RELU, 10, 1);
            Trainer.fit(model, new RmsProp(), Losses.SPARSE_CATEGORICAL_CROSSENTROPY, digits,
                    TrainConfig.of(h.length == 1 ? epochs : Math.max(1, epochs / 2), BATCH, 1), listener, control);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Images with MNIST's kind of blankness (a 20x20 box of strokes in a 28x28 frame, about a fifth
     * of the pixels inked), so that the products take the same paths as on real digits: the
     * two-row path for blank inputs, blank panels skipped in the weight gradient.
     */
    static Examples madeUpDigits(SplittableRandom rng) {
        float[] pixels = new float[IMAGES * SIDE * SIDE];
        int[] labels = new int[IMAGES];
        for (int i = 0; i < IMAGES; i++) {
            labels[i] = i % 10;
            int off = i * SIDE * SIDE;
            for (int stroke = 0; stroke < 3; stroke++) {
                double r0 = 4 + rng.nextDouble() * 20, c0 = 4 + rng.nextDouble() * 20;
                double r1 = 4 + rng.nextDouble() * 20, c1 = 4 + rng.nextDouble() * 20;
                for (int t = 0; t <= 40; t++) {
                    int r = (int) Math.round(r0 + (r1 - r0) * t / 40), c = (int) Math.round(c0 + (c1 - c0) * t / 40);
                    for (int dr = 0; dr < 2; dr++) {
                        for (int dc = 0; dc < 2; dc++) {
                            pixels[off + (r + dr) * SIDE + c + dc] = 0.5f + 0.5f * (float) rng.nextDouble();
                        }
                    }
                }
            }
        }
        return new Examples() {
            @Override
            public int size() {
                return IMAGES;
            }

            @Override
            public int inputSize() {
                return SIDE * SIDE;
            }

            @Override
            public int label(int i) {
                return labels[i];
            }

            @Override
            public void copyInput(int i, float[] dst, int offset) {
                System.arraycopy(pixels, i * SIDE * SIDE, dst, offset, SIDE * SIDE);
            }
        };
    }
}
