package dev.shrink.kernels.simd;

import dev.shrink.kernels.Cholesky;
import dev.shrink.kernels.Gram;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Level1;
import dev.shrink.kernels.MatrixVector;
import dev.shrink.kernels.Proximal;
import dev.shrink.kernels.SymmetricEigen;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernels at one width. Loaded by name from {@link KernelProvider#vector(int)} so that nothing links
 * {@code jdk.incubator.vector} unless the module is readable.
 *
 * <p>Each kernel family is a template class specialized for this width by {@link Specialization} (one hidden class
 * per family and width, with the species a compile-time constant); a new family is added the same way:
 * {@code Specialization.instance("VectorGram", Gram.class, species)}.
 */
public final class VectorKernelProvider extends KernelProvider {
    private final int bits;
    /** The species every kernel family of this provider is specialized for (see {@link Specialization}). */
    private final VectorSpecies<Double> species;
    private final Level1 level1;
    private final MatrixVector matrixVector;
    private final Proximal proximal;
    private final Gram gram;
    private final Cholesky cholesky;

    /**
     * @param bits 128, 256 or 512; 0 for the platform's preferred (widest) species
     * @throws UnsupportedOperationException if this CPU (or -XX:MaxVectorSize) offers fewer bits than asked, or fewer
     *                                       than two doubles per vector
     * @throws IllegalArgumentException      for any other width
     */
    public VectorKernelProvider(int bits) {
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
        this.bits = bits == 0 ? max : bits;
        this.species = Specialization.speciesOf(this.bits);
        this.level1 = Specialization.instance("VectorLevel1", Level1.class, species);
        this.matrixVector = Specialization.instance("VectorMatrixVector", MatrixVector.class, species);
        this.proximal = Specialization.instance("VectorProximal", Proximal.class, species);
        this.gram = new VectorGram(this.bits);
        this.cholesky = new VectorCholesky(this.bits);
    }

    /**
     * The symmetric eigendecomposition on vectors of 128, 256 or 512 bits, or 0 for the platform's preferred width
     * (loaded by name from {@link SymmetricEigen#vector(int)}, like this class).
     *
     * @throws UnsupportedOperationException if the CPU's preferred width is smaller than the one asked for
     */
    public static SymmetricEigen symmetricEigen(int bits) {
        int preferred = Specialization.maxBits();
        int width = bits == 0 ? preferred : bits;
        if (width > preferred) {
            throw new UnsupportedOperationException(width + "-bit vectors are not supported by this CPU (preferred width " + preferred + ")");
        }
        if (width != 128 && width != 256 && width != 512) {
            throw new UnsupportedOperationException("no eigendecomposition for " + width + "-bit vectors");
        }
        return Specialization.instance("VectorSymmetricEigen", SymmetricEigen.class, Specialization.speciesOf(width));
    }

    @Override public String name() { return "vector-" + bits; }
    @Override public int vectorBits() { return bits; }
    @Override public Level1 level1() { return level1; }
    @Override public MatrixVector matrixVector() { return matrixVector; }
    @Override public Gram gram() { return gram; }
    @Override public Cholesky cholesky() { return cholesky; }
    @Override public Proximal proximal() { return proximal; }
}
