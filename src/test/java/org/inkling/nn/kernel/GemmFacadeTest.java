package org.inkling.nn.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.ejml.MatrixDimensionException;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.RandomMatrices_FDRM;
import org.inkling.nn.Gemm;
import org.junit.jupiter.api.Test;

/** The FMatrixRMaj facade the layers call: shapes, reshaping of the output, EJML agreement. */
class GemmFacadeTest {
    private final java.util.Random rng = new java.util.Random(1);

    @Test
    void threeProductsAgreeWithEjml() {
        FMatrixRMaj x = RandomMatrices_FDRM.rectangle(37, 70, -1, 1, rng);
        FMatrixRMaj w = RandomMatrices_FDRM.rectangle(70, 45, -1, 1, rng);
        FMatrixRMaj dz = RandomMatrices_FDRM.rectangle(37, 45, -1, 1, rng);

        assertClose(run(c -> Gemm.mult(x, w, c)), run(c -> CommonOps_FDRM.mult(x, w, c)));
        assertClose(run(c -> Gemm.multTransA(x, dz, c)), run(c -> CommonOps_FDRM.multTransA(x, dz, c)));
        assertClose(run(c -> Gemm.multTransB(dz, w, c)), run(c -> CommonOps_FDRM.multTransB(dz, w, c)));
    }

    @Test
    void outputOfTheWrongShapeIsReshapedAndOverwritten() {
        FMatrixRMaj a = RandomMatrices_FDRM.rectangle(5, 3, -1, 1, rng);
        FMatrixRMaj b = RandomMatrices_FDRM.rectangle(3, 4, -1, 1, rng);
        FMatrixRMaj c = new FMatrixRMaj(2, 2);
        c.fill(Float.NaN);
        Gemm.mult(a, b, c);
        assertThat(c.numRows).isEqualTo(5);
        assertThat(c.numCols).isEqualTo(4);
        FMatrixRMaj ref = new FMatrixRMaj(5, 4);
        CommonOps_FDRM.mult(a, b, ref);
        assertClose(c, ref);
    }

    @Test
    void matricesWhoseArraysAreLongerThanTheirShapeAreRead() {
        // A reshaped FMatrixRMaj keeps its longer array; the kernels must use the shape, not the array length.
        FMatrixRMaj a = RandomMatrices_FDRM.rectangle(40, 40, -1, 1, rng);
        FMatrixRMaj b = RandomMatrices_FDRM.rectangle(40, 40, -1, 1, rng);
        a.reshape(9, 21, true);
        b.reshape(21, 10, true);
        assertThat(b.data.length).isGreaterThan(21 * 10);
        FMatrixRMaj c = new FMatrixRMaj(30, 30);
        c.fill(Float.NaN);
        Gemm.mult(a, b, c);
        FMatrixRMaj ref = new FMatrixRMaj(9, 10);
        CommonOps_FDRM.mult(a, b, ref);
        assertClose(c, ref);
    }

    @Test
    void mismatchedInnerDimensionsNameBothShapes() {
        FMatrixRMaj a = new FMatrixRMaj(2, 3);
        FMatrixRMaj b = new FMatrixRMaj(4, 5);
        assertThatThrownBy(() -> Gemm.mult(a, b, new FMatrixRMaj(2, 5)))
                .isInstanceOf(MatrixDimensionException.class).hasMessageContaining("2x3").hasMessageContaining("4x5");
        assertThatThrownBy(() -> Gemm.multTransA(a, b, new FMatrixRMaj(3, 5)))
                .isInstanceOf(MatrixDimensionException.class);
        assertThatThrownBy(() -> Gemm.multTransB(a, b, new FMatrixRMaj(2, 4)))
                .isInstanceOf(MatrixDimensionException.class);
    }

    @Test
    void outputAliasingAnInputIsRejected() {
        FMatrixRMaj a = new FMatrixRMaj(3, 3);
        FMatrixRMaj b = new FMatrixRMaj(3, 3);
        assertThatThrownBy(() -> Gemm.mult(a, b, a)).isInstanceOf(IllegalArgumentException.class);
    }

    private static FMatrixRMaj run(java.util.function.Consumer<FMatrixRMaj> op) {
        FMatrixRMaj c = new FMatrixRMaj(1, 1);
        op.accept(c);
        return c;
    }

    private static void assertClose(FMatrixRMaj actual, FMatrixRMaj expected) {
        assertThat(actual.numRows).isEqualTo(expected.numRows);
        assertThat(actual.numCols).isEqualTo(expected.numCols);
        for (int i = 0; i < expected.getNumElements(); i++) {
            assertThat(actual.data[i]).isCloseTo(expected.data[i], org.assertj.core.data.Offset.offset(1e-4f));
        }
    }
}
