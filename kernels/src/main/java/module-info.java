/**
 * Double-precision kernels for penalized regression: level-1 operations, matrix–vector products, Gram matrices,
 * Cholesky factorization, proximal steps and sparse (compressed-column) products. Each family has a plain scalar
 * reference and a Vector API implementation; {@link dev.shrink.kernels.KernelProvider#get()} chooses one at start.
 *
 * <p>The Vector API is optional: without {@code --add-modules jdk.incubator.vector} the scalar kernels run.
 */
module dev.shrink.kernels {
    requires static jdk.incubator.vector;
    requires java.management;
    requires jdk.management;
    exports dev.shrink.kernels;
}
