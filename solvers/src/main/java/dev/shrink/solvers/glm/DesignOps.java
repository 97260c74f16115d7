package dev.shrink.solvers.glm;

/**
 * Everything the GLM engine does with the design matrix, in one place: products with the centred design
 * X̃ = X − 1·x̄ᵀ (x̄ the column means, zero without an intercept) and the working set's columns gathered into a
 * {@link ColumnBlock}. The engine never indexes X itself, so a sparse design is another implementation of this
 * interface ({@link DenseDesignOps} is the dense one).
 *
 * <p>Vectors of several classes are stored class-major: coefficients {@code w[c·p + j]}, per-row values
 * {@code v[c·n + i]}.
 */
interface DesignOps {
    /** n. */
    int rows();

    /** p. */
    int cols();

    /** out[outOffset + i] ← (X̃w)ᵢ for w at {@code w[wOffset .. wOffset + p)}. */
    void multiply(double[] w, int wOffset, double[] out, int outOffset);

    /** out[outOffset + j] ← (X̃ᵀv)ⱼ for v at {@code v[vOffset .. vOffset + n)}. */
    void multiplyTransposed(double[] v, int vOffset, double[] out, int outOffset);

    /** A new, empty block of gathered columns (the working set's). */
    ColumnBlock newBlock();
}
