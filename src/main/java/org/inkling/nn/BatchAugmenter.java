package org.inkling.nn;

import java.util.random.RandomGenerator;

/**
 * Changes a batch of inputs in place before the network sees it (random distortions for training).
 * The trainer hands it a generator derived from the run's seed, so a run is reproducible.
 */
@FunctionalInterface
public interface BatchAugmenter {
    /** Augments {@code rows} inputs of {@code cols} values each, stored row after row in {@code x}. */
    void augment(float[] x, int rows, int cols, RandomGenerator rng);
}
