package dev.shrink.kernels;

import dev.shrink.kernels.Inputs.Regime;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.SplittableRandom;

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
 * The float32 kernels (dot, Ax, Aᵀx, the float32 Gram, the float32 Cholesky and the mixed solve) at every width
 * against the scalar references, with error bounds in float32 units (ε₃₂ = 2⁻²⁴): awkward lengths and offsets, every
 * storage for the Gram, values from subnormal to ~1e15 and NaN/±Inf. Values are kept where float32 cannot overflow,
 * since whether a sum overflows depends on the order of operations, which is what implementations may differ in.
 */
class Float32Properties {
    /** Unit roundoff of float32, 2⁻²⁴. */
    static final double EPS32 = 0x1p-24;
    static final int EXAMPLES = 400;
    private static final KernelProvider SCALAR = KernelProvider.scalar();

    /** A generated case: width, sizes, offsets, layout, value regime. */
    record Case(int bits, int n, int m, int xOffset, int yOffset, Layout layout, int ldPadding, Regime regime, long seed) {
        KernelProvider vector() {
            return KernelProvider.vector(bits);
        }
    }

    static Gen<Case> cases(int large) {
        return in -> new Case(Inputs.width(in), Inputs.length(in, large), Inputs.length(in, large / 8 + 8), draw(in, 0, 3),
                draw(in, 0, 3), draw(in, 0, 1) == 0 ? Layout.ROW_MAJOR : Layout.COLUMN_MAJOR, draw(in, 0, 3), Inputs.regime(in),
                Inputs.seed(in));
    }

    /**
     * count float32 values of the regime; WIDE ones have binary exponents in [−126, maxExp]; SUBNORMAL ones are float32
     * subnormals and the smallest normals.
     */
    static float[] floats(SplittableRandom random, int count, Regime regime, int maxExp) {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            float sign = random.nextBoolean() ? 1f : -1f;
            v[i] = switch (regime) {
                case UNIT -> (float) random.nextDouble(-1, 1);
                case WIDE -> sign * Math.scalb((float) random.nextDouble(1, 2), random.nextInt(-126, maxExp + 1));
                case SUBNORMAL -> sign * (random.nextBoolean() ? Float.MIN_VALUE * random.nextInt(1, 1 << 23)
                        : Float.MIN_NORMAL * (float) random.nextDouble(1, 4));
                case SPECIAL -> switch (random.nextInt(16)) {
                    case 0 -> Float.NaN;
                    case 1 -> Float.POSITIVE_INFINITY;
                    case 2 -> Float.NEGATIVE_INFINITY;
                    case 3 -> 0f;
                    case 4 -> -0f;
                    default -> (float) random.nextDouble(-1, 1);
                };
            };
        }
        return v;
    }

    static float[] padded(SplittableRandom random, float[] values, int offset) {
        float[] a = new float[offset + values.length + 3];
        for (int i = 0; i < a.length; i++) a[i] = (float) random.nextDouble(100, 200);
        System.arraycopy(values, 0, a, offset, values.length);
        return a;
    }

    /** NaN and each infinity in the same places; finite values within bound. */
    static void agree(String what, float expected, float actual, double bound) {
        Inputs.agree(what, expected, actual, bound);
    }

    /**
     * Two float32 summation orders of Σ tᵢ (FMA chains or separate products) each lie within 2·n·ε₃₂·Σ|tᵢ| of the exact
     * sum, plus a float32 subnormal spacing per rounded term that underflows.
     */
    static double bound(int n, double absSum) {
        return 2 * (2 * n * EPS32 * absSum + n * (double) Float.MIN_VALUE);
    }

    @Test
    void dotAgreesWithinBound() {
        qt().withExamples(EXAMPLES).forAll(cases(3000)).checkAssert(c -> {
            SplittableRandom random = new SplittableRandom(c.seed());
            // exponents ≤ 50: products < 2¹⁰², sums of 3000 of them far from float32's 2¹²⁸
            float[] x = padded(random, floats(random, c.n(), c.regime(), 50), c.xOffset());
            float[] y = padded(random, floats(random, c.n(), c.regime(), 50), c.yOffset());
            float[] x0 = x.clone();
            float[] y0 = y.clone();
            float expected = SCALAR.level1().dot(c.n(), x, c.xOffset(), y, c.yOffset());
            float actual = c.vector().level1().dot(c.n(), x, c.xOffset(), y, c.yOffset());
            double abs = 0;
            for (int i = 0; i < c.n(); i++) abs += Math.abs((double) x[c.xOffset() + i] * y[c.yOffset() + i]);
            agree("dot " + c, expected, actual, bound(c.n(), abs));
            assertArrayEquals(x0, x);
            assertArrayEquals(y0, y);
        });
    }

    /** A float32 matrix of n rows and m columns in a larger array, with padding between lines. */
    static FloatMatrixView matrix(Case c, SplittableRandom random, int maxExp) {
        int minor = c.layout() == Layout.ROW_MAJOR ? c.m() : c.n();
        int major = c.layout() == Layout.ROW_MAJOR ? c.n() : c.m();
        int ld = Math.max(1, minor + c.ldPadding());
        return new FloatMatrixView(padded(random, floats(random, major * ld, c.regime(), maxExp), c.xOffset()), c.xOffset(), c.n(),
                c.m(), ld, c.layout());
    }

    @Test
    void matrixVectorProductsAgreeWithinBound() {
        qt().withExamples(EXAMPLES).forAll(cases(300)).checkAssert(c -> {
            SplittableRandom random = new SplittableRandom(c.seed());
            FloatMatrixView a = matrix(c, random, 50);
            float[] data0 = a.data().clone();
            for (boolean transposed : new boolean[] {false, true}) {
                int in = transposed ? c.n() : c.m();
                int out = transposed ? c.m() : c.n();
                float[] x = padded(random, floats(random, in, c.regime(), 50), c.yOffset());
                float[] y = padded(random, floats(random, out, Regime.UNIT, 0), 1);
                float[] expected = y.clone();
                float[] before = y.clone();
                if (transposed) {
                    SCALAR.matrixVector().multiplyTransposed(a, x, c.yOffset(), expected, 1);
                    c.vector().matrixVector().multiplyTransposed(a, x, c.yOffset(), y, 1);
                } else {
                    SCALAR.matrixVector().multiply(a, x, c.yOffset(), expected, 1);
                    c.vector().matrixVector().multiply(a, x, c.yOffset(), y, 1);
                }
                for (int o = 0; o < out; o++) {
                    double abs = 0;
                    for (int t = 0; t < in; t++) {
                        abs += Math.abs((transposed ? a.get(t, o) : a.get(o, t)) * x[c.yOffset() + t]);
                    }
                    agree((transposed ? "Aᵀx" : "Ax") + " element " + o + " of " + c, expected[1 + o], y[1 + o], bound(in, abs));
                }
                for (int i = 0; i < y.length; i++) {
                    if (i < 1 || i >= 1 + out) assertEquals(Float.floatToRawIntBits(before[i]), Float.floatToRawIntBits(y[i]), "guard " + i);
                }
            }
            assertArrayEquals(data0, a.data(), "A unchanged");
        });
    }

    /** A float32 Gram case: a design in any storage, an optional centre and row scale. */
    record GramCase(int bits, int n, int p, Inputs.Storage storage, Layout layout, int ldPadding, int offset, int gOffset,
                    int ldgPadding, boolean centred, boolean scaled, Regime regime, long seed) {}

    static Gen<GramCase> gramCases() {
        return in -> {
            boolean large = draw(in, 0, 9) == 0;
            return new GramCase(Inputs.width(in), large ? draw(in, 0, 600) : draw(in, 0, Inputs.SHORT),
                    large ? draw(in, 0, 140) : draw(in, 0, 2 * Inputs.SHORT), Inputs.storage(in),
                    draw(in, 0, 1) == 0 ? Layout.ROW_MAJOR : Layout.COLUMN_MAJOR, draw(in, 0, 3), draw(in, 0, 3), draw(in, 0, 3),
                    draw(in, 0, 3), draw(in, 0, 1) == 0, draw(in, 0, 1) == 0, Inputs.regime(in), Inputs.seed(in));
        };
    }

    /**
     * The float32 Gram against the reference: both form the same float32 elements x̃ = (float) (s·(x − c)) (one
     * rounding each, identical), so per element they differ only by their summation orders:
     * {@code |ΔGᵢⱼ| ≤ 2·(2n·ε₃₂·Σₖ|x̃ₖᵢx̃ₖⱼ| + n·u₃₂)}. Also: exactly symmetric, cells outside the p×p block untouched,
     * inputs unchanged; and every element within the interface's bound 2(n + 1)·ε₃₂·Σ|x̃x̃| of the exact product
     * computed in double from the unrounded (double) elements.
     */
    @Test
    void gramFloat32AgreesWithinBound() {
        qt().withExamples(300).forAll(gramCases()).checkAssert(Float32Properties::checkGram);
    }

    /** Shapes around the float32 tile (MR = 8, NR = 2 float vectors: 8, 16 or 32 columns) and the block edges. */
    @Test
    void gramFloat32TileEdges() {
        long seed = 5;
        for (int bits : Inputs.WIDTHS) {
            for (int n : new int[] {1, 9, 129, 257}) {
                for (int p : new int[] {4, 7, 8, 15, 16, 17, 31, 32, 33, 65}) {
                    checkGram(new GramCase(bits, n, p, Inputs.Storage.values()[(int) (seed % 3)], seed % 2 == 0 ? Layout.ROW_MAJOR
                            : Layout.COLUMN_MAJOR, 1, 2, 1, 1, seed % 3 == 0, seed % 4 == 0, Regime.UNIT, seed++));
                }
            }
        }
    }

    static void checkGram(GramCase c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        // exponents ≤ 50 (centre ≤ 2⁵⁰, scale < 4): x̃ < 2⁵³, products < 2¹⁰⁶, sums of 600 < 2¹¹⁶
        DenseMatrix x = Inputs.matrix(random, c.storage(), c.n(), c.p(), c.layout(), c.ldPadding(), c.offset(), c.regime(), -1022, 50);
        double[] center = c.centred() ? Inputs.values(random, c.p(), c.regime() == Regime.SPECIAL ? Regime.UNIT : c.regime(), -1022, 50) : null;
        double[] scale = null;
        if (c.scaled()) {
            scale = new double[c.n()];
            for (int k = 0; k < c.n(); k++) scale[k] = random.nextInt(5) == 0 ? 0.0 : random.nextDouble(0, 4);
        }
        int p = c.p();
        int n = c.n();
        int ldg = Math.max(1, p + c.ldgPadding());
        float[] g = padded(random, new float[Math.max(0, (p - 1) * ldg + p)], c.gOffset());
        float[] expected = g.clone();
        float[] before = g.clone();
        double[] x0 = Inputs.storageOf(x);
        double[] center0 = center == null ? null : center.clone();
        SCALAR.gram().gramFloat32(x, center, scale, expected, c.gOffset(), ldg);
        KernelProvider.vector(c.bits()).gram().gramFloat32(x, center, scale, g, c.gOffset(), ldg);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                int at = c.gOffset() + i * ldg + j;
                double abs = 0;
                double exact = 0;
                double absExact = 0;
                double maxI = 0;
                double maxJ = 0;
                for (int k = 0; k < n; k++) {
                    abs += Math.abs((double) element(x, center, scale, k, i) * element(x, center, scale, k, j));
                    double ei = exactElement(x, center, scale, k, i);
                    double ej = exactElement(x, center, scale, k, j);
                    exact += ei * ej;
                    absExact += Math.abs(ei * ej);
                    maxI = Math.max(maxI, Math.abs(ei));
                    maxJ = Math.max(maxJ, Math.abs(ej));
                }
                agree("G32(" + i + ", " + j + ") of " + c, expected[at], g[at], bound(n, abs));
                if (Float.isFinite(g[at]) && Double.isFinite(exact)) {
                    // plus, per row, an element rounded into float32's subnormal range times the other factor
                    double interfaceBound = 2 * (n + 1) * EPS32 * absExact * 1.01 + 4 * n * EPS * absExact
                            + 2 * n * (double) Float.MIN_VALUE * (1 + maxI + maxJ);
                    if (!(Math.abs(g[at] - exact) <= interfaceBound)) {
                        fail("G32(" + i + ", " + j + ") = " + g[at] + " vs exact " + exact + " beyond " + interfaceBound + " in " + c);
                    }
                }
                if (Float.compare(g[at], g[c.gOffset() + j * ldg + i]) != 0) fail("G32 not symmetric at " + i + ", " + j + " in " + c);
            }
        }
        for (int at = 0; at < g.length; at++) {
            int r = at - c.gOffset();
            boolean inside = r >= 0 && r / ldg < p && r % ldg < p;
            if (!inside && Float.floatToRawIntBits(g[at]) != Float.floatToRawIntBits(before[at])) fail("g cell " + at + " changed in " + c);
        }
        Inputs.unchanged("X", x0, Inputs.storageOf(x));
        if (center != null) Inputs.unchanged("center", center0, center);
    }

    /** The float32 element both implementations form. */
    private static float element(DenseMatrix x, double[] center, double[] scale, int k, int j) {
        double v = x.get(k, j) - (center == null ? 0.0 : center[j]);
        return (float) (scale == null ? v : scale[k] * v);
    }

    private static double exactElement(DenseMatrix x, double[] center, double[] scale, int k, int j) {
        double v = x.get(k, j) - (center == null ? 0.0 : center[j]);
        return scale == null ? v : scale[k] * v;
    }

    /** A float32 SPD problem: the double SPD matrix of CholeskyProperties rounded to float32 (cond ≤ 1e5 stays SPD). */
    record CholeskyCase(int bits, int p, int ldPadding, int offset, int logCondition, float scale, float shift, long seed) {
        int lda() {
            return Math.max(1, p + ldPadding);
        }

        float[] matrix(SplittableRandom random) {
            double[] dense = CholeskyProperties.spd(random, p, logCondition, scale);
            int lda = lda();
            float[] a = new float[offset + Math.max(0, (p - 1) * lda + p) + 3];
            for (int i = 0; i < a.length; i++) a[i] = (float) random.nextDouble(100, 200);
            for (int i = 0; i < p; i++) {
                for (int j = 0; j <= i; j++) a[offset + i * lda + j] = (float) dense[i * p + j];
            }
            return a;
        }
    }

    static Gen<CholeskyCase> choleskyCases() {
        return in -> {
            boolean large = draw(in, 0, 7) == 0;
            int p = large ? draw(in, 40, 200) : draw(in, 0, Inputs.SHORT);
            float scale = Math.scalb(1f, draw(in, -40, 40));
            float shift = draw(in, 0, 3) == 0 ? scale * draw(in, 1, 100) * 1e-3f : 0f;
            return new CholeskyCase(Inputs.width(in), p, draw(in, 0, 3), draw(in, 0, 3), draw(in, 0, 4), scale, shift, Inputs.seed(in));
        };
    }

    /**
     * Backward error of the float32 factor: each element of A + shift·I − LLᵀ (LLᵀ evaluated in double from the float32
     * L) is within 4·(p + 2)·ε₃₂·(|L||L|ᵀ)ᵢⱼ (Higham Thm 10.3, γ_{p+1}|L||Lᵀ| doubled), plus, for underflow, 4·(p + 2)
     * float32 subnormal spacings times 1 + Σₖ(|lᵢₖ| + |lⱼₖ|) (an element of L that underflows by η moves (LLᵀ)ᵢⱼ by
     * η times its partner, e.g. a subnormal lᵢⱼ by η·lⱼⱼ);
     * the strict upper triangle and padding are untouched. Then the mixed solve: x from (LLᵀ)x = b in double has
     * |b − L(Lᵀx)| ≤ 4·(p + 2)·ε·(|L|(|Lᵀ||x|)) (two triangular solves, Higham Thm 8.5), ε = 2⁻⁵³.
     */
    @Test
    void float32FactorAndMixedSolveHaveSmallBackwardError() {
        qt().withExamples(250).forAll(choleskyCases()).checkAssert(Float32Properties::checkCholesky);
    }

    static void checkCholesky(CholeskyCase c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        float[] a = c.matrix(random);
        float[] before = a.clone();
        int lda = c.lda();
        int off = c.offset();
        int p = c.p();
        Cholesky v = KernelProvider.vector(c.bits()).cholesky();
        v.factor(p, a, off, lda, c.shift());
        for (int at = 0; at < a.length; at++) {
            int r = at - off;
            boolean lower = r >= 0 && r / lda < p && r % lda <= r / lda;
            if (!lower && Float.floatToRawIntBits(before[at]) != Float.floatToRawIntBits(a[at])) fail("cell " + at + " changed in " + c);
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                double abs = 0;
                double lines = 1; // 1 + Σₖ (|lᵢₖ| + |lⱼₖ|): what an underflow in one factor element is multiplied by
                for (int k = 0; k <= j; k++) {
                    double t = (double) a[off + i * lda + k] * a[off + j * lda + k];
                    s += t;
                    abs += Math.abs(t);
                    lines += Math.abs(a[off + i * lda + k]) + Math.abs(a[off + j * lda + k]);
                }
                double target = (double) before[off + i * lda + j] + (i == j ? c.shift() : 0);
                double bound = 4 * (p + 2) * EPS32 * abs + 4 * (p + 2) * (double) Float.MIN_VALUE * lines;
                if (!(Math.abs(target - s) <= bound)) {
                    fail("(LLᵀ)(" + i + ", " + j + ") = " + s + " vs A = " + target + ", |Δ| = " + Math.abs(target - s) + " > " + bound + " in " + c);
                }
            }
        }
        double[] b = Inputs.values(random, p, Regime.UNIT);
        double[] x = b.clone();
        float[] l = a.clone();
        v.solve(p, a, off, lda, x, 0);
        assertArrayEquals(l, a, "L unchanged by the solve");
        for (int i = 0; i < p; i++) {
            double s = 0;
            double abs = 0;
            for (int k = 0; k <= i; k++) {
                double u = 0;
                double uAbs = 0;
                for (int m = k; m < p; m++) {
                    u += (double) a[off + m * lda + k] * x[m];
                    uAbs += Math.abs((double) a[off + m * lda + k] * x[m]);
                }
                s += a[off + i * lda + k] * u;
                abs += Math.abs(a[off + i * lda + k]) * uAbs;
            }
            double bound = 4 * (p + 2) * EPS * abs + 4 * (p + 2) * Double.MIN_VALUE;
            if (!(Math.abs(b[i] - s) <= bound)) fail("mixed solve residual " + (b[i] - s) + " in row " + i + " > " + bound + " in " + c);
        }
    }

    /** A matrix whose pivot k is ≤ 0 or NaN fails at k in both implementations, as in double. */
    @Test
    void float32FactorFailsAtTheSamePivotAsTheReference() {
        qt().withExamples(150).forAll(choleskyCases(), in -> draw(in, 0, 3)).checkAssert((c, kind) -> {
            if (c.p() == 0) return;
            SplittableRandom random = new SplittableRandom(c.seed());
            float[] a = c.matrix(random);
            int lda = c.lda();
            int off = c.offset();
            int k = random.nextInt(c.p());
            switch (kind) {
                case 0 -> a[off + k * lda + k] = -c.scale();
                case 1 -> a[off + k * lda + k] = Float.NaN;
                case 2 -> a[off + k * lda + random.nextInt(k + 1)] = Float.POSITIVE_INFINITY;
                default -> a[off + k * lda + k] = 0f;
            }
            float[] s = a.clone();
            NotPositiveDefiniteException expected = assertThrows(NotPositiveDefiniteException.class,
                    () -> SCALAR.cholesky().factor(c.p(), s, off, lda, 0f));
            NotPositiveDefiniteException actual = assertThrows(NotPositiveDefiniteException.class,
                    () -> KernelProvider.vector(c.bits()).cholesky().factor(c.p(), a, off, lda, 0f), c.toString());
            assertEquals(expected.pivot(), actual.pivot(), "pivot of " + c + " kind " + kind);
            assertEquals(k, actual.pivot(), "pivot of " + c + " kind " + kind);
            assertTrue(!(actual.value() > 0) || Double.isInfinite(actual.value()), "pivot value " + actual.value());
        });
    }

    @Test
    void knownAnswersAndBadInput() {
        for (int bits : Inputs.WIDTHS) {
            KernelProvider k = KernelProvider.vector(bits);
            assertEquals(32f, k.level1().dot(3, new float[] {1, 2, 3}, 0, new float[] {4, 5, 6}, 0));
            float[] y = new float[2];
            k.matrixVector().multiply(FloatMatrixView.rowMajor(new float[] {1, 2, 3, 4}, 2, 2), new float[] {1, -1}, 0, y, 0);
            assertArrayEquals(new float[] {-1, -1}, y);
            k.matrixVector().multiplyTransposed(FloatMatrixView.columnMajor(new float[] {1, 3, 2, 4}, 2, 2), new float[] {1, 1}, 0, y, 0);
            assertArrayEquals(new float[] {4, 6}, y);
            // X = [[1, 2], [3, 4], [5, 6]]: XᵀX = [[35, 44], [44, 56]]; centred on (3, 4): [[8, 8], [8, 8]]
            double[][] rows = {{1, 2}, {3, 4}, {5, 6}};
            assertArrayEquals(new float[] {35, 44, 44, 56}, k.gram().gramFloat32(new RowArrays(rows, 2)));
            float[] g = new float[4];
            k.gram().gramFloat32(FloatMatrixView.rowMajor(new float[] {1, 2, 3, 4, 5, 6}, 3, 2), new double[] {3, 4}, null, g, 0, 2);
            assertArrayEquals(new float[] {8, 8, 8, 8}, g);
            float[] a = {4, 99, 2, 10};
            k.cholesky().factor(2, a, 0, 2, 0f);
            assertArrayEquals(new float[] {2, 99, 1, 3}, a);
            double[] b = {8, 13};
            k.cholesky().solve(2, a, 0, 2, b, 0);
            assertArrayEquals(new double[] {1.5, 1}, b, 1e-15);
            Level1 l1 = k.level1();
            assertMessage("x[1 .. 4)", () -> l1.dot(3, new float[3], 1, new float[3], 0));
            assertMessage("leading dimension of g", () -> k.gram().gramFloat32(new RowArrays(rows, 2), null, null, new float[4], 0, 1));
            assertMessage("center[0 .. 2)", () -> k.gram().gramFloat32(new RowArrays(rows, 2), new double[1], null, new float[4], 0, 2));
            assertMessage("rowScale[0 .. 3)", () -> k.gram().gramFloat32(new RowArrays(rows, 2), null, new double[2], new float[4], 0, 2));
            assertMessage("shift must be finite", () -> k.cholesky().factor(1, new float[1], 0, 1, Float.NaN));
        }
        assertMessage("row 1 has 1 elements, expected 2", () -> new RowArrays(new double[][] {{1, 2}, {3}}, 2));
        assertMessage("row 0 is null", () -> RowArrays.of(new double[][] {null}));
        assertMessage("needs 7 elements, data has 6", () -> new FloatMatrixView(new float[6], 1, 3, 2, 2, Layout.ROW_MAJOR));
    }
}
