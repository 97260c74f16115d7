package dev.shrink.kernels;

import dev.shrink.kernels.spi.KernelFamilies;

/** The scalar reference families: plain loops, one double at a time, obviously correct. */
final class ScalarKernelProvider {
    private ScalarKernelProvider() {}

    static final KernelProvider INSTANCE = new KernelProvider("scalar", 64, new KernelFamilies(new ScalarLevel1(),
            new ScalarMatrixVector(), new ScalarGram(), new ScalarCholesky(), new ScalarProximal(), ScalarSymmetricEigen.INSTANCE));
}
