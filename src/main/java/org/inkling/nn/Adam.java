package org.inkling.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import jdk.incubator.vector.FloatVector;

/**
 * Adam as Keras 3 computes it ({@code keras.optimizers.Adam}, amsgrad false); defaults lr 0.001,
 * beta_1 0.9, beta_2 0.999, epsilon 1e-7. At step t (from 1), per weight, after weight decay:
 * <pre>{@code
 * alpha = lr * sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t)
 * m = m + (g - m) * (1 - beta_1)
 * v = v + (g * g - v) * (1 - beta_2)
 * w = w - alpha * m / (sqrt(v) + epsilon)
 * }</pre>
 */
public final class Adam extends AbstractOptimizer {
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private float alpha;

    public Adam() {
        this(DEFAULT_LEARNING_RATE, 0.9, 0.999, 1e-7, 0);
    }

    public Adam(double lr, double beta1, double beta2, double epsilon, double weightDecay) {
        super(lr, weightDecay, 2);
        this.beta1 = (float) check("beta_1", beta1, beta1 >= 0 && beta1 < 1, "in [0, 1)");
        this.beta2 = (float) check("beta_2", beta2, beta2 >= 0 && beta2 < 1, "in [0, 1)");
        this.epsilon = (float) check("epsilon", epsilon, epsilon > 0 && Double.isFinite(epsilon), "> 0");
    }

    @Override
    protected void prepareStep(long t) {
        double b1p = Math.pow(beta1, t), b2p = Math.pow(beta2, t);
        alpha = (float) (lr * Math.sqrt(1 - b2p) / (1 - b1p));
    }

    @Override
    protected void update(float[] w, float[] g, float[][] slots, int from, int to) {
        final float d = decayFactor(), al = alpha, e = epsilon, c1 = 1f - beta1, c2 = 1f - beta2;
        final float[] m = slots[0], v = slots[1];
        int i = from;
        for (int upper = from + S.loopBound(to - from); i < upper; i += S.length()) {
            FloatVector gv = FloatVector.fromArray(S, g, i);
            FloatVector mv = FloatVector.fromArray(S, m, i);
            mv = mv.add(gv.sub(mv).mul(c1));
            mv.intoArray(m, i);
            FloatVector vv = FloatVector.fromArray(S, v, i);
            vv = vv.add(gv.mul(gv).sub(vv).mul(c2));
            vv.intoArray(v, i);
            FloatVector.fromArray(S, w, i).mul(d).sub(mv.mul(al).div(vv.sqrt().add(e))).intoArray(w, i);
        }
        for (; i < to; i++) {
            float gi = g[i];
            m[i] = m[i] + (gi - m[i]) * c1;
            v[i] = v[i] + (gi * gi - v[i]) * c2;
            w[i] = w[i] * d - m[i] * al / ((float) Math.sqrt(v[i]) + e);
        }
    }

    @Override
    public String kerasName() {
        return "adam";
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("beta_1", (double) beta1);
        c.put("beta_2", (double) beta2);
        c.put("epsilon", (double) epsilon);
        return c;
    }
}
