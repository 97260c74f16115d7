package dev.shrink.kernels;

/**
 * The kernel families a {@link KernelProvider} hands out; each runs at its own vector width ({@link KernelChoice}).
 * {@link #key()} is the family's name in the per-family width property {@code -Dshrink.vectorBits.<key>}.
 */
public enum KernelFamily {
    /** {@link Level1}: dot products, axpy, norms (memory- or latency-bound reductions). */
    LEVEL1("level1", false),
    /** {@link MatrixVector}: Xw and Xᵀr (bound by the bandwidth that streams X). */
    MATRIX_VECTOR("matrixVector", false),
    /** {@link Gram}: XᵀX by a register-tiled micro-kernel (bound by FMA throughput). */
    GRAM("gram", true),
    /** {@link Cholesky}: blocked factorization, its update by the Gram's micro-kernel (bound by FMA throughput). */
    CHOLESKY("cholesky", true),
    /** {@link Proximal}: elementwise proximal steps (memory-bound). */
    PROXIMAL("proximal", false),
    /** {@link SymmetricEigen}: Householder tridiagonalization and QR (row updates: rank-2 and reflector applications). */
    SYMMETRIC_EIGEN("symmetricEigen", false),
    /** {@link Sparse}: compressed-column products and gathers (bound by the bandwidth that streams the stored entries). */
    SPARSE("sparse", false),
    /** {@link GlmRows}: the GLM losses' per-row exp/log terms (bound by the vector math functions' throughput). */
    GLM_ROWS("glmRows", true);

    private final String key;
    private final boolean computeBound;

    KernelFamily(String key, boolean computeBound) {
        this.key = key;
        this.computeBound = computeBound;
    }

    /** The family's name in properties and listings, e.g. {@code gram}. */
    public String key() {
        return key;
    }

    /**
     * Whether the family's time goes to arithmetic on data in registers and L1 (a micro-kernel's FMAs, the GLM rows'
     * vector exp and log), so that its speed follows the vector datapath's width; the others follow the memory system,
     * where wider vectors buy little.
     */
    public boolean computeBound() {
        return computeBound;
    }
}
