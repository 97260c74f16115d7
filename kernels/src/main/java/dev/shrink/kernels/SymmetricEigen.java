package dev.shrink.kernels;

/**
 * Eigendecomposition A = V·Λ·Vᵀ of a real symmetric p×p matrix: Λ = diag(λ₀ ≤ λ₁ ≤ … ≤ λₚ₋₁), V orthogonal.
 *
 * <p>Storage: A is row-major, element (i, j) at {@code a[aOffset + i·lda + j]}, {@code lda ≥ p}; <b>only the lower
 * triangle (i ≥ j) is read</b> and A is never written. Outputs: the eigenvalues in ascending order at
 * {@code values[0 .. p)}; the eigenvectors row-major with leading dimension p at {@code vectors[0 .. p²)}, column k
 * ({@code vectors[i·p + k]}, i &lt; p) being the unit eigenvector of {@code values[k]}.
 *
 * <p>Accuracy (backward stable): with ε = 2⁻⁵³ and ‖A‖ the Frobenius norm, every implementation guarantees
 * ‖A·V − V·Λ‖_F ≤ {@value #RESIDUAL_FACTOR}·p·ε·‖A‖_F and ‖VᵀV − I‖_max ≤ {@value #RESIDUAL_FACTOR}·p·ε
 * (the property tests check both). Eigenvectors of close eigenvalues are individually ill-conditioned; the invariant
 * subspaces they span are not.
 *
 * @see #scalar()
 * @see #preferred()
 */
public interface SymmetricEigen {

    /** The constant c in the bounds above (a generous multiple of what Householder + QR achieve in practice). */
    int RESIDUAL_FACTOR = 8;

    /**
     * Decomposes A into {@code values} and {@code vectors} (see the class comment for the layout).
     *
     * @throws IllegalArgumentException if A has a NaN or infinite element in its lower triangle (naming its row and
     *                                  column), or a range lies outside its array
     * @throws ArithmeticException      if the QR iteration does not converge (never observed; 30·p sweeps allowed)
     */
    void decompose(int p, double[] a, int aOffset, int lda, double[] values, double[] vectors);

    /** Decomposes a p×p row-major matrix (lda = p) into freshly allocated arrays. */
    default Decomposition decompose(int p, double[] a) {
        Checks.length("p", p);
        double[] values = new double[p];
        double[] vectors = new double[Checks.elements("the eigenvector matrix", p, p)];
        decompose(p, a, 0, Math.max(1, p), values, vectors);
        return new Decomposition(p, values, vectors);
    }

    /**
     * The result of {@link #decompose(int, double[])}.
     *
     * @param p       the order of A
     * @param values  eigenvalues, ascending
     * @param vectors p×p row-major, column k is the unit eigenvector of {@code values[k]}
     */
    record Decomposition(int p, double[] values, double[] vectors) {
        /** Component i of eigenvector k. */
        public double vector(int i, int k) {
            return vectors[i * p + k];
        }
    }

    /** The scalar reference (Householder tridiagonalization + implicit QR with Wilkinson shifts). */
    static SymmetricEigen scalar() {
        return ScalarSymmetricEigen.INSTANCE;
    }

    /** The implementation of {@link KernelProvider#get()}: {@code KernelProvider.get().symmetricEigen()}. */
    static SymmetricEigen preferred() {
        return KernelProvider.get().symmetricEigen();
    }

    /**
     * The Vector API variant at the given width (0 = preferred, else 128, 256, 512):
     * {@code KernelProvider.vector(bits).symmetricEigen()}.
     *
     * @throws UnsupportedOperationException if {@code jdk.incubator.vector} is not readable or the width unsupported
     */
    static SymmetricEigen vector(int bits) {
        return KernelProvider.vector(bits).symmetricEigen();
    }
}
