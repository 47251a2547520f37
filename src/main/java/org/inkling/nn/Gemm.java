package org.inkling.nn;

import org.ejml.MatrixDimensionException;
import org.ejml.data.FMatrixRMaj;
import org.inkling.nn.kernel.VectorGemm;

/**
 * The three matrix products that dominate training and prediction, in one place so that their
 * fast kernels replace EJML without the layers noticing.
 *
 * <p>All matrices are row-major {@link FMatrixRMaj}; the output is passed last, reshaped to the
 * product's size if needed and overwritten (EJML's convention). The work is done by
 * {@link VectorGemm}, whose results are bit-for-bit reproducible whatever the thread count; EJML's
 * {@code CommonOps_FDRM} stays the reference the kernels are tested against. There is no path
 * without the Vector API: the layers' element-wise kernels need it too.
 */
public final class Gemm {
    static {
        // Every layer's kernels use the Vector API; failing here names the cause instead of a
        // NoClassDefFoundError from deep inside a layer.
        Engine.requireVectorApi();
    }

    private Gemm() {}

    /** c = a · b, with a m×k, b k×n, c m×n. Forward pass: X·W. */
    public static void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        if (a.numCols != b.numRows) {
            throw mismatch("mult", a, b);
        }
        prepare(a, b, c, a.numRows, b.numCols);
        VectorGemm.mult(a.numRows, b.numCols, a.numCols, a.data, b.data, c.data);
    }

    /**
     * c = act(a · b + bias) for act relu ({@code relu}) or none: the forward pass of a layer with
     * its bias and activation applied to each tile of c while the kernel has it in cache, rather
     * than in a second pass over c (a convolution's output is 11 MB a batch). The same bits as
     * {@link #mult} followed by adding the bias and taking the maximum with zero.
     */
    public static void multBiasActivate(FMatrixRMaj a, FMatrixRMaj b, float[] bias, boolean relu, FMatrixRMaj c) {
        if (a.numCols != b.numRows) {
            throw mismatch("multBiasActivate", a, b);
        }
        if (bias.length < b.numCols) {
            throw new IllegalArgumentException("Gemm.multBiasActivate: " + bias.length + " biases for " + b.numCols + " columns");
        }
        prepare(a, b, c, a.numRows, b.numCols);
        VectorGemm.multBiasActivate(a.numRows, b.numCols, a.numCols, a.data, b.data, c.data, bias, relu);
    }

    /** c = aᵀ · b, with a k×m, b k×n, c m×n. Weight gradient: Xᵀ·dZ. */
    public static void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        if (a.numRows != b.numRows) {
            throw mismatch("multTransA", a, b);
        }
        prepare(a, b, c, a.numCols, b.numCols);
        VectorGemm.multTransA(a.numCols, b.numCols, a.numRows, a.data, b.data, c.data);
    }

    /** c = a · bᵀ, with a m×k, b n×k, c m×n. Input gradient: dZ·Wᵀ. */
    public static void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        if (a.numCols != b.numCols) {
            throw mismatch("multTransB", a, b);
        }
        prepare(a, b, c, a.numRows, b.numRows);
        VectorGemm.multTransB(a.numRows, b.numRows, a.numCols, a.data, b.data, c.data);
    }

    private static void prepare(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c, int rows, int cols) {
        if (c == a || c == b) {
            throw new IllegalArgumentException("Gemm: the output matrix must not be one of the inputs");
        }
        c.reshape(rows, cols);
    }

    private static MatrixDimensionException mismatch(String op, FMatrixRMaj a, FMatrixRMaj b) {
        return new MatrixDimensionException("Gemm." + op + ": inner dimensions do not match: a is "
                + a.numRows + "x" + a.numCols + ", b is " + b.numRows + "x" + b.numCols);
    }
}
