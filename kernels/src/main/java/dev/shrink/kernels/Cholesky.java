package dev.shrink.kernels;

/**
 * Cholesky factorization A = LLᵀ of a symmetric positive definite p×p matrix and solves with the factor.
 *
 * <p>Storage: row-major, element (i, j) at {@code a[aOffset + i·lda + j]}, {@code lda ≥ p}. Only the lower triangle
 * (i ≥ j) is read; the factor L overwrites it; the strict upper triangle is never touched. An optional diagonal
 * shift factors A + shift·I without changing A's diagonal first (ridge: XᵀX + αI).
 */
public interface Cholesky {

    /**
     * Factors A + shift·I = LLᵀ in place (lower triangle).
     *
     * @throws NotPositiveDefiniteException if a pivot is ≤ 0 or not finite; the matrix is then partly overwritten
     */
    void factor(int p, double[] a, int aOffset, int lda, double shift);

    /**
     * Factors A + shift·I = LLᵀ in place in float32 arithmetic (same storage rules as the double factor). Backward
     * error as for any Cholesky (Higham, Accuracy and Stability, Thm 10.3): LLᵀ = A + ΔA with
     * {@code |ΔA| ≤ (p + 1)·ε₃₂/(1 − (p + 1)·ε₃₂)·|L||Lᵀ|}, ε₃₂ = 2⁻²⁴, plus where elements of L underflow
     * (subnormal spacing η = 2⁻¹⁴⁹) about {@code (p + 1)·η·(1 + Σₖ(|lᵢₖ| + |lⱼₖ|))} per element.
     *
     * @throws NotPositiveDefiniteException if a float32 pivot is ≤ 0 or not finite (A may be too ill-conditioned for
     *                                      float32 even when it is positive definite in double)
     */
    void factor(int p, float[] a, int aOffset, int lda, float shift);

    /**
     * Solves (LLᵀ)·x = b in place in double arithmetic with a float32 factor (its elements are exact in double): the
     * step of mixed-precision iterative refinement.
     */
    void solve(int p, float[] l, int lOffset, int ldl, double[] b, int bOffset);

    /** Solves L·z = b in place on {@code b[bOffset .. bOffset + p)}. */
    void forwardSolve(int p, double[] l, int lOffset, int ldl, double[] b, int bOffset);

    /** Solves Lᵀ·x = z in place on {@code b[bOffset .. bOffset + p)}. */
    void backSolve(int p, double[] l, int lOffset, int ldl, double[] b, int bOffset);

    /** Solves (LLᵀ)·x = b in place: forward then back substitution. */
    default void solve(int p, double[] l, int lOffset, int ldl, double[] b, int bOffset) {
        forwardSolve(p, l, lOffset, ldl, b, bOffset);
        backSolve(p, l, lOffset, ldl, b, bOffset);
    }

    /**
     * Solves (LLᵀ)·X = B in place for {@code nrhs} right-hand sides stored row-major as a p×nrhs matrix
     * {@code b[bOffset + i·ldb + k]}, {@code ldb ≥ nrhs}.
     */
    void solve(int p, int nrhs, double[] l, int lOffset, int ldl, double[] b, int bOffset, int ldb);
}
