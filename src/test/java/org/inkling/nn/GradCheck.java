package org.inkling.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleSupplier;
import org.ejml.data.FMatrixRMaj;

/** Central finite differences against analytical gradients, with a tolerance suited to float32. */
final class GradCheck {
    private GradCheck() {}

    static final float EPS = 1e-2f;

    /** Numerical dLoss/dvalues[i] by central differences, restoring the value afterwards. */
    static double numerical(float[] values, int i, DoubleSupplier loss, float eps) {
        float old = values[i];
        values[i] = old + eps;
        double plus = loss.getAsDouble();
        values[i] = old - eps;
        double minus = loss.getAsDouble();
        values[i] = old;
        return (plus - minus) / (2.0 * eps);
    }

    /** Checks every element (or a stride of them for large arrays) of an analytical gradient. */
    static void check(String what, float[] values, float[] analytical, int n, DoubleSupplier loss) {
        check(what, values, analytical, n, loss, EPS);
    }

    /**
     * With a smaller {@code eps} for networks with max-pooling, whose kinks a wide step can cross
     * (the check then converges as eps shrinks, which a wrong gradient would not).
     */
    static void check(String what, float[] values, float[] analytical, int n, DoubleSupplier loss, float eps) {
        int stride = Math.max(1, n / 60);
        int checked = 0;
        for (int i = 0; i < n; i += stride) {
            double num = numerical(values, i, loss, eps);
            double ana = analytical[i];
            double tol = 2e-3 + 2e-2 * Math.max(Math.abs(num), Math.abs(ana));
            assertThat(Math.abs(num - ana))
                    .as("%s[%d]: numerical %s vs analytical %s", what, i, num, ana)
                    .isLessThanOrEqualTo(tol);
            checked++;
        }
        assertThat(checked).isPositive();
    }

    /** sum(r ⊙ out) in double: a loss whose gradient w.r.t. out is r. */
    static double project(FMatrixRMaj out, FMatrixRMaj r) {
        double s = 0;
        for (int i = 0; i < out.numRows * out.numCols; i++) s += (double) out.data[i] * r.data[i];
        return s;
    }

    static FMatrixRMaj random(int rows, int cols, java.util.Random rnd, float scale) {
        FMatrixRMaj m = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < rows * cols; i++) m.data[i] = (float) (rnd.nextGaussian() * scale);
        return m;
    }
}
