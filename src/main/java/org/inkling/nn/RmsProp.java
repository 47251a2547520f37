package org.inkling.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import jdk.incubator.vector.FloatVector;

/**
 * RMSprop as Keras 3 computes it ({@code keras.optimizers.RMSprop}, momentum 0, not centered);
 * defaults lr 0.001, rho 0.9, epsilon 1e-7. Per weight, after weight decay:
 * <pre>{@code
 * v = rho * v + (1 - rho) * g * g
 * w = w - lr * g / sqrt(v + epsilon)
 * }</pre>
 * Keras adds epsilon inside the square root ({@code denominator = velocity + epsilon;
 * increment = lr * g / sqrt(denominator)}), unlike Adam, where it is added outside.
 */
public final class RmsProp extends AbstractOptimizer {
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    private final float rho;
    private final float epsilon;

    public RmsProp() {
        this(DEFAULT_LEARNING_RATE, 0.9, 1e-7, 0);
    }

    public RmsProp(double lr, double rho, double epsilon, double weightDecay) {
        super(lr, weightDecay, 1);
        this.rho = (float) check("rho", rho, rho >= 0 && rho < 1, "in [0, 1)");
        this.epsilon = (float) check("epsilon", epsilon, epsilon > 0 && Double.isFinite(epsilon), "> 0");
    }

    @Override
    protected void update(float[] w, float[] g, float[][] slots, int from, int to) {
        final float d = decayFactor(), r = rho, r1 = 1f - rho, a = lr, e = epsilon;
        final float[] v = slots[0];
        int i = from;
        for (int upper = from + S.loopBound(to - from); i < upper; i += S.length()) {
            FloatVector gv = FloatVector.fromArray(S, g, i);
            FloatVector vv = FloatVector.fromArray(S, v, i).mul(r).add(gv.mul(gv).mul(r1));
            vv.intoArray(v, i);
            FloatVector wv = FloatVector.fromArray(S, w, i).mul(d);
            if (gv.eq(0f).allTrue() && vv.eq(vv).allTrue()) {
                // A gradient of ±0 (the first layer's rows for pixels blank in the whole batch, a third
                // of them on MNIST): ±0 · lr / √(v + ε) is that same ±0 while v is not NaN, so
                // subtracting g gives the bits of the full step without its division and root.
                wv.sub(gv).intoArray(w, i);
            } else {
                wv.sub(gv.mul(a).div(vv.add(e).sqrt())).intoArray(w, i);
            }
        }
        for (; i < to; i++) {
            float gi = g[i];
            v[i] = v[i] * r + gi * gi * r1;
            w[i] = w[i] * d - gi * a / (float) Math.sqrt(v[i] + e);
        }
    }

    @Override
    public String kerasName() {
        return "rmsprop";
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("rho", (double) rho);
        c.put("epsilon", (double) epsilon);
        return c;
    }
}
