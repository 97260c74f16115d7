package dev.shrink.kernels;

import dev.shrink.kernels.Inputs.Regime;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.SplittableRandom;

import static dev.shrink.kernels.Inputs.EPS;
import static dev.shrink.kernels.Inputs.EXAMPLES;
import static dev.shrink.kernels.Inputs.agree;
import static dev.shrink.kernels.Inputs.draw;
import static dev.shrink.kernels.Inputs.guardsUntouched;
import static dev.shrink.kernels.Inputs.identical;
import static dev.shrink.kernels.Inputs.padded;
import static dev.shrink.kernels.Inputs.unchanged;
import static dev.shrink.kernels.Inputs.values;
import static dev.shrink.kernels.Level1Properties.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

/**
 * The Vector API proximal steps against the scalar reference. The vector kernels round exactly as the reference (no
 * FMA, the same division, the sign copied bit by bit), so the bound checked here is zero: bit-identical results,
 * signed zeros and NaN included — stricter than the interface, which lets zero signs and the fused steps differ.
 */
class ProximalProperties {
    private static final Proximal SCALAR = KernelProvider.scalar().proximal();

    /** A generated case: width, length, offsets, stride of x, penalties, value regime; in place or not. */
    record Case(int bits, int n, int xOffset, int outOffset, int incX, double t, double l1, double l2, boolean inPlace,
                Regime regime, long seed) {
        Proximal vector() {
            return KernelProvider.vector(bits).proximal();
        }

        double[] array(SplittableRandom random, int offset, int count) {
            return padded(random, values(random, count, regime), offset, 3);
        }
    }

    static Gen<Case> cases() {
        return cases(Inputs::width, 5000);
    }

    static Gen<Case> cases(Gen<Integer> width, int large) {
        return in -> new Case(width.generate(in), Inputs.length(in, large), draw(in, 0, 3), draw(in, 0, 3), draw(in, 1, 3),
                Inputs.nonNegative(in), Inputs.nonNegative(in), Inputs.nonNegative(in), draw(in, 0, 1) == 1,
                Inputs.regime(in), Inputs.seed(in));
    }

    /** The kernel under test: writes its result for x into out (which may be x itself). */
    interface Elementwise {
        void apply(Proximal p, Case c, double[] x, double[] out, int outOffset);
    }

    static final Elementwise SOFT_THRESHOLD = (p, c, x, out, o) -> p.softThreshold(c.n(), c.t(), x, c.xOffset(), out, o);
    static final Elementwise ELASTIC_NET_PROX = (p, c, x, out, o) -> p.elasticNetProx(c.n(), c.l1(), c.l2(), x, c.xOffset(), out, o);

    static void elementwise(String name, Elementwise kernel, Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        double[] x = c.array(random, c.xOffset(), c.n());
        double[] out = c.inPlace() ? x : c.array(random, c.outOffset(), c.n());
        int outOffset = c.inPlace() ? c.xOffset() : c.outOffset();
        double[] x0 = x.clone(), before = out.clone();
        double[] expectedX = x.clone();
        double[] expected = c.inPlace() ? expectedX : out.clone();
        kernel.apply(SCALAR, c, expectedX, expected, outOffset);
        kernel.apply(c.vector(), c, x, out, outOffset);
        identical(name + " " + c, expected, out);
        guardsUntouched(name + " " + c, before, out, outOffset, c.n());
        if (!c.inPlace()) unchanged("x", x0, x);
    }

    static void softThreshold(Case c) {
        elementwise("softThreshold", SOFT_THRESHOLD, c);
    }

    static void elasticNetProx(Case c) {
        elementwise("elasticNetProx", ELASTIC_NET_PROX, c);
    }

    @Test
    void softThresholdIsIdentical() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(ProximalProperties::softThreshold);
    }

    @Test
    void elasticNetProxIsIdentical() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(ProximalProperties::elasticNetProx);
    }

    @Test
    void penalizedGradientStepIsIdentical() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(ProximalProperties::penalizedGradientStep);
    }

    static void penalizedGradientStep(Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        double eta = c.t();
        double[] w = c.array(random, c.xOffset(), c.n());
        double[] g = c.array(random, c.outOffset(), c.n());
        double[] g0 = g.clone(), before = w.clone(), expected = w.clone();
        SCALAR.penalizedGradientStep(c.n(), eta, c.l1(), c.l2(), expected, c.xOffset(), g, c.outOffset());
        c.vector().penalizedGradientStep(c.n(), eta, c.l1(), c.l2(), w, c.xOffset(), g, c.outOffset());
        identical("penalizedGradientStep " + c, expected, w);
        guardsUntouched("penalizedGradientStep " + c, before, w, c.xOffset(), c.n());
        unchanged("g", g0, g);
    }

    /** Contiguous (column-major column) and strided (row-major column, incX = ld) x. */
    @Test
    void residualUpdateIsIdentical() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(ProximalProperties::residualUpdate);
    }

    static void residualUpdate(Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        double delta = values(random, 1, c.regime())[0];
        double[] x = c.array(random, c.xOffset(), c.n() == 0 ? 0 : (c.n() - 1) * c.incX() + 1);
        double[] r = c.array(random, c.outOffset(), c.n());
        double[] x0 = x.clone(), before = r.clone(), expected = r.clone();
        SCALAR.residualUpdate(c.n(), delta, x, c.xOffset(), c.incX(), expected, c.outOffset());
        c.vector().residualUpdate(c.n(), delta, x, c.xOffset(), c.incX(), r, c.outOffset());
        identical("residualUpdate " + c, expected, r);
        guardsUntouched("residualUpdate " + c, before, r, c.outOffset(), c.n());
        unchanged("x", x0, x);
    }

    @Test
    void softThresholdKnownValues() {
        for (int bits : Inputs.WIDTHS) {
            Proximal v = KernelProvider.vector(bits).proximal();
            double[] x = {3, -3, 0.5, -0.5, 1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2, -2};
            double[] out = new double[x.length];
            v.softThreshold(x.length, 1, x, 0, out, 0);
            identical("S(x, 1), " + bits + " bits", new double[] {2, -2, 0, -0.0, 0, Double.NaN, Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY, 1, -1}, out);
            v.elasticNetProx(x.length, 1, 1, x, 0, out, 0);
            assertEquals(1.0, out[0]);
            assertEquals(-0.5, out[9]);
        }
    }

    @Test
    void badInputIsRejectedByName() {
        for (int bits : Inputs.WIDTHS) {
            Proximal v = KernelProvider.vector(bits).proximal();
            double[] a = new double[4];
            assertMessage("t must be finite and ≥ 0, got -1.0", () -> v.softThreshold(4, -1, a, 0, a, 0));
            assertMessage("l1 must be finite and ≥ 0, got NaN", () -> v.elasticNetProx(4, Double.NaN, 0, a, 0, a, 0));
            assertMessage("l2 must be finite and ≥ 0, got Infinity", () -> v.elasticNetProx(4, 0, Double.POSITIVE_INFINITY, a, 0, a, 0));
            assertMessage("out[1 .. 5)", () -> v.softThreshold(4, 1, a, 0, a, 1));
            assertMessage("eta must be finite and ≥ 0", () -> v.penalizedGradientStep(4, -0.1, 0, 0, a, 0, a, 0));
            assertMessage("g[0 .. 5)", () -> v.penalizedGradientStep(5, 0.1, 0, 0, new double[5], 0, a, 0));
            assertMessage("stride of x must be ≥ 1, got 0", () -> v.residualUpdate(2, 1, a, 0, 0, a, 0));
            assertMessage("x with offset 1, stride 2 and length 3 reaches index 5", () -> v.residualUpdate(3, 1, a, 1, 2, a, 0));
            assertMessage("must be ≥ 0, got -2", () -> v.residualUpdate(-2, 1, a, 0, 1, a, 0));
        }
    }

    /**
     * The block soft-threshold of both implementations against exact arithmetic (BigDecimal norm to 40 digits): every
     * output element within the interface's bound (n + 8)·ε·c·|xᵢ| (plus a subnormal spacing for the last product),
     * the returned norm within (n/2 + 2)·ε relative (plus a subnormal spacing); NaN and infinities as the contract says; guard cells untouched,
     * x unchanged unless in place.
     */
    @Test
    void groupSoftThresholdIsWithinBoundOfExact() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(ProximalProperties::groupSoftThreshold);
    }

    static void groupSoftThreshold(Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        double[] x = c.array(random, c.xOffset(), c.n());
        java.math.BigDecimal exact = exactNorm(x, c.xOffset(), c.n());
        double exactNorm = exact == null ? normOfSpecial(x, c.xOffset(), c.n()) : exact.doubleValue();
        // the in-place half of the cases puts the threshold within 1e-3 of the norm, where the shrinkage cancels
        double t = c.inPlace() && exact != null ? exactNorm * (1 + (random.nextDouble() - 0.5) * 1e-3) : c.t();
        double scale = Math.min(c.l2(), 1e3);
        java.math.BigDecimal factor = exact == null || exact.compareTo(new java.math.BigDecimal(t)) <= 0 ? java.math.BigDecimal.ZERO
                : java.math.BigDecimal.ONE.subtract(new java.math.BigDecimal(t).divide(exact, EXACT)).multiply(new java.math.BigDecimal(scale));
        for (Proximal impl : new Proximal[] {SCALAR, c.vector()}) {
            double[] in = x.clone();
            double[] out = c.inPlace() ? in : c.array(random, c.outOffset(), c.n());
            int outOffset = c.inPlace() ? c.xOffset() : c.outOffset();
            double[] before = out.clone();
            double norm = impl.groupSoftThreshold(c.n(), t, scale, in, c.xOffset(), out, outOffset);
            String what = "groupSoftThreshold " + impl.getClass().getSimpleName() + " t=" + t + " c=" + scale + " " + c;
            // plus one subnormal spacing: a norm in the subnormal range is rounded to that absolute grid
            agree(what + " norm", exactNorm, norm, (c.n() / 2.0 + 2) * EPS * exactNorm + Double.MIN_VALUE);
            for (int i = 0; i < c.n(); i++) {
                double xi = x[c.xOffset() + i];
                double actual = out[outOffset + i];
                if (Double.isNaN(exactNorm)) {
                    assertEquals(Double.NaN, actual, 0.0, what + ": NaN in x must give NaN at " + i);
                } else if (Double.isInfinite(exactNorm)) {
                    assertEquals(scale * xi, actual, 0.0, what + ": an infinite norm leaves c·x at " + i);
                } else {
                    double expected = factor.multiply(new java.math.BigDecimal(xi)).doubleValue();
                    agree(what + " element " + i, expected, actual, (c.n() + 8) * EPS * scale * Math.abs(xi) + 2 * Double.MIN_VALUE);
                }
            }
            guardsUntouched(what, before, out, outOffset, c.n());
            if (!c.inPlace()) unchanged("x", x, in);
        }
    }

    private static final java.math.MathContext EXACT = new java.math.MathContext(40);

    /** ‖x‖₂ to 40 digits, or null when an element is NaN or infinite. */
    static java.math.BigDecimal exactNorm(double[] x, int offset, int n) {
        java.math.BigDecimal s = java.math.BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            double v = x[offset + i];
            if (!Double.isFinite(v)) return null;
            java.math.BigDecimal b = new java.math.BigDecimal(v);
            s = s.add(b.multiply(b));
        }
        return s.sqrt(EXACT);
    }

    /** The contract's norm of x with a NaN (NaN) or else an infinite element (+Inf). */
    static double normOfSpecial(double[] x, int offset, int n) {
        for (int i = 0; i < n; i++) if (Double.isNaN(x[offset + i])) return Double.NaN;
        return Double.POSITIVE_INFINITY;
    }

    @Test
    void groupSoftThresholdKnownValuesAndBadInput() {
        for (Proximal v : new Proximal[] {SCALAR, KernelProvider.vector(Inputs.WIDTHS.get(0)).proximal()}) {
            double[] x = {3, 4, 0, 0, 0};
            double[] out = new double[5];
            assertEquals(5.0, v.groupSoftThreshold(2, 1, 1, x, 0, out, 0));
            assertEquals(2.4, out[0], 1e-15);
            assertEquals(3.2, out[1], 1e-15);
            assertEquals(5.0, v.groupSoftThreshold(2, 5, 1, x, 0, out, 0)); // ‖x‖ = t: the block is zeroed
            identical("zeroed", new double[] {0, 0, 0, 0, 0}, out);
            assertEquals(0.0, v.groupSoftThreshold(3, 0, 1, x, 2, out, 0)); // x = 0, t = 0: zeros, no 0/0
            identical("zero block", new double[] {0, 0, 0, 0, 0}, out);
            assertEquals(1e300 * Math.sqrt(2), v.groupSoftThreshold(2, 0, 0.5, new double[] {1e300, 1e300}, 0, out, 0), 1e285);
            assertEquals(0.5e300, out[0], 1e285);
            assertMessage("t must be finite and ≥ 0, got -1.0", () -> v.groupSoftThreshold(2, -1, 1, x, 0, out, 0));
            assertMessage("c must be finite and ≥ 0, got NaN", () -> v.groupSoftThreshold(2, 1, Double.NaN, x, 0, out, 0));
            assertMessage("out[4 .. 6)", () -> v.groupSoftThreshold(2, 1, 1, x, 0, out, 4));
        }
    }
}
