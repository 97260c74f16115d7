package dev.shrink.kernels;

import dev.shrink.kernels.spi.KernelFamilies;

import java.util.Arrays;

/** The scalar reference families: plain loops, one double at a time, obviously correct. */
final class ScalarKernelProvider {
    private ScalarKernelProvider() {}

    static final KernelProvider INSTANCE = new KernelProvider("scalar", new KernelFamilies(new ScalarLevel1(),
            new ScalarMatrixVector(), new ScalarGram(), new ScalarCholesky(), new ScalarProximal(), ScalarSymmetricEigen.INSTANCE,
            new ScalarSparse(), new ScalarGlmRows()),
            Arrays.stream(KernelFamily.values()).map(f -> new KernelChoice(f, 64, "the scalar reference")).toList());
}
