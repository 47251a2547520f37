package org.inkling.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import jdk.incubator.vector.FloatVector;

/**
 * Stochastic gradient descent, Keras 3 ({@code keras.optimizers.SGD}); defaults lr 0.01, momentum 0,
 * nesterov false. Per weight, after weight decay:
 * <pre>{@code
 * if momentum == 0:  w = w - lr * g
 * else:              v = momentum * v - lr * g
 *                    w = w + v                          # plain momentum
 *                    w = w + momentum * v - lr * g      # nesterov
 * }</pre>
 */
public final class Sgd extends AbstractOptimizer {
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    private final float momentum;
    private final boolean nesterov;

    public Sgd() {
        this(DEFAULT_LEARNING_RATE, 0, false, 0);
    }

    public Sgd(double lr, double momentum, boolean nesterov, double weightDecay) {
        super(lr, weightDecay, 1);
        this.momentum = (float) check("momentum", momentum, momentum >= 0 && momentum <= 1, "in [0, 1]");
        this.nesterov = nesterov;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] slots, int from, int to) {
        final float d = decayFactor(), m = momentum, a = lr;
        final float[] v = slots[0];
        int i = from;
        if (m == 0f) {
            for (int upper = from + S.loopBound(to - from); i < upper; i += S.length()) {
                FloatVector wv = FloatVector.fromArray(S, w, i).mul(d);
                wv.sub(FloatVector.fromArray(S, g, i).mul(a)).intoArray(w, i);
            }
            for (; i < to; i++) w[i] = w[i] * d - g[i] * a;
            return;
        }
        for (int upper = from + S.loopBound(to - from); i < upper; i += S.length()) {
            FloatVector wv = FloatVector.fromArray(S, w, i).mul(d);
            FloatVector step = FloatVector.fromArray(S, g, i).mul(a);
            FloatVector vv = FloatVector.fromArray(S, v, i).mul(m).sub(step);
            vv.intoArray(v, i);
            (nesterov ? wv.add(vv.mul(m).sub(step)) : wv.add(vv)).intoArray(w, i);
        }
        for (; i < to; i++) {
            float wi = w[i] * d, step = g[i] * a;
            v[i] = v[i] * m - step;
            w[i] = nesterov ? wi + (v[i] * m - step) : wi + v[i];
        }
    }

    @Override
    public String kerasName() {
        return "sgd";
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("momentum", (double) momentum);
        c.put("nesterov", nesterov);
        return c;
    }
}
