package dev.shrink.kernels;

import dev.shrink.kernels.spi.KernelFamilies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.shrink.kernels.Inputs.EPS;
import static dev.shrink.kernels.Inputs.draw;
import static dev.shrink.kernels.Level1Properties.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

/**
 * Parallel Gram and Xᵀr: within the bound {@code (2n + T)·ε·Σ} of the scalar reference for T chunks, bit-for-bit
 * repeatable for a given chunk count, sequential below the threshold, failures rethrown.
 */
class ParallelKernelsTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(3);

    @AfterAll
    static void shutdown() {
        POOL.shutdown();
    }

    private static KernelProvider provider(int bits) {
        return bits == 64 ? KernelProvider.scalar() : KernelProvider.vector(bits);
    }

    @Test
    void parallelGramAgreesWithScalarWithinBound() {
        qt().withExamples(200).forAll(GramProperties.cases(), in -> draw(in, 1, 5)).checkAssert((c, tasks) -> {
            ParallelKernels parallel = new ParallelKernels(provider(c.bits()), POOL, tasks, 0);
            GramProperties.check(c, parallel::gram, tasks);
        });
    }

    @Test
    void parallelGramIsRepeatableBitForBit() {
        SplittableRandom random = new SplittableRandom(7);
        for (int bits : Inputs.WIDTHS) {
            for (Layout layout : Layout.values()) {
                int n = 1003;
                int p = 37;
                double[] data = Inputs.values(random, n * p, Inputs.Regime.UNIT);
                MatrixView x = new MatrixView(data, 0, n, p, layout == Layout.ROW_MAJOR ? p : n, layout);
                double[] w = Inputs.values(random, n, Inputs.Regime.UNIT);
                for (int k = 0; k < n; k++) w[k] = Math.abs(w[k]);
                double[] y = Inputs.values(random, n, Inputs.Regime.UNIT);
                ParallelKernels parallel = new ParallelKernels(provider(bits), POOL, 3, 0);
                double[] g1 = new double[p * p];
                double[] t1 = new double[p];
                parallel.gram(x, w, y, g1, 0, p, t1, 0);
                for (int run = 0; run < 5; run++) {
                    double[] g2 = new double[p * p];
                    double[] t2 = new double[p];
                    parallel.gram(x, w, y, g2, 0, p, t2, 0);
                    Inputs.identical("G run " + run, g1, g2);
                    Inputs.identical("Xᵀy run " + run, t1, t2);
                }
                double[] r1 = new double[p];
                parallel.multiplyTransposed(x, y, 0, r1, 0);
                for (int run = 0; run < 5; run++) {
                    double[] r2 = new double[p];
                    parallel.multiplyTransposed(x, y, 0, r2, 0);
                    Inputs.identical("Xᵀr run " + run, r1, r2);
                }
            }
        }
    }

    @Test
    void parallelXtrAgreesWithScalarWithinBound() {
        MatrixVector scalar = KernelProvider.scalar().matrixVector();
        qt().withExamples(300).forAll(MatrixVectorProperties.cases(), in -> draw(in, 1, 5)).checkAssert((c, tasks) -> {
            SplittableRandom random = new SplittableRandom(c.seed());
            DenseMatrix a = c.matrix(random);
            double[] x = c.vector(random, c.xOffset(), c.rows());
            double[] y = c.vector(random, c.yOffset(), c.cols());
            double[] before = y.clone();
            double[] expected = y.clone();
            double[] x0 = x.clone();
            double[] a0 = Inputs.storageOf(a);
            scalar.multiplyTransposed(a, x, c.xOffset(), expected, c.yOffset());
            new ParallelKernels(provider(c.bits()), POOL, tasks, 0).multiplyTransposed(a, x, c.xOffset(), y, c.yOffset());
            for (int j = 0; j < c.cols(); j++) {
                double s = 0;
                for (int i = 0; i < c.rows(); i++) s += Math.abs(a.get(i, j) * x[c.xOffset() + i]);
                // each side within (2n + T)·ε·Σ|aᵢⱼxᵢ| (+ subnormal spacing per product) of the exact value
                double bound = 2 * ((2.0 * c.rows() + tasks) * EPS * s + c.rows() * Double.MIN_VALUE);
                Inputs.agree("Xᵀr(" + j + ") of " + c + " tasks " + tasks, expected[c.yOffset() + j], y[c.yOffset() + j], bound);
            }
            Inputs.guardsUntouched("Xᵀr " + c, before, y, c.yOffset(), c.cols());
            Inputs.unchanged("A", a0, Inputs.storageOf(a));
            Inputs.unchanged("x", x0, x);
        });
    }

    @Test
    void parallelResidualGradientAgreesWithScalarWithinBound() {
        qt().withExamples(200).forAll(MatrixVectorProperties.cases(), in -> draw(in, 1, 5)).checkAssert((c, tasks) ->
                MatrixVectorProperties.residualGradient(c, new ParallelKernels(provider(c.bits()), POOL, tasks, 0)::residualGradient, tasks));
    }

    @Test
    void belowTheThresholdTheCallerThreadDoesTheWork() {
        AtomicInteger submitted = new AtomicInteger();
        ParallelKernels parallel = new ParallelKernels(KernelProvider.scalar(), r -> {
            submitted.incrementAndGet();
            r.run();
        }, 4, 1_000_000);
        double[] data = new double[100 * 10]; // n·p² = 10⁴ flops, 2·n·p = 2000
        MatrixView x = MatrixView.rowMajor(data, 100, 10);
        parallel.gram(x, null, null, new double[100], 0, 10, null, 0);
        parallel.multiplyTransposed(x, new double[100], 0, new double[10], 0);
        assertEquals(0, submitted.get());

        ParallelKernels eager = new ParallelKernels(KernelProvider.scalar(), r -> {
            submitted.incrementAndGet();
            r.run();
        }, 4, 0);
        eager.gram(x, null, null, new double[100], 0, 10, null, 0);
        assertEquals(3, submitted.get(), "chunks 0..2 on the executor, the last on the caller");
    }

    @Test
    void defaultUsesTheCommonPoolAboveTheThreshold() {
        ParallelKernels parallel = new ParallelKernels(KernelProvider.get());
        assertEquals(java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1, parallel.tasks());
        int n = 3000;
        int p = 80; // n·p² = 1.9e7 > 2^24
        assertTrue((long) n * p * p >= ParallelKernels.DEFAULT_MIN_FLOPS);
        SplittableRandom random = new SplittableRandom(3);
        MatrixView x = MatrixView.rowMajor(Inputs.values(random, n * p, Inputs.Regime.UNIT), n, p);
        double[] g = new double[p * p];
        parallel.gram(x, null, null, g, 0, p, null, 0);
        double[] expected = new double[p * p];
        KernelProvider.scalar().gram().gram(x, null, null, expected, 0, p, null, 0);
        for (int i = 0; i < p * p; i++) {
            if (!(Math.abs(expected[i] - g[i]) <= 2 * (2.0 * n + parallel.tasks()) * EPS * n)) fail("G cell " + i);
        }
    }

    @Test
    void failuresAreRethrownAndArgumentsNamed() {
        ParallelKernels parallel = new ParallelKernels(KernelProvider.scalar(), POOL, 3, 0);
        MatrixView x = MatrixView.rowMajor(new double[12], 4, 3);
        assertMessage("weights[0 .. 4)", () -> parallel.gram(x, new double[3], null, new double[9], 0, 3, null, 0));
        assertMessage("xty[1 .. 4)", () -> parallel.gram(x, null, new double[4], new double[9], 0, 3, new double[3], 1));
        assertMessage("leading dimension of g", () -> parallel.gram(x, null, null, new double[9], 0, 2, null, 0));
        assertMessage("x[0 .. 4)", () -> parallel.multiplyTransposed(x, new double[3], 0, new double[3], 0));
        assertMessage("y[0 .. 3)", () -> parallel.multiplyTransposed(x, new double[4], 0, new double[2], 0));
        assertMessage("tasks must be ≥ 1, got 0", () -> new ParallelKernels(KernelProvider.scalar(), POOL, 0, 0));
        assertMessage("executor must not be null", () -> new ParallelKernels(KernelProvider.scalar(), null, 2, 0));
        RuntimeException boom = new IllegalStateException("boom");
        Gram failing = new Gram() {
            @Override
            public void gram(DenseMatrix m, double[] w, double[] y, double[] g, int go, int ldg, double[] t, int to) {
                throw boom;
            }

            @Override
            public void gramFloat32(DenseMatrix m, double[] center, double[] rowScale, float[] g, int go, int ldg) {
                throw boom;
            }
        };
        KernelProvider scalar = KernelProvider.scalar();
        KernelProvider broken = new KernelProvider("broken", new KernelFamilies(scalar.level1(), scalar.matrixVector(), failing,
                scalar.cholesky(), scalar.proximal(), scalar.symmetricEigen(), scalar.sparse(), scalar.glmRows()), scalar.choices());
        assertEquals(boom, assertThrows(IllegalStateException.class,
                () -> new ParallelKernels(broken, POOL, 3, 0).gram(x, null, null, new double[9], 0, 3, null, 0)));
        double[] g = new double[9];
        new ParallelKernels(KernelProvider.scalar(), POOL, 3, 0).gram(MatrixView.rowMajor(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 1, 1}, 4, 3),
                null, null, g, 0, 3, null, 0);
        assertArrayEquals(new double[] {67, 79, 91, 79, 94, 109, 91, 109, 127}, g);
    }
}
