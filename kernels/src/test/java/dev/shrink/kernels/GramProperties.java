package dev.shrink.kernels;

import dev.shrink.kernels.Inputs.Regime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.SplittableRandom;

import static dev.shrink.kernels.Inputs.EPS;
import static dev.shrink.kernels.Inputs.agree;
import static dev.shrink.kernels.Inputs.draw;
import static dev.shrink.kernels.Inputs.unchanged;
import static dev.shrink.kernels.Inputs.values;
import static dev.shrink.kernels.Level1Properties.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

/**
 * The Vector API Gram matrix (XᵀDX and XᵀDy in one pass) against the scalar reference, both layouts, every storage
 * (flat double, row arrays, float32 widened as packed), every width.
 * Shapes cross every tile, panel and cache-block edge: n up to past two row blocks (256 rows each), p up to past one
 * packed column block (128) and never a multiple of the tile unless drawn so.
 */
class GramProperties {
    private static final Gram SCALAR = KernelProvider.scalar().gram();
    static final int EXAMPLES = 500;

    /** A generated problem: shape, layout, padding, offsets, optional weights and y, value regime. */
    record Case(int bits, int n, int p, Layout layout, int ldPadding, int xOffset, int gOffset, int ldgPadding,
                int xtyOffset, boolean weighted, boolean withY, Regime regime, long seed, Inputs.Storage storage) {

        Case(int bits, int n, int p, Layout layout, int ldPadding, int xOffset, int gOffset, int ldgPadding,
             int xtyOffset, boolean weighted, boolean withY, Regime regime, long seed) {
            this(bits, n, p, layout, ldPadding, xOffset, gOffset, ldgPadding, xtyOffset, weighted, withY, regime, seed,
                    Inputs.Storage.values()[(int) Math.floorMod(seed, 3L)]);
        }

        /**
         * X inside a larger array with random cells around it and between its lines. Entries have binary exponents
         * ≤ 490 and weights are below 4, so no product dₖxₖᵢxₖⱼ and no sum of up to 2¹⁰ of them overflows: an
         * overflow's dependence on the order of operations is the one thing the implementations may differ in.
         */
        DenseMatrix x(SplittableRandom random) {
            return Inputs.matrix(random, storage, n, p, layout, ldPadding, xOffset, regime, -1022, 490);
        }

        /**
         * Weights: zeros, values in [0, 4) and, except among infinities, tiny ones down to subnormal. (With an
         * infinity in the row, a tiny dₖ decides the class of the result through the order of the products:
         * (dₖ·xₖⱼ) may underflow to 0 and give 0·∞ = NaN where (dₖ·∞)·xₖⱼ gives ∞ — an order, not a defect.)
         */
        double[] weights(SplittableRandom random) {
            if (!weighted) return null;
            double[] w = new double[n];
            for (int k = 0; k < n; k++) {
                w[k] = switch (random.nextInt(6)) {
                    case 0 -> 0.0;
                    case 1 -> regime == Regime.SPECIAL ? random.nextDouble(0.5, 4)
                            : Math.scalb(random.nextDouble(1, 2), random.nextInt(-1074, 1)); // down to subnormal
                    default -> random.nextDouble(0, 4);
                };
            }
            return w;
        }

        double[] y(SplittableRandom random) {
            return withY ? values(random, n, regime, -1022, 490) : null;
        }
    }

    static Gen<Case> cases() {
        return in -> {
            boolean large = draw(in, 0, 9) == 0;
            int n = large ? draw(in, 0, 600) : draw(in, 0, Inputs.SHORT);
            int p = large ? draw(in, 0, 140) : draw(in, 0, Inputs.SHORT);
            return new Case(Inputs.width(in), n, p, draw(in, 0, 1) == 0 ? Layout.ROW_MAJOR : Layout.COLUMN_MAJOR,
                    draw(in, 0, 3), draw(in, 0, 3), draw(in, 0, 3), draw(in, 0, 3), draw(in, 0, 3),
                    draw(in, 0, 1) == 0, draw(in, 0, 2) > 0, Inputs.regime(in), Inputs.seed(in), Inputs.storage(in));
        };
    }

    /** A Gram implementation under test: the sequential kernel, or the parallel one. */
    interface GramCall {
        void gram(DenseMatrix x, double[] weights, double[] y, double[] g, int gOffset, int ldg, double[] xty, int xtyOffset);
    }

    /**
     * Runs {@code call} and the scalar reference on the case and checks, per element,
     * {@code |ΔGᵢⱼ| ≤ 2·(c·n·ε·Σₖ dₖ|xₖᵢxₖⱼ| + 4·n·u·(1 + max|xᵢ| + max|xⱼ|))}: the interface's bound for each of the
     * two orders of summation (c = 2 sequential; c·n = 2n + T for T parallel chunks), plus the absolute error of a
     * partial product that falls into the subnormal range (u = the smallest subnormal): dₖxₖⱼ rounded there and then
     * multiplied by xₖᵢ (the reference forms dₖxₖᵢ first, the vector kernel dₖxₖⱼ: each may lose up to u·|other|). Same bound for Xᵀy with y as a
     * column. Also: G exactly symmetric, NaN and infinities in the same places, every cell of g outside the p×p block
     * and of xty outside its range untouched, inputs unchanged.
     */
    static void check(Case c, GramCall call, int extraChunks) {
        SplittableRandom random = new SplittableRandom(c.seed());
        DenseMatrix x = c.x(random);
        double[] w = c.weights(random);
        double[] y = c.y(random);
        int p = c.p();
        int n = c.n();
        int ldg = Math.max(1, p + c.ldgPadding());
        double[] g = Inputs.padded(random, new double[Math.max(0, (p - 1) * ldg + p)], c.gOffset(), 3);
        double[] xty = Inputs.padded(random, new double[p], c.xtyOffset(), 3);
        double[] expectedG = g.clone();
        double[] expectedXty = xty.clone();
        double[] gBefore = g.clone();
        double[] xtyBefore = xty.clone();
        double[] x0 = Inputs.storageOf(x);
        double[] w0 = w == null ? null : w.clone();
        double[] y0 = y == null ? null : y.clone();
        SCALAR.gram(x, w, y, expectedG, c.gOffset(), ldg, expectedXty, c.xtyOffset());
        call.gram(x, w, y, g, c.gOffset(), ldg, y == null ? null : xty, c.xtyOffset());

        double coefficient = 2.0 * n + extraChunks;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                int at = c.gOffset() + i * ldg + j;
                double s = 0;
                double maxI = 0;
                double maxJ = 0;
                for (int k = 0; k < n; k++) {
                    double d = w == null ? 1 : w[k];
                    s += d * Math.abs(x.get(k, i) * x.get(k, j));
                    maxI = Math.max(maxI, Math.abs(x.get(k, i)));
                    maxJ = Math.max(maxJ, Math.abs(x.get(k, j)));
                }
                double bound = 2 * (coefficient * EPS * s + 4.0 * n * Double.MIN_VALUE * (1 + maxI + maxJ));
                agree("G(" + i + ", " + j + ") of " + c, expectedG[at], g[at], bound);
                double mirror = g[c.gOffset() + j * ldg + i];
                if (Double.compare(g[at], mirror) != 0) fail("G(" + i + ", " + j + ") = " + g[at] + " but G(" + j + ", " + i + ") = " + mirror);
            }
            if (y != null) {
                double s = 0;
                double maxI = 0;
                double maxY = 0;
                for (int k = 0; k < n; k++) {
                    double d = w == null ? 1 : w[k];
                    s += d * Math.abs(x.get(k, i) * y[k]);
                    maxI = Math.max(maxI, Math.abs(x.get(k, i)));
                    maxY = Math.max(maxY, Math.abs(y[k]));
                }
                double bound = 2 * (coefficient * EPS * s + 4.0 * n * Double.MIN_VALUE * (1 + maxI + maxY));
                agree("Xᵀy(" + i + ") of " + c, expectedXty[c.xtyOffset() + i], xty[c.xtyOffset() + i], bound);
            }
        }
        for (int at = 0; at < g.length; at++) {
            int r = at - c.gOffset();
            boolean inside = r >= 0 && r / ldg < p && r % ldg < p;
            if (!inside && Double.doubleToRawLongBits(g[at]) != Double.doubleToRawLongBits(gBefore[at])) {
                fail("g cell " + at + " outside the p×p block changed: " + gBefore[at] + " → " + g[at] + " in " + c);
            }
        }
        if (y == null) unchanged("xty (no y)", xtyBefore, xty);
        else Inputs.guardsUntouched("xty " + c, xtyBefore, xty, c.xtyOffset(), p);
        unchanged("X", x0, Inputs.storageOf(x));
        if (w != null) unchanged("weights", w0, w);
        if (y != null) unchanged("y", y0, y);
    }

    @Test
    void vectorGramAgreesWithScalarWithinBound() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> check(c, KernelProvider.vector(c.bits()).gram()::gram, 0));
    }

    /** Every width on shapes around the tile sizes of every width (MR = 8, NR = 2 vectors) and the block sizes. */
    @Test
    void tileAndBlockEdges() {
        int[] ns = {0, 1, 7, 255, 256, 257};
        int[] ps = {1, 3, 4, 5, 8, 9, 15, 16, 17, 127, 128, 129};
        long seed = 1;
        for (int bits : Inputs.WIDTHS) {
            for (int n : ns) {
                for (int p : ps) {
                    Case c = new Case(bits, n, p, (n + p) % 2 == 0 ? Layout.ROW_MAJOR : Layout.COLUMN_MAJOR, 1, 2, 1, 2, 1,
                            p % 3 == 0, true, Regime.UNIT, seed++);
                    check(c, KernelProvider.vector(bits).gram()::gram, 0);
                }
            }
        }
    }

    @Tag("slow")
    @Test
    void largerShapes() {
        qt().withExamples(200).forAll(in -> new Case(Inputs.width(in), draw(in, 0, 1500), draw(in, 0, 300),
                draw(in, 0, 1) == 0 ? Layout.ROW_MAJOR : Layout.COLUMN_MAJOR, draw(in, 0, 3), draw(in, 0, 3), draw(in, 0, 3),
                draw(in, 0, 3), draw(in, 0, 3), draw(in, 0, 1) == 0, draw(in, 0, 1) == 0, Inputs.regime(in), Inputs.seed(in)))
                .checkAssert(c -> check(c, KernelProvider.vector(c.bits()).gram()::gram, 0));
    }

    @Test
    void knownAnswer() {
        // X = [[1, 2], [3, 4], [5, 6]] with weights (1, 0, 2) and y = (1, 1, 1):
        // XᵀDX = [[1 + 50, 2 + 60], [2 + 60, 4 + 72]], XᵀDy = (1 + 10, 2 + 12).
        for (int bits : Inputs.WIDTHS) {
            for (Layout layout : Layout.values()) {
                double[] data = layout == Layout.ROW_MAJOR ? new double[] {1, 2, 3, 4, 5, 6} : new double[] {1, 3, 5, 2, 4, 6};
                MatrixView x = layout == Layout.ROW_MAJOR ? MatrixView.rowMajor(data, 3, 2) : MatrixView.columnMajor(data, 3, 2);
                double[] g = new double[4];
                double[] xty = new double[2];
                KernelProvider.vector(bits).gram().gram(x, new double[] {1, 0, 2}, new double[] {1, 1, 1}, g, 0, 2, xty, 0);
                org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {51, 62, 62, 76}, g);
                org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {11, 14}, xty);
            }
        }
    }

    @Test
    void emptyDesignGivesZeroGram() {
        for (int bits : Inputs.WIDTHS) {
            double[] g = {7, 7, 7, 7};
            double[] xty = {7, 7};
            KernelProvider.vector(bits).gram().gram(MatrixView.rowMajor(new double[0], 0, 2), null, new double[0], g, 0, 2, xty, 0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0, 0, 0, 0}, g);
            org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {0, 0}, xty);
        }
    }

    @Test
    void badInputIsRejectedByName() {
        for (int bits : Inputs.WIDTHS) {
            Gram v = KernelProvider.vector(bits).gram();
            MatrixView x = MatrixView.rowMajor(new double[12], 4, 3);
            assertMessage("weights[0 .. 4)", () -> v.gram(x, new double[3], null, new double[9], 0, 3, null, 0));
            assertMessage("y[0 .. 4)", () -> v.gram(x, null, new double[2], new double[9], 0, 3, new double[3], 0));
            assertMessage("xty[1 .. 4)", () -> v.gram(x, null, new double[4], new double[9], 0, 3, new double[3], 1));
            assertMessage("leading dimension of g must be ≥ max(1, p) = 3, got 2", () -> v.gram(x, null, null, new double[9], 0, 2, null, 0));
            assertMessage("matrix g at offset 1", () -> v.gram(x, null, null, new double[9], 1, 3, null, 0));
            assertEquals(0, 0);
        }
    }
}
