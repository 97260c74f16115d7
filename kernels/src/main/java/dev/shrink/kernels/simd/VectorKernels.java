package dev.shrink.kernels.simd;

import dev.shrink.kernels.Cholesky;
import dev.shrink.kernels.GlmRows;
import dev.shrink.kernels.Gram;
import dev.shrink.kernels.Level1;
import dev.shrink.kernels.MatrixVector;
import dev.shrink.kernels.Proximal;
import dev.shrink.kernels.Sparse;
import dev.shrink.kernels.SymmetricEigen;
import dev.shrink.kernels.spi.KernelFamilies;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel families at one width. Looked up by name from {@link dev.shrink.kernels.KernelProvider#vector(int)}
 * so that nothing links {@code jdk.incubator.vector} unless the module is readable.
 *
 * <p>Each family is a template class specialized for the width by {@link Specialization} (one hidden class per
 * family and width, with the species a compile-time constant); a new family is added the same way:
 * {@code Specialization.instance("VectorGram", Gram.class, species)}.
 */
public final class VectorKernels {
    private VectorKernels() {}

    /**
     * Every family at {@code bits} = 128, 256 or 512, or 0 for the platform's preferred (widest) species.
     *
     * @throws UnsupportedOperationException if this CPU (or -XX:MaxVectorSize) offers fewer bits than asked, or fewer
     *                                       than two doubles per vector
     * @throws IllegalArgumentException      for any other width
     */
    public static KernelFamilies families(int bits) {
        int max = Specialization.maxBits();
        if (bits != 0 && bits != 128 && bits != 256 && bits != 512) {
            throw new IllegalArgumentException("bits must be 0, 128, 256 or 512, got " + bits);
        }
        if (max < 128) {
            throw new UnsupportedOperationException("this CPU offers " + max + "-bit vectors for doubles, fewer than two lanes");
        }
        if (bits > max) {
            throw new UnsupportedOperationException(bits + "-bit vectors requested, this CPU (or -XX:MaxVectorSize) offers at most "
                    + max + " bits for doubles");
        }
        int width = bits == 0 ? max : bits;
        VectorSpecies<Double> species = Specialization.speciesOf(width);
        return new KernelFamilies(
                Specialization.instance("VectorLevel1", Level1.class, species),
                Specialization.instance("VectorMatrixVector", MatrixVector.class, species),
                new VectorGram(width),
                new VectorCholesky(width),
                Specialization.instance("VectorProximal", Proximal.class, species),
                Specialization.instance("VectorSymmetricEigen", SymmetricEigen.class, species),
                Specialization.instance("VectorSparse", Sparse.class, species),
                Specialization.instance("VectorGlmRows", GlmRows.class, species));
    }

    /** The width {@link #families} gives for {@code bits} (0: the platform's widest). */
    public static int width(int bits) {
        return bits == 0 ? Specialization.maxBits() : bits;
    }
}
