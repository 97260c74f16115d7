package dev.shrink.kernels;

import org.junit.jupiter.api.Test;

import static org.quicktheories.QuickTheory.qt;

/**
 * The same properties, but enough of them in a row that C2 compiles the kernels and the later examples run the
 * compiled code: the other property classes mostly exercise the Vector API's Java fallback (interpreter, C1), while
 * users run C2's intrinsics — its FMA, lanewise MAX (NaN!), reductions and bounds-check elimination. One width at a
 * time, short and medium lengths; every kernel of each family in each example.
 */
class CompiledKernelsProperties {
    /** Well past C2's thresholds (Tier4InvocationThreshold 5000, Tier4CompileThreshold 15000 with loop back-edges). */
    private static final int EXAMPLES_PER_WIDTH = 12_000;
    private static final int LARGE = Inputs.SHORT + 29;

    /** Calls per kernel before the properties run: C2 compiles asynchronously, and the thresholds grow with its queue. */
    private static final int WARM_UP_CALLS = 20_000;

    /** Every kernel of the width, WARM_UP_CALLS times on lengths that take the vector loops and the scalar tails. */
    private static void warmUp(int bits) {
        KernelProvider k = KernelProvider.vector(bits);
        int n = 4 * bits / 64 + 3;
        double[] x = new double[n], y = new double[n], out = new double[n];
        java.util.Arrays.fill(x, 0.5);
        MatrixView rows = MatrixView.rowMajor(new double[n * 5], 5, n), columns = MatrixView.columnMajor(new double[n * 5], n, 5);
        double sink = 0;
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            sink += k.level1().dot(n, x, 0, y, 0) + k.level1().sum(n, x, 0) + k.level1().sumOfSquares(n, x, 0)
                    + k.level1().norm2(n, x, 0) + k.level1().maxAbs(n, x, 0) + k.level1().dot(n / 2, x, 0, 2, y, 0, 1);
            k.level1().axpy(n, 0.0, x, 0, y, 0);
            k.level1().scal(n, 1.0, y, 0);
            k.matrixVector().multiply(rows, x, 0, out, 0);
            k.matrixVector().multiplyTransposed(rows, out, 0, y, 0);
            k.matrixVector().multiply(columns, y, 0, out, 0);
            k.matrixVector().multiplyTransposed(columns, out, 0, y, 0);
            k.proximal().softThreshold(n, 0.1, x, 0, out, 0);
            k.proximal().elasticNetProx(n, 0.1, 0.2, x, 0, out, 0);
            k.proximal().penalizedGradientStep(n, 0.1, 0.1, 0.1, out, 0, y, 0);
            k.proximal().residualUpdate(n, 0.0, x, 0, 1, y, 0);
        }
        if (Double.isNaN(sink)) throw new AssertionError("warm-up inputs are finite");
    }

    @Test
    void level1() {
        for (int bits : Inputs.WIDTHS) {
            warmUp(bits);
            qt().withExamples(EXAMPLES_PER_WIDTH).forAll(Level1Properties.cases(in -> bits, LARGE)).checkAssert(c -> {
                Level1Properties.dot(c);
                Level1Properties.stridedDot(c);
                Level1Properties.axpy(c);
                Level1Properties.scal(c);
                Level1Properties.sum(c);
                Level1Properties.sumOfSquares(c);
                Level1Properties.norm2(c);
                Level1Properties.maxAbs(c);
            });
        }
    }

    @Test
    void matrixVector() {
        for (int bits : Inputs.WIDTHS) {
            warmUp(bits);
            qt().withExamples(EXAMPLES_PER_WIDTH).forAll(MatrixVectorProperties.cases(in -> bits, LARGE)).checkAssert(c -> {
                MatrixVectorProperties.multiply(c);
                MatrixVectorProperties.multiplyTransposed(c);
            });
        }
    }

    @Test
    void proximal() {
        for (int bits : Inputs.WIDTHS) {
            warmUp(bits);
            qt().withExamples(EXAMPLES_PER_WIDTH).forAll(ProximalProperties.cases(in -> bits, LARGE)).checkAssert(c -> {
                ProximalProperties.softThreshold(c);
                ProximalProperties.elasticNetProx(c);
                ProximalProperties.penalizedGradientStep(c);
                ProximalProperties.residualUpdate(c);
            });
        }
    }
}
