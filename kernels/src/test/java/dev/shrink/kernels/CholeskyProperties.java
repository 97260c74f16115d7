package dev.shrink.kernels;

import org.junit.jupiter.api.Tag;
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
 * The Vector API Cholesky at every width: backward error of the factor and of the solves on random SPD matrices with
 * condition numbers up to 1e10, failures at the same pivot as the scalar reference, and a small generic suite (known
 * answer, 0×0, 1×1, shift, bad input). Sizes cross the 64-wide block columns and the 128-deep packed blocks.
 */
class CholeskyProperties {
    private static final Cholesky SCALAR = KernelProvider.scalar().cholesky();
    static final int EXAMPLES = 250;

    /** A generated SPD problem: A = Q·diag(λ)·Qᵀ with λ log-spaced over 10^logCondition, stored with padding. */
    record Case(int bits, int p, int ldPadding, int offset, int logCondition, double scale, double shift, int nrhs,
                long seed) {
        Cholesky vector() {
            return KernelProvider.vector(bits).cholesky();
        }

        int lda() {
            return Math.max(1, p + ldPadding);
        }

        /** A in a larger array; the strict upper triangle and the padding hold markers the factorization must keep. */
        double[] matrix(SplittableRandom random) {
            double[] dense = spd(random, p, logCondition, scale);
            int lda = lda();
            double[] a = new double[offset + Math.max(0, (p - 1) * lda + p) + 3];
            for (int i = 0; i < a.length; i++) a[i] = random.nextDouble(100, 200);
            for (int i = 0; i < p; i++) {
                for (int j = 0; j <= i; j++) a[offset + i * lda + j] = dense[i * p + j];
            }
            return a;
        }
    }

    static Gen<Case> cases() {
        return in -> {
            boolean large = draw(in, 0, 7) == 0;
            int p = large ? draw(in, 60, 270) : draw(in, 0, Inputs.SHORT);
            double scale = Math.scalb(1.0, draw(in, -300, 300));
            double shift = draw(in, 0, 3) == 0 ? scale * draw(in, 1, 100) * 1e-3 : 0.0;
            return new Case(Inputs.width(in), p, draw(in, 0, 3), draw(in, 0, 3), draw(in, 0, 10), scale, shift,
                    draw(in, 0, 11), Inputs.seed(in));
        };
    }

    /**
     * A random symmetric matrix with eigenvalues scale·10^(−c·t), t evenly spread in [0, 1]: diag(λ) turned by three
     * random Householder reflections H = I − 2vvᵀ/vᵀv, A ← HAH (full p×p, row-major).
     */
    static double[] spd(SplittableRandom random, int p, int logCondition, double scale) {
        double[] a = new double[p * p];
        for (int i = 0; i < p; i++) a[i * p + i] = scale * Math.pow(10, -logCondition * (p == 1 ? 0 : (double) i / (p - 1)));
        double[] v = new double[p];
        double[] w = new double[p];
        for (int r = 0; r < 3 && p > 1; r++) {
            double vv = 0;
            for (int i = 0; i < p; i++) {
                v[i] = random.nextDouble(-1, 1);
                vv += v[i] * v[i];
            }
            double vw = 0;
            for (int i = 0; i < p; i++) {
                double s = 0;
                for (int j = 0; j < p; j++) s += a[i * p + j] * v[j];
                w[i] = s;
                vw += v[i] * s;
            }
            // HAH = A − (2/vv)(w vᵀ + v wᵀ) + (4 vᵀw / vv²) v vᵀ, with w = Av
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    a[i * p + j] += -2 / vv * (w[i] * v[j] + v[i] * w[j]) + 4 * vw / (vv * vv) * v[i] * v[j];
                }
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) a[j * p + i] = a[i * p + j]; // exactly symmetric
        }
        return a;
    }

    /** Cells outside the lower triangle of the p×p block at offset (strict upper triangle, padding, guards). */
    static void outsideLowerUntouched(String what, double[] before, double[] after, int offset, int lda, int p) {
        for (int at = 0; at < before.length; at++) {
            int r = at - offset;
            boolean lower = r >= 0 && r / lda < p && r % lda <= r / lda;
            if (!lower && Double.doubleToRawLongBits(before[at]) != Double.doubleToRawLongBits(after[at])) {
                fail(what + ": cell " + at + " outside the lower triangle changed: " + before[at] + " → " + after[at]);
            }
        }
    }

    /**
     * Backward error of the factor: each element of A + shift·I − LLᵀ, LLᵀ evaluated in double, is within
     * 4·(p + 2)·ε·(|L||L|ᵀ)ᵢⱼ — Higham, Accuracy and Stability of Numerical Algorithms, Thm 10.3
     * (γ_{p+1}|L||Lᵀ|), doubled for the rounding of the check's own sum — plus subnormal spacing.
     */
    @Test
    void factorHasSmallBackwardError() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(CholeskyProperties::checkFactor);
    }

    /** Every width at sizes around the block edges: 32-wide inner columns, 128-wide outer ones, 128-deep k blocks. */
    @Test
    void blockEdges() {
        long seed = 11;
        for (int bits : Inputs.WIDTHS) {
            for (int p : new int[] {31, 32, 33, 127, 128, 129, 257, 300}) {
                checkFactor(new Case(bits, p, p % 3, p % 2, 6, 1.0, p % 2 == 0 ? 0.0 : 1e-3, 1, seed++));
            }
        }
    }

    static void checkFactor(Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        double[] a = c.matrix(random);
        double[] before = a.clone();
        int lda = c.lda();
        int off = c.offset();
        int p = c.p();
        c.vector().factor(p, a, off, lda, c.shift());
        outsideLowerUntouched("factor " + c, before, a, off, lda, p);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                double abs = 0;
                for (int k = 0; k <= j; k++) {
                    double t = a[off + i * lda + k] * a[off + j * lda + k];
                    s += t;
                    abs += Math.abs(t);
                }
                double target = before[off + i * lda + j] + (i == j ? c.shift() : 0);
                double bound = 4 * (p + 2) * EPS * abs + 4 * (p + 2) * Double.MIN_VALUE;
                if (!(Math.abs(target - s) <= bound)) {
                    fail("(LLᵀ)(" + i + ", " + j + ") = " + s + " vs A = " + target + ", |Δ| = " + Math.abs(target - s)
                            + " > " + bound + " in " + c);
                }
            }
        }
    }

    /**
     * Backward error of the solves with the vector factor: forward, r = b − Lz, and back, r = z − Lᵀx, each within
     * 4·(p + 2)·ε·Σₖ|Lᵢₖzₖ| (Higham Thm 8.5, γ_p|L||z|, doubled for the residual's own rounding); the same per
     * column for several right-hand sides. Guard cells around b stay untouched, L is not modified.
     */
    @Test
    void solvesHaveSmallBackwardError() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            SplittableRandom random = new SplittableRandom(c.seed());
            double[] a = c.matrix(random);
            int lda = c.lda();
            int off = c.offset();
            int p = c.p();
            Cholesky v = c.vector();
            v.factor(p, a, off, lda, c.shift());
            double[] l = a.clone();
            int bOff = c.ldPadding();
            double[] b = Inputs.padded(random, Inputs.values(random, p, Inputs.Regime.UNIT), bOff, 3);
            double[] b0 = b.clone();
            v.forwardSolve(p, a, off, lda, b, bOff);
            assertResidual("forward " + c, p, i -> b0[bOff + i], b, bOff, l, off, lda, false);
            Inputs.guardsUntouched("forward " + c, b0, b, bOff, p);
            double[] z = b.clone();
            v.backSolve(p, a, off, lda, b, bOff);
            assertResidual("back " + c, p, i -> z[bOff + i], b, bOff, l, off, lda, true);
            Inputs.guardsUntouched("back " + c, z, b, bOff, p);
            Inputs.unchanged("L", l, a);

            // several right-hand sides: B is p×nrhs with ldb = nrhs + padding
            int nrhs = c.nrhs();
            int ldb = Math.max(1, nrhs + c.ldPadding());
            double[] bm = Inputs.padded(random, Inputs.values(random, Math.max(0, (p - 1) * ldb + nrhs), Inputs.Regime.UNIT), bOff, 3);
            double[] bm0 = bm.clone();
            v.solve(p, nrhs, a, off, lda, bm, bOff, ldb);
            for (int r = 0; r < nrhs; r++) {
                int col = r;
                // x solves LLᵀx = b: check Lᵀx = z with z = L⁻¹b from the single-vector forward solve
                double[] zc = new double[p];
                for (int i = 0; i < p; i++) zc[i] = bm0[bOff + i * ldb + col];
                v.forwardSolve(p, a, off, lda, zc, 0);
                double[] xc = new double[p];
                for (int i = 0; i < p; i++) xc[i] = bm[bOff + i * ldb + col];
                assertResidualVsLinearError("multi-solve column " + r + " " + c, p, zc, xc, l, off, lda);
            }
            for (int at = 0; at < bm.length; at++) {
                int q = at - bOff;
                boolean inside = q >= 0 && q / ldb < p && q % ldb < nrhs;
                if (!inside) assertEquals(Double.doubleToRawLongBits(bm0[at]), Double.doubleToRawLongBits(bm[at]), "B cell " + at + " in " + c);
            }
        });
    }

    /** |rhs − M·sol| ≤ 4·(p + 2)·ε·|M||sol| per row, M = L (forward) or Lᵀ (back). */
    private static void assertResidual(String what, int p, java.util.function.IntToDoubleFunction rhs, double[] sol, int sOff,
                                       double[] l, int off, int lda, boolean transposed) {
        for (int i = 0; i < p; i++) {
            double s = 0;
            double abs = 0;
            int from = transposed ? i : 0;
            int to = transposed ? p - 1 : i;
            for (int k = from; k <= to; k++) {
                double lik = transposed ? l[off + k * lda + i] : l[off + i * lda + k];
                double t = lik * sol[sOff + k];
                s += t;
                abs += Math.abs(t);
            }
            double bound = 4 * (p + 2) * EPS * abs + 4 * (p + 2) * Double.MIN_VALUE;
            double r = rhs.applyAsDouble(i) - s;
            if (!(Math.abs(r) <= bound)) fail(what + ": residual " + r + " in row " + i + " exceeds " + bound);
        }
    }

    /**
     * The multi-RHS back substitution against Lᵀx = z, where z came from a separate forward solve: z itself differs
     * from the multi-solve's intermediate by at most the forward error, so the bound allows cond(L)·(p+2)·ε relative
     * to |Lᵀ||x|; cond(L) ≤ 10^(c/2) ≤ 1e5.
     */
    private static void assertResidualVsLinearError(String what, int p, double[] z, double[] x, double[] l, int off, int lda) {
        for (int i = 0; i < p; i++) {
            double s = 0;
            double abs = 0;
            for (int k = i; k < p; k++) {
                double t = l[off + k * lda + i] * x[k];
                s += t;
                abs += Math.abs(t);
            }
            double bound = 1e5 * 8 * (p + 2) * EPS * (abs + Math.abs(z[i])) + 8 * (p + 2) * Double.MIN_VALUE;
            if (!(Math.abs(z[i] - s) <= bound)) fail(what + ": residual " + (z[i] - s) + " in row " + i + " exceeds " + bound);
        }
    }

    /** A matrix whose leading k×k minor is SPD and whose pivot k is ≤ 0 or NaN fails at k in both implementations. */
    @Test
    void failsAtTheSamePivotAsTheReference() {
        qt().withExamples(150).forAll(cases(), in -> draw(in, 0, 3)).checkAssert((c, kind) -> {
            if (c.p() == 0) return;
            SplittableRandom random = new SplittableRandom(c.seed());
            double[] a = c.matrix(random);
            int lda = c.lda();
            int off = c.offset();
            int k = random.nextInt(c.p());
            switch (kind) {
                case 0 -> a[off + k * lda + k] = -c.scale();                              // negative diagonal
                case 1 -> a[off + k * lda + k] = Double.NaN;                              // NaN pivot
                case 2 -> a[off + k * lda + random.nextInt(k + 1)] = Double.NaN;          // NaN in row k
                default -> a[off + k * lda + k] = 0.0;                                    // zero diagonal
            }
            double[] s = a.clone();
            NotPositiveDefiniteException expected = assertThrows(NotPositiveDefiniteException.class,
                    () -> SCALAR.factor(c.p(), s, off, lda, 0.0));
            NotPositiveDefiniteException actual = assertThrows(NotPositiveDefiniteException.class,
                    () -> c.vector().factor(c.p(), a, off, lda, 0.0), c.toString());
            assertEquals(expected.pivot(), actual.pivot(), "pivot of " + c + " kind " + kind);
            assertEquals(k, actual.pivot(), "pivot of " + c + " kind " + kind);
            assertEquals(Double.isNaN(expected.value()), Double.isNaN(actual.value()), "NaN pivot value of " + c);
            assertTrue(!(actual.value() > 0) || Double.isInfinite(actual.value()), "pivot value " + actual.value());
        });
    }

    @Tag("slow")
    @Test
    void largeMatrices() {
        qt().withExamples(20).forAll(in -> new Case(Inputs.width(in), draw(in, 300, 700), draw(in, 0, 3), draw(in, 0, 3),
                draw(in, 0, 10), 1.0, 0.0, draw(in, 1, 9), Inputs.seed(in))).checkAssert(c -> {
            SplittableRandom random = new SplittableRandom(c.seed());
            double[] a = c.matrix(random);
            double[] before = a.clone();
            c.vector().factor(c.p(), a, c.offset(), c.lda(), 0.0);
            outsideLowerUntouched("factor " + c, before, a, c.offset(), c.lda(), c.p());
            double[] s = before.clone();
            SCALAR.factor(c.p(), s, c.offset(), c.lda(), 0.0);
            for (int i = 0; i < a.length; i++) {
                assertEquals(s[i], a[i], 1e-5 * Math.abs(s[i]) + 1e-12, "L cell " + i); // cond(L) ≤ 1e5 amplifies ε
            }
        });
    }

    @Test
    void knownAnswerEmptyAndOneByOne() {
        for (int bits : Inputs.WIDTHS) {
            Cholesky v = KernelProvider.vector(bits).cholesky();
            double[] a = {4, 99, 2, 10}; // [[4, 2], [2, 10]] = LLᵀ with L = [[2, 0], [1, 3]]; 99 marks the upper triangle
            v.factor(2, a, 0, 2, 0.0);
            assertArrayEquals(new double[] {2, 99, 1, 3}, a);
            double[] b = {8, 13}; // A·(1.5, 1)
            v.solve(2, a, 0, 2, b, 0);
            assertArrayEquals(new double[] {1.5, 1}, b, 1e-15);
            double[] bm = {8, 4, 7, 13, 2, 5}; // p×2 with ldb 3: columns A·(1.5, 1) and A·(1, 0); the third (7, 5) is padding
            v.solve(2, 2, a, 0, 2, bm, 0, 3);
            assertArrayEquals(new double[] {1.5, 1, 7, 1, 0, 5}, bm, 1e-15);

            double[] shifted = {3, 99, 2, 9}; // + shift 1 gives the matrix above
            v.factor(2, shifted, 0, 2, 1.0);
            assertArrayEquals(new double[] {2, 99, 1, 3}, shifted, 1e-15);

            double[] empty = {5};
            v.factor(0, empty, 0, 1, 0.0);
            v.solve(0, empty, 0, 1, empty, 0);
            assertArrayEquals(new double[] {5}, empty);

            double[] one = {9};
            v.factor(1, one, 0, 1, 0.0);
            assertArrayEquals(new double[] {3}, one);
            double[] rhs = {6};
            v.solve(1, one, 0, 1, rhs, 0);
            assertArrayEquals(new double[] {6.0 / 9}, rhs, 1e-16);

            NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class, () -> v.factor(2, new double[] {1, 0, 2, 1}, 0, 2, 0));
            assertEquals(1, e.pivot());
            assertEquals(-3.0, e.value());
            assertEquals(0, assertThrows(NotPositiveDefiniteException.class, () -> v.factor(1, new double[] {-1}, 0, 1, 0)).pivot());
        }
    }

    @Test
    void badInputIsRejectedByName() {
        for (int bits : Inputs.WIDTHS) {
            Cholesky v = KernelProvider.vector(bits).cholesky();
            assertMessage("leading dimension of a must be ≥ max(1, p) = 3, got 2", () -> v.factor(3, new double[9], 0, 2, 0));
            assertMessage("a 3×3 matrix a at offset 1", () -> v.factor(3, new double[9], 1, 3, 0));
            assertMessage("p must be ≥ 0, got -1", () -> v.factor(-1, new double[9], 0, 3, 0));
            assertMessage("shift must be finite, got NaN", () -> v.factor(1, new double[1], 0, 1, Double.NaN));
            assertMessage("b[1 .. 4)", () -> v.forwardSolve(3, new double[9], 0, 3, new double[3], 1));
            assertMessage("b[0 .. 3)", () -> v.backSolve(3, new double[9], 0, 3, new double[2], 0));
            assertMessage("nrhs must be ≥ 0, got -2", () -> v.solve(3, -2, new double[9], 0, 3, new double[9], 0, 3));
            assertMessage("a 3×2 matrix b", () -> v.solve(3, 2, new double[9], 0, 3, new double[5], 0, 2));
        }
    }
}
