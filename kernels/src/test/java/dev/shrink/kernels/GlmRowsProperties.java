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
import static dev.shrink.kernels.Inputs.unchanged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The Vector API GLM row terms against the scalar reference, within the sum of the two implementations' bounds stated
 * in {@link GlmRows} (each implementation within its bound of exact arithmetic, so they differ by at most twice it):
 * awkward row ranges (every tail at every width, offsets), linear predictors from unit size to ±1e300 and with NaN/±Inf,
 * labels 0/1 or fractional, weights absent, zero or positive, outputs present or not; the guard cells around every
 * output untouched.
 */
class GlmRowsProperties {
    private static final GlmRows SCALAR = KernelProvider.scalar().glmRows();

    /** A generated case: width, first row, row count, classes, how z is scaled, labels, weights, outputs. */
    record Case(int bits, int from, int n, int k, Regime regime, double scale, boolean fractional, int weights, boolean outputs,
                double c, double t, long seed) {
        GlmRows vector() {
            return KernelProvider.vector(bits).glmRows();
        }

        int to() {
            return from + n;
        }

        /** Linear predictors: the regime's values times the scale (WIDE: up to ±1e300; SPECIAL: NaN and ±Inf too). */
        double[] z(SplittableRandom random, int count) {
            double[] v = Inputs.values(random, count, regime);
            for (int i = 0; i < v.length; i++) v[i] *= scale;
            return v;
        }

        /** Weights: null, positive, or positive with zeros sprinkled in. */
        double[] s(SplittableRandom random, int count) {
            if (weights == 0) return null;
            double[] s = new double[count];
            for (int i = 0; i < count; i++) s[i] = weights == 2 && random.nextInt(4) == 0 ? 0.0 : random.nextDouble(0.01, 3);
            return s;
        }
    }

    static Gen<Case> cases() {
        return in -> new Case(Inputs.width(in), draw(in, 0, 5), Inputs.length(in, 3000), draw(in, 1, 6), Inputs.regime(in),
                new double[] {1, 8, 40, 800}[draw(in, 0, 3)], draw(in, 0, 3) == 0, draw(in, 0, 2), draw(in, 0, 3) > 0,
                Inputs.nonNegative(in), draw(in, 0, 1000) * 1e-3, Inputs.seed(in));
    }

    /** An array of rows [0, to + 3): random guard cells outside [from, to). */
    static double[] padded(SplittableRandom random, double[] values, int from) {
        return values == null ? null : Inputs.padded(random, values, from, 3);
    }

    static double[] labels(SplittableRandom random, Case c, int count, boolean counts) {
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            y[i] = counts ? random.nextInt(0, 12) + (c.fractional() ? random.nextDouble() : 0)
                    : c.fractional() ? random.nextDouble() : random.nextInt(2);
        }
        return y;
    }

    /** Row terms of one-output families: logistic (poisson false) or Poisson. */
    static void oneOutput(Case c, boolean poisson) {
        SplittableRandom random = new SplittableRandom(c.seed());
        double[] z = padded(random, c.z(random, c.n()), c.from());
        double[] y = padded(random, labels(random, c, c.n(), poisson), c.from());
        double[] s = padded(random, c.s(random, c.n()), c.from());
        double[] r = c.outputs() ? padded(random, new double[c.n()], c.from()) : null;
        double[] h = c.outputs() ? padded(random, new double[c.n()], c.from()) : null;
        double[] rs = r == null ? null : r.clone(), hs = h == null ? null : h.clone();
        double[] z0 = z.clone(), y0 = y.clone();
        double expected = poisson ? SCALAR.poisson(c.from(), c.to(), c.c(), z, y, s, rs, hs)
                : SCALAR.logistic(c.from(), c.to(), c.c(), z, y, s, rs, hs);
        double actual = poisson ? c.vector().poisson(c.from(), c.to(), c.c(), z, y, s, r, h)
                : c.vector().logistic(c.from(), c.to(), c.c(), z, y, s, r, h);
        String what = (poisson ? "poisson " : "logistic ") + c;
        double scale = 0;
        for (int i = c.from(); i < c.to(); i++) {
            double si = s == null ? 1 : s[i];
            double zi = z[i], yi = y[i];
            if (si != 0 && poisson) {
                scale += known(si * (Math.exp(zi) + Math.abs(yi * zi)));
            } else if (si != 0) {
                // softplus(z) − yz = y·softplus(−z) + (1 − y)·softplus(z) for y in [0, 1]: both terms ≥ 0, so the scale has
                // no cancellation (the direct difference is 0 at z = 35, y = 1, where the term itself is 6e-16)
                double loss = yi * softplus(-zi) + (1 - yi) * softplus(zi);
                scale += known(si * (loss + 2 * Math.min(yi, 1 - yi) * Math.abs(zi)));
            }
            if (r == null) continue;
            double sig = poisson ? Math.exp(zi) : 1 / (1 + Math.exp(-zi));
            double cs = c.c() * si;
            // |σ − y| from the reference's own r (σ − 1 would cancel here where the kernels do not)
            double rBound = cs == 0 ? 0 : poisson ? 16 * EPS * cs * (sig + yi) : 16 * EPS * (Math.abs(rs[i]) + cs * Math.min(yi, 1 - yi));
            agree(what + " r[" + i + "]", rs[i], r[i], 2 * known(rBound) + Double.MIN_NORMAL);
            agree(what + " h[" + i + "]", hs[i], h[i], 2 * 16 * EPS * Math.abs(hs[i]) + Double.MIN_NORMAL);
        }
        agree(what + " sum", expected, actual, 2 * (c.n() + 16) * EPS * scale + Double.MIN_NORMAL);
        if (r != null) {
            guardsUntouched(what + " r", rs, r, c.from(), c.n()); // the scalar run's guards are the generated ones
            guardsUntouched(what + " h", hs, h, c.from(), c.n());
        }
        unchanged("z", z0, z);
        unchanged("y", y0, y);
    }

    /** log(1 + eᵗ) without overflow or cancellation. */
    static double softplus(double t) {
        return Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
    }

    /**
     * A bound term that NaN inputs made NaN counts 0: both implementations take NaN through the same formula (the
     * NaN/Inf agreement is checked first), so finite results there must agree exactly.
     */
    static double known(double bound) {
        return Double.isNaN(bound) ? 0 : bound;
    }

    @Test
    void logisticIsWithinItsBound() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> oneOutput(c, false));
    }

    /**
     * The vector logistic kernel gives the same bits whichever outputs are asked (r and h, r only, h only, neither): it
     * keeps e^{−|z|} in r, else h, else a scratch array of its own, chunk by chunk, and must not let that buffer leak
     * into the sum or the other output.
     */
    @Test
    void logisticOutputsDoNotDependOnWhichAreAsked() {
        qt().withExamples(300).forAll(cases()).checkAssert(c -> {
            SplittableRandom random = new SplittableRandom(c.seed());
            double[] z = padded(random, c.z(random, c.n()), c.from());
            double[] y = padded(random, labels(random, c, c.n(), false), c.from());
            double[] s = padded(random, c.s(random, c.n()), c.from());
            int length = c.to() + 3;
            double[] r = new double[length], h = new double[length], rOnly = new double[length], hOnly = new double[length];
            GlmRows rows = c.vector();
            double both = rows.logistic(c.from(), c.to(), c.c(), z, y, s, r, h);
            double withR = rows.logistic(c.from(), c.to(), c.c(), z, y, s, rOnly, null);
            double withH = rows.logistic(c.from(), c.to(), c.c(), z, y, s, null, hOnly);
            double neither = rows.logistic(c.from(), c.to(), c.c(), z, y, s, null, null);
            String what = c.toString();
            assertEquals(Double.doubleToLongBits(both), Double.doubleToLongBits(withR), what + " sum with r only");
            assertEquals(Double.doubleToLongBits(both), Double.doubleToLongBits(withH), what + " sum with h only");
            assertEquals(Double.doubleToLongBits(both), Double.doubleToLongBits(neither), what + " sum without outputs");
            for (int i = 0; i < length; i++) {
                assertEquals(Double.doubleToLongBits(r[i]), Double.doubleToLongBits(rOnly[i]), what + " r[" + i + "]");
                assertEquals(Double.doubleToLongBits(h[i]), Double.doubleToLongBits(hOnly[i]), what + " h[" + i + "]");
            }
        });
    }

    @Test
    void poissonIsWithinItsBound() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> oneOutput(c, true));
    }

    @Test
    void softmaxIsWithinItsBound() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(GlmRowsProperties::softmax);
    }

    static void softmax(Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        int ld = Math.max(1, c.to() + random.nextInt(0, 3));
        int k = c.k();
        double[] z = c.z(random, (k - 1) * ld + c.to() + 3);
        double[] label = new double[c.to() + 3];
        for (int i = 0; i < label.length; i++) label[i] = random.nextInt(k);
        double[] s = padded(random, c.s(random, c.n()), c.from());
        double[] p = c.outputs() ? Inputs.values(random, z.length, Regime.UNIT) : null;
        double[] r = c.outputs() ? Inputs.values(random, z.length, Regime.UNIT) : null;
        double[] ps = p == null ? null : p.clone(), rs = r == null ? null : r.clone();
        double[] z0 = z.clone();
        double expected = SCALAR.softmax(c.from(), c.to(), k, ld, c.c(), z, label, s, ps, rs);
        double actual = c.vector().softmax(c.from(), c.to(), k, ld, c.c(), z, label, s, p, r);
        String what = "softmax " + c + " ld " + ld;
        double scale = 0;
        for (int i = c.from(); i < c.to(); i++) {
            double si = s == null ? 1 : s[i];
            double m = z[i];
            for (int cl = 1; cl < k; cl++) m = Math.max(m, z[cl * ld + i]);
            double total = 0;
            for (int cl = 0; cl < k; cl++) total += Math.exp(z[cl * ld + i] - m);
            double zy = z[(int) label[i] * ld + i];
            double loss = m + Math.log(total) - zy;
            if (si != 0) scale += known(si * (Math.abs(loss) + Math.abs(m) + Math.abs(zy) + 1));
            if (p == null) continue;
            for (int cl = 0; cl < k; cl++) {
                int at = cl * ld + i;
                double factor = (2 * k + 16 + Math.abs(z[at] - m)) * EPS;
                agree(what + " p[" + at + "]", ps[at], p[at], 2 * known(factor * Math.abs(ps[at])) + Double.MIN_NORMAL);
                double indicator = label[i] == cl ? 1 : 0;
                double cs = c.c() * si;
                agree(what + " r[" + at + "]", rs[at], r[at], 2 * known(cs == 0 ? 0 : factor * cs * (Math.abs(ps[at]) + indicator))
                        + Double.MIN_NORMAL);
            }
        }
        agree(what + " sum", expected, actual, 2 * (c.n() + 2 * k + 16) * EPS * scale + Double.MIN_NORMAL);
        if (p != null) {
            for (int at = 0; at < z.length; at++) {
                int row = at % ld, cl = at / ld;
                boolean written = cl < k && row >= c.from() && row < c.to();
                if (!written) {
                    assertEquals(ps[at], p[at], 0.0, what + ": p changed outside its rows at " + at);
                    assertEquals(rs[at], r[at], 0.0, what + ": r changed outside its rows at " + at);
                }
            }
        }
        unchanged("z", z0, z);
    }

    /** The Fenchel–Young sums, δ = t·(u0 − g) with either array absent. */
    @Test
    void divergencesAreWithinTheirBounds() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(GlmRowsProperties::divergences);
    }

    static void divergences(Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        int k = c.k();
        int ld = Math.max(1, c.to() + random.nextInt(0, 3));
        int length = (k - 1) * ld + c.to() + 3;
        double[] z = c.z(random, length);
        double[] s = padded(random, c.s(random, c.n()), c.from());
        double[] g = c.weights() == 1 && !c.outputs() ? null : Inputs.values(random, length, Regime.UNIT);
        double[] u0 = c.outputs() ? Inputs.values(random, length, Regime.UNIT) : null;
        double[] g0 = g == null ? null : g.clone(), z0 = z.clone();
        String what = "divergence " + c + " ld " + ld;
        double t = c.t();
        // logistic and Poisson on rows [from, to) of z
        for (boolean poisson : new boolean[] {false, true}) {
            double expected = poisson ? SCALAR.poissonDivergence(c.from(), c.to(), z, s, g, u0, t)
                    : SCALAR.logisticDivergence(c.from(), c.to(), z, s, g, u0, t);
            double actual = poisson ? c.vector().poissonDivergence(c.from(), c.to(), z, s, g, u0, t)
                    : c.vector().logisticDivergence(c.from(), c.to(), z, s, g, u0, t);
            double bound = 0;
            for (int i = c.from(); i < c.to(); i++) {
                double si = s == null ? 1 : s[i];
                if (si == 0) continue;
                double d = t * ((u0 == null ? 0 : u0[i]) - (g == null ? 0 : g[i])) / si;
                double mu = poisson ? Math.exp(z[i]) : 1 / (1 + Math.exp(-z[i]));
                double q = poisson ? Math.max(0, mu + d) : Math.min(1, Math.max(0, mu + d));
                double first = q > 0 ? Math.abs(q * Math.log1p(d / mu)) : 0;
                double second = !poisson && q < 1 ? Math.abs((1 - q) * Math.log1p(-d / (1 - mu))) : 0;
                double term = poisson ? first + Math.abs(d) : first + second;
                bound += known(si * (c.n() * term + 64 * (first + second + (poisson ? Math.abs(d) : 0)) + 320 * Math.abs(d)));
            }
            agree(what + (poisson ? " poisson" : " logistic"), expected, actual, 2 * EPS * bound + Double.MIN_NORMAL);
        }
        double expected = SCALAR.softmaxDivergence(c.from(), c.to(), k, ld, z, s, g, u0, t);
        double actual = c.vector().softmaxDivergence(c.from(), c.to(), k, ld, z, s, g, u0, t);
        double bound = 0;
        for (int i = c.from(); i < c.to(); i++) {
            double si = s == null ? 1 : s[i];
            if (si == 0) continue;
            double m = z[i];
            for (int cl = 1; cl < k; cl++) m = Math.max(m, z[cl * ld + i]);
            double total = 0;
            for (int cl = 0; cl < k; cl++) total += Math.exp(z[cl * ld + i] - m);
            double kl = 0, row = 0;
            for (int cl = 0; cl < k; cl++) {
                int at = cl * ld + i;
                double pc = Math.exp(z[at] - m) / total;
                double d = t * ((u0 == null ? 0 : u0[at]) - (g == null ? 0 : g[at])) / si;
                double q = Math.min(1, Math.max(0, pc + d));
                double part = q > 0 ? q * Math.log1p(d / pc) : 0;
                kl += part;
                // each term on its own: an infinite |z − m| times a 0 part (a class of probability 0) bounds nothing
                row += known((2 * k + 64 + Math.abs(z[at] - m)) * Math.abs(part)) + known((2 * k + 320 + Math.abs(z[at] - m)) * Math.abs(d));
            }
            bound += known(si * (c.n() * Math.abs(kl) + row));
        }
        agree(what + " softmax", expected, actual, 2 * EPS * bound + Double.MIN_NORMAL);
        if (g != null) unchanged("g", g0, g);
        unchanged("z", z0, z);
    }

    /**
     * Pinsker's floor of the logistic divergence: the same NaN decisions (every qᵢ rounds alike), the sums within their
     * bound, and never above the divergence itself at the same δ (less its own bound) where the floor is a number.
     */
    @Test
    void logisticFloorIsWithinItsBoundAndBelowTheDivergence() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            SplittableRandom random = new SplittableRandom(c.seed());
            double[] z = padded(random, c.z(random, c.n()), c.from());
            double[] y = padded(random, labels(random, c, c.n(), false), c.from());
            double[] s = padded(random, c.s(random, c.n()), c.from());
            // g the loss's gradient and δ a step of size t towards an arbitrary point: q = y + (g + δ)/s = μ + δ/s, inside
            // [0, 1] for small t, outside now and then for large t
            double[] g = new double[z.length];
            double[] delta = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                double si = s == null ? 1 : s[i];
                g[i] = si * (1 / (1 + Math.exp(-z[i])) - y[i]);
                delta[i] = c.t() * si * (random.nextDouble(-1, 1) * (c.fractional() ? 1 : 1e-3));
            }
            double slack = 1e-12;
            double expected = SCALAR.logisticFloor(c.from(), c.to(), y, s, g, delta, slack);
            double actual = c.vector().logisticFloor(c.from(), c.to(), y, s, g, delta, slack);
            String what = "logistic floor " + c;
            if (Double.isNaN(expected) || Double.isNaN(actual)) {
                if (!(Double.isNaN(expected) && Double.isNaN(actual))) throw new AssertionError(what + ": " + expected + " against " + actual);
                return;
            }
            agree(what, expected, actual, 2 * (c.n() + 1) * EPS * expected + Double.MIN_NORMAL);
            if (c.regime() == Regime.UNIT && c.scale() == 1) { // finite z of unit size: the divergence is a number to compare with
                double kl = SCALAR.logisticDivergence(c.from(), c.to(), z, s, null, delta, 1.0);
                double klBound = c.n() * kl + (c.n() + 1) * actual; // the divergence's bound (as in divergences) and the floor's
                for (int i = c.from(); i < c.to(); i++) {
                    double si = s == null ? 1 : s[i];
                    if (si == 0) continue;
                    double d = delta[i] / si;
                    double mu = 1 / (1 + Math.exp(-z[i]));
                    double q = Math.min(1, Math.max(0, mu + d));
                    double parts = (q > 0 ? Math.abs(q * Math.log1p(d / mu)) : 0) + (q < 1 ? Math.abs((1 - q) * Math.log1p(-d / (1 - mu))) : 0);
                    klBound += si * (64 * parts + 320 * Math.abs(d));
                }
                if (!(actual <= kl + 2 * EPS * klBound + Double.MIN_NORMAL)) {
                    throw new AssertionError(what + ": floor " + actual + " above the divergence " + kl);
                }
            }
        });
    }

    @Test
    void knownValues() {
        for (int bits : Inputs.WIDTHS) {
            for (GlmRows rows : new GlmRows[] {SCALAR, KernelProvider.vector(bits).glmRows()}) {
                double[] z = {0, 800, 800, -800, -800, 0, 0, 0, 0, 0, 0};
                double[] y = {0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0};
                double[] r = new double[z.length], h = new double[z.length];
                double sum = rows.logistic(0, z.length, 2, z, y, null, r, h);
                // log 2 per zero row, 0 where the label is right at ±800, 800 where it is wrong
                assertEquals(7 * Math.log(2) + 1600, sum, 1e-12, rows + " logistic sum");
                assertEquals(1.0, r[0], 0.0);
                assertEquals(0.5, h[0], 0.0);
                assertEquals(0.0, r[1], 0.0);
                assertEquals(2.0, r[2], 0.0);
                assertEquals(-2.0, r[3], 0.0);
                assertEquals(Math.exp(-800), h[1], 0.0);
                double[] counts = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
                assertEquals(Math.exp(800) * 2, rows.poisson(1, 3, 1, z, counts, null, null, null), 0.0, rows + " poisson overflow");
                double[] label = {0, 1, 2, 0, 1, 2, 0, 1, 2};
                double[] zz = new double[27]; // three classes of nine rows, all 0: p = 1/3
                double[] p = new double[27];
                double[] rr = new double[27];
                assertEquals(9 * Math.log(3), rows.softmax(0, 9, 3, 9, 1, zz, label, null, p, rr), 1e-13);
                assertEquals(1.0 / 3, p[13], 1e-16);
                assertEquals(1.0 / 3 - 1, rr[9 + 1], 1e-16);
                // at the dual point u = ∇F itself every divergence is 0
                assertEquals(0.0, rows.logisticDivergence(0, 9, z, null, r, r, 1), 0.0);
                assertEquals(0.0, rows.softmaxDivergence(0, 9, 3, 9, zz, null, rr, rr, 0.5), 0.0);
                // δ = −g with g = μ − y: q = y, KL(y ‖ μ) = −log μ_y: log 2 at z = 0, log(1 + e^30) at a wrong label at ±30
                double[] z30 = {0, 30, -30, 0, 30, -30, 0, 0, 0, 0};
                double[] y30 = {0, 0, 1, 1, 1, 0, 0, 1, 0, 1};
                double[] g = new double[z30.length];
                for (int i = 0; i < z30.length; i++) g[i] = 1 / (1 + Math.exp(-z30[i])) - y30[i];
                assertEquals(6 * Math.log(2) + 2 * Math.log1p(Math.exp(30)) + 2 * Math.log1p(Math.exp(-30)),
                        rows.logisticDivergence(0, z30.length, z30, null, g, null, 1), 1e-12, rows + " KL(y ‖ μ)");
            }
        }
    }

    /**
     * exp and log1p elementwise: the vector implementation within 2 ulps of exact, the scalar within 1 (exp) and 4
     * (log1p), so they differ by at most 3 and 6 ulps of the result; NaN and ±∞ alike.
     */
    @Test
    void expAndLog1pAreWithinTheirBounds() {
        qt().withExamples(EXAMPLES).forAll(cases()).checkAssert(c -> {
            SplittableRandom random = new SplittableRandom(c.seed());
            double[] x = padded(random, c.z(random, c.n()), c.from());
            for (int i = c.from(); i < c.to(); i++) if (random.nextInt(4) == 0) x[i] = -1 + Math.scalb(random.nextDouble(), -random.nextInt(60));
            double[] expected = x.clone(), actual = x.clone();
            SCALAR.exp(c.from(), c.to(), x, expected);
            c.vector().exp(c.from(), c.to(), x, actual);
            for (int i = c.from(); i < c.to(); i++) agree("exp(" + x[i] + ") " + c, expected[i], actual[i], 3 * Math.ulp(expected[i]));
            guardsUntouched("exp " + c, x, actual, c.from(), c.n());
            SCALAR.log1p(c.from(), c.to(), x, expected);
            c.vector().log1p(c.from(), c.to(), x, actual);
            for (int i = c.from(); i < c.to(); i++) agree("log1p(" + x[i] + ") " + c, expected[i], actual[i], 6 * Math.ulp(expected[i]));
            guardsUntouched("log1p " + c, x, actual, c.from(), c.n());
        });
    }

    /** The scalar reference's log1p (Goldberg's correction of log(1 + x)) is within its stated 4 ulps of Math.log1p. */
    @Test
    void scalarLog1pIsMathsLog1pToFourUlps() {
        qt().withFixedSeed(5L).withExamples(2000).forAll(doubles().between(-1.0, 1e12), integers().between(0, 40)).checkAssert((v, e) -> {
            double x = e == 0 ? v : v * Math.pow(10, -e); // also tiny arguments, where 1 + x rounds
            double expected = Math.log1p(x);
            assertEquals(expected, ScalarGlmRows.log1p(x), 4 * Math.ulp(expected), "log1p(" + x + ")");
        });
        assertEquals(Double.NEGATIVE_INFINITY, ScalarGlmRows.log1p(-1.0));
        assertEquals(Double.POSITIVE_INFINITY, ScalarGlmRows.log1p(Double.POSITIVE_INFINITY));
        assertEquals(Double.NaN, ScalarGlmRows.log1p(-2.0));
    }

    @Test
    void badRangesAreRefused() {
        for (GlmRows rows : new GlmRows[] {SCALAR, KernelProvider.vector(Inputs.WIDTHS.get(0)).glmRows()}) {
            double[] z = new double[4];
            assertThrows(IllegalArgumentException.class, () -> rows.logistic(2, 1, 1, z, z, null, null, null));
            assertThrows(IllegalArgumentException.class, () -> rows.logistic(0, 5, 1, z, z, null, null, null));
            assertThrows(IllegalArgumentException.class, () -> rows.softmax(0, 4, 2, 3, 1, new double[8], z, null, null, null));
            assertThrows(IllegalArgumentException.class, () -> rows.softmax(0, 4, 0, 4, 1, new double[8], z, null, null, null));
        }
    }
}
