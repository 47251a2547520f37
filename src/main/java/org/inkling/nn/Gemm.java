package org.inkling.nn;

import org.ejml.MatrixDimensionException;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.inkling.nn.kernel.VectorGemm;

/**
 * The three matrix products that dominate training and prediction, in one place so that their
 * fast kernels replace EJML without the layers noticing.
 *
 * <p>All matrices are row-major {@link FMatrixRMaj}; the output is passed last, reshaped to the
 * product's size if needed and overwritten (EJML's convention). The work is done by
 * {@link VectorGemm}, whose results are bit-for-bit reproducible whatever the thread count; EJML's
 * {@code CommonOps_FDRM} stays the reference the kernels are tested against.
 */
public final class Gemm {
    /**
     * The kernels need the incubating Vector API ({@code --add-modules jdk.incubator.vector}, which
     * the launcher, Maven and the tests pass). Started without it, the products fall back to EJML,
     * correct but about ten times slower, and say so once.
     */
    private static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    static {
        if (!VECTOR_API) {
            System.err.println("inkling: the JVM was started without --add-modules jdk.incubator.vector;"
                    + " matrix products fall back to EJML and run about ten times slower");
        }
    }

    private Gemm() {}

    /** c = a · b, with a m×k, b k×n, c m×n. Forward pass: X·W. */
    public static void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        if (a.numCols != b.numRows) {
            throw mismatch("mult", a, b);
        }
        prepare(a, b, c, a.numRows, b.numCols);
        if (VECTOR_API) {
            VectorGemm.mult(a.numRows, b.numCols, a.numCols, a.data, b.data, c.data);
        } else {
            CommonOps_FDRM.mult(a, b, c);
        }
    }

    /** c = aᵀ · b, with a k×m, b k×n, c m×n. Weight gradient: Xᵀ·dZ. */
    public static void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        if (a.numRows != b.numRows) {
            throw mismatch("multTransA", a, b);
        }
        prepare(a, b, c, a.numCols, b.numCols);
        if (VECTOR_API) {
            VectorGemm.multTransA(a.numCols, b.numCols, a.numRows, a.data, b.data, c.data);
        } else {
            CommonOps_FDRM.multTransA(a, b, c);
        }
    }

    /** c = a · bᵀ, with a m×k, b n×k, c m×n. Input gradient: dZ·Wᵀ. */
    public static void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        if (a.numCols != b.numCols) {
            throw mismatch("multTransB", a, b);
        }
        prepare(a, b, c, a.numRows, b.numRows);
        if (VECTOR_API) {
            VectorGemm.multTransB(a.numRows, b.numRows, a.numCols, a.data, b.data, c.data);
        } else {
            CommonOps_FDRM.multTransB(a, b, c);
        }
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
