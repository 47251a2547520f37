package org.inkling.nn;

import java.util.List;
import java.util.Map;

/**
 * Updates parameters from their gradients, with Keras' update rules and defaults.
 *
 * <p>Order of calls (fixed): {@link #init} once with the model's parameters (allocates the slot
 * arrays, zeroed); then {@link #step} once per batch, after the backward pass has written every
 * gradient; {@link #reset} forgets the slots and the step count so the optimiser can start a new
 * run. An optimiser belongs to one training thread.
 */
public interface Optimizer {
    void init(List<Param> params);

    /** Applies one update to every parameter, then counts the iteration. */
    void step();

    void reset();

    /** Steps taken since init/reset (Keras' {@code iterations}). */
    long iterations();

    /** The rate the next {@link #step} uses (the initial rate unless a schedule has changed it). */
    double learningRate();

    /** The rate given at construction; {@link #config()} records it, {@link #init}/{@link #reset} restore it. */
    double initialLearningRate();

    /**
     * Sets the rate for the following steps (a learning-rate schedule calls this before each step);
     * allocates nothing. Weight decay scales with it too, as in Keras.
     *
     * @throws IllegalArgumentException if {@code rate} is negative, NaN or infinite
     */
    void setLearningRate(double rate);

    /** Keras name: sgd, rmsprop, adam. */
    String kerasName();

    /** Name and hyper-parameters (with the initial learning rate), as recorded in model files. */
    Map<String, Object> config();
}
