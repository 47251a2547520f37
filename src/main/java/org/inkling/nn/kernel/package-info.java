/**
 * Fast float32 matrix products for {@link org.inkling.nn.Gemm}: packed, register-blocked Vector
 * API kernels, a direct path for few rows and narrow outputs, and a fixed two-thread split of the
 * output that keeps results bit-for-bit reproducible.
 */
package org.inkling.nn.kernel;
