package org.inkling.nn;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * The three matrix products that dominate training and prediction, in one place so that their
 * fast kernels can replace EJML without the layers noticing.
 *
 * <p>All matrices are row-major {@link FMatrixRMaj}; the output is passed last and overwritten
 * (EJML's convention). Outputs must already have the right shape.
 */
public final class Gemm {
    private Gemm() {}

    /** c = a · b, with a m×k, b k×n, c m×n. Forward pass: X·W. */
    public static void mult(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        CommonOps_FDRM.mult(a, b, c);
    }

    /** c = aᵀ · b, with a k×m, b k×n, c m×n. Weight gradient: Xᵀ·dZ. */
    public static void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        CommonOps_FDRM.multTransA(a, b, c);
    }

    /** c = a · bᵀ, with a m×k, b n×k, c m×n. Input gradient: dZ·Wᵀ. */
    public static void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        CommonOps_FDRM.multTransB(a, b, c);
    }
}
