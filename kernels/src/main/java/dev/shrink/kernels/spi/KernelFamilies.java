package dev.shrink.kernels.spi;

import dev.shrink.kernels.Cholesky;
import dev.shrink.kernels.GlmRows;
import dev.shrink.kernels.Gram;
import dev.shrink.kernels.Level1;
import dev.shrink.kernels.MatrixVector;
import dev.shrink.kernels.Proximal;
import dev.shrink.kernels.Sparse;
import dev.shrink.kernels.SymmetricEigen;

/**
 * One implementation of every kernel family, as an implementation hands them to
 * {@link dev.shrink.kernels.KernelProvider}. Not exported: only the provider assembles providers.
 */
public record KernelFamilies(Level1 level1, MatrixVector matrixVector, Gram gram, Cholesky cholesky, Proximal proximal,
                             SymmetricEigen symmetricEigen, Sparse sparse, GlmRows glmRows) {
    public KernelFamilies {
        if (level1 == null || matrixVector == null || gram == null || cholesky == null || proximal == null || symmetricEigen == null
                || sparse == null || glmRows == null) {
            throw new IllegalArgumentException("every kernel family needs an implementation");
        }
    }
}
