package dev.shrink.kernels;

/** The scalar reference: plain loops, one double at a time, obviously correct. */
final class ScalarKernelProvider extends KernelProvider {
    static final ScalarKernelProvider INSTANCE = new ScalarKernelProvider();

    private final Level1 level1 = new ScalarLevel1();
    private final MatrixVector matrixVector = new ScalarMatrixVector();
    private final Gram gram = new ScalarGram();
    private final Cholesky cholesky = new ScalarCholesky();
    private final Proximal proximal = new ScalarProximal();

    private ScalarKernelProvider() {}

    @Override public String name() { return "scalar"; }
    @Override public int vectorBits() { return 64; }
    @Override public Level1 level1() { return level1; }
    @Override public MatrixVector matrixVector() { return matrixVector; }
    @Override public Gram gram() { return gram; }
    @Override public Cholesky cholesky() { return cholesky; }
    @Override public Proximal proximal() { return proximal; }
}
