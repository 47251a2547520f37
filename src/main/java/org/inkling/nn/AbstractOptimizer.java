package org.inkling.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.inkling.nn.kernel.Parallel;

/**
 * The bookkeeping every optimiser shares: parameters, slots, the step count and Keras 3's decoupled
 * weight decay, which runs before the update, in the same pass:
 * <pre>{@code w = w - w * weight_decay * lr}</pre>
 */
abstract class AbstractOptimizer implements Optimizer {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    /** The rate given at construction: what {@link #config()} records and {@link #reset()} restores. */
    private final float initialLr;
    /** The rate the next step uses; a schedule changes it between steps via {@link #setLearningRate}. */
    protected float lr;
    protected final float weightDecay;
    private final int slotsPerParam;
    private List<Param> params = List.of();
    private final List<float[][]> slots = new ArrayList<>();
    private long iterations;

    AbstractOptimizer(double lr, double weightDecay, int slotsPerParam) {
        this.initialLr = (float) check("learning_rate", lr, lr > 0 && Double.isFinite(lr), "> 0");
        this.lr = initialLr;
        this.weightDecay = (float) check("weight_decay", weightDecay, weightDecay >= 0 && Double.isFinite(weightDecay), ">= 0");
        this.slotsPerParam = slotsPerParam;
    }

    /** Rejects a hyper-parameter with a message naming it, the value received and the range. */
    static double check(String name, double value, boolean ok, String range) {
        if (!ok) {
            throw new IllegalArgumentException("`" + name + "` must be " + range + ", got " + value);
        }
        return value;
    }

    @Override
    public void init(List<Param> params) {
        this.params = List.copyOf(params);
        slots.clear();
        for (Param p : this.params) {
            float[][] s = new float[slotsPerParam][];
            for (int i = 0; i < slotsPerParam; i++) s[i] = new float[p.size()];
            slots.add(s);
        }
        iterations = 0;
        lr = initialLr;
    }

    @Override
    public void step() {
        if (params.isEmpty()) throw new IllegalStateException("call init(params) before step()");
        prepareStep(iterations + 1);
        for (int i = 0; i < params.size(); i++) {
            current = i;
            // Element-wise and independent, so splitting the big kernels over both cores changes no bit.
            Parallel.forRange(params.get(i).size(), PARALLEL_MIN, VECTOR_ALIGN, updateRange);
        }
        iterations++;
    }

    /** Per-step constants (Adam's bias correction); {@code localStep} counts from 1. */
    protected void prepareStep(long localStep) {}

    /** Below this many weights a second thread costs more than it saves. */
    private static final int PARALLEL_MIN = 1 << 16;
    private static final int VECTOR_ALIGN = FloatVector.SPECIES_PREFERRED.length();
    /** The parameter being updated; read by {@link #updateRange} on both threads of a step. */
    private int current;
    private final Parallel.Range updateRange = this::updateRange;

    private void updateRange(int from, int to) {
        Param p = params.get(current);
        update(p.value().data, p.grad().data, slots.get(current), from, to);
    }

    /** Updates {@code w[from..to)} from {@code g} in one pass, decay included. */
    protected abstract void update(float[] w, float[] g, float[][] slots, int from, int to);

    @Override
    public void reset() {
        for (float[][] s : slots) {
            for (float[] a : s) java.util.Arrays.fill(a, 0f);
        }
        iterations = 0;
        lr = initialLr;
    }

    @Override
    public long iterations() {
        return iterations;
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public double initialLearningRate() {
        return initialLr;
    }

    @Override
    public void setLearningRate(double rate) {
        if (!(rate >= 0 && rate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("`learning_rate` must be >= 0 and finite, got " + rate);
        }
        lr = (float) rate;
    }

    /** {@code 1 - weight_decay * lr}, the factor decay applies to each weight. */
    protected final float decayFactor() {
        return 1f - weightDecay * lr;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", kerasName());
        c.put("learning_rate", (double) initialLr);
        c.putAll(hyperParameters());
        c.put("weight_decay", (double) weightDecay);
        return c;
    }

    protected abstract Map<String, Object> hyperParameters();

    @Override
    public String toString() {
        return config().toString();
    }
}
