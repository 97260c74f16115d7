package dev.shrink.kernels;

/** Reference GLM row terms, one row at a time, each formula as {@link GlmRows} writes it. */
final class ScalarGlmRows implements GlmRows {

    /**
     * log(1 + x) to 4 ulps through the intrinsic {@link Math#log} (several times faster than {@link Math#log1p}, which
     * is not intrinsified): with u = fl(1 + x), log(u)·x/(u − 1) cancels the rounding of u (Goldberg 1991, "What every
     * computer scientist should know about floating-point arithmetic", Theorem 4).
     */
    static double log1p(double x) {
        double u = 1.0 + x;
        if (u == 1.0) return x;
        if (!(u < Double.POSITIVE_INFINITY) || !(u > 0)) return Math.log1p(x); // ∞, −1 and NaN as log1p has them
        return Math.log(u) * (x / (u - 1.0));
    }

    static void rows(int from, int to) {
        if (from < 0 || to < from) throw new IllegalArgumentException("rows must be 0 ≤ from ≤ to, got [" + from + ", " + to + ")");
    }

    /** Checks the arrays of a one-output method (outputs may be null). */
    static void check(int from, int to, double[] z, double[] y, double[] s, double[] r, double[] h) {
        rows(from, to);
        Checks.range("z", z, from, to - from);
        if (y != null) Checks.range("y", y, from, to - from);
        if (s != null) Checks.range("s", s, from, to - from);
        if (r != null) Checks.range("r", r, from, to - from);
        if (h != null) Checks.range("h", h, from, to - from);
    }

    /** Checks the class-major arrays of a multinomial method. */
    static void checkClasses(int from, int to, int k, int ld, double[]... classMajor) {
        rows(from, to);
        if (k < 1) throw new IllegalArgumentException("k must be ≥ 1, got " + k);
        if (ld < to - from) throw new IllegalArgumentException("ld must be ≥ to − from = " + (to - from) + ", got " + ld);
        long span = (long) (k - 1) * ld + (to - from);
        if (span > Integer.MAX_VALUE) throw new IllegalArgumentException("k·ld exceeds an array's length");
        for (double[] a : classMajor) if (a != null) Checks.range("a class-major array", a, from, (int) span);
    }

    @Override
    public double logistic(int from, int to, double c, double[] z, double[] y, double[] s, double[] r, double[] h) {
        check(from, to, z, y, s, r, h);
        double sum = 0;
        for (int i = from; i < to; i++) {
            double zi = z[i];
            double yi = y[i];
            double si = s == null ? 1.0 : s[i];
            double e = Math.exp(-Math.abs(zi));
            double u = 1.0 + e;
            double nu = e / u;
            boolean positive = zi >= 0;
            double a = positive ? (1.0 - yi) * zi : -yi * zi;
            if (si != 0) sum += (a + log1p(e)) * si;
            if (r != null) r[i] = c * si * (positive ? (1.0 - yi) - nu : nu - yi);
            if (h != null) h[i] = c * si * (e / (u * u));
        }
        return sum;
    }

    @Override
    public double poisson(int from, int to, double c, double[] z, double[] y, double[] s, double[] r, double[] h) {
        check(from, to, z, y, s, r, h);
        double sum = 0;
        for (int i = from; i < to; i++) {
            double si = s == null ? 1.0 : s[i];
            double mu = Math.exp(z[i]);
            if (si != 0) sum += (mu - y[i] * z[i]) * si;
            if (r != null) r[i] = c * si * (mu - y[i]);
            if (h != null) h[i] = c * si * mu;
        }
        return sum;
    }

    @Override
    public double softmax(int from, int to, int k, int ld, double cs, double[] z, double[] label, double[] s, double[] p, double[] r) {
        checkClasses(from, to, k, ld, z, p, r);
        Checks.range("label", label, from, to - from);
        if (s != null) Checks.range("s", s, from, to - from);
        double sum = 0;
        for (int i = from; i < to; i++) {
            double m = z[i];
            for (int cl = 1; cl < k; cl++) m = Math.max(m, z[cl * ld + i]);
            double total = 0;
            double zy = 0;
            for (int cl = 0; cl < k; cl++) {
                total += Math.exp(z[cl * ld + i] - m);
                if (label[i] == cl) zy = z[cl * ld + i];
            }
            double si = s == null ? 1.0 : s[i];
            if (si != 0) sum += (m + Math.log(total) - zy) * si;
            if (p == null && r == null) continue;
            double scale = cs * si;
            for (int cl = 0; cl < k; cl++) {
                double pc = Math.exp(z[cl * ld + i] - m) / total;
                if (p != null) p[cl * ld + i] = pc;
                if (r != null) r[cl * ld + i] = scale * (pc - (label[i] == cl ? 1.0 : 0.0));
            }
        }
        return sum;
    }

    /** δᵢ = t·(u0ᵢ − gᵢ), either array null: 0. */
    static double delta(double[] g, double[] u0, double t, int i) {
        return t * ((u0 == null ? 0.0 : u0[i]) - (g == null ? 0.0 : g[i]));
    }

    @Override
    public double logisticDivergence(int from, int to, double[] z, double[] s, double[] g, double[] u0, double t) {
        check(from, to, z, null, s, g, u0);
        double sum = 0;
        for (int i = from; i < to; i++) {
            double si = s == null ? 1.0 : s[i];
            if (si == 0) continue;
            double d = delta(g, u0, t, i) / si;
            double e = Math.exp(-Math.abs(z[i]));
            double nu = e / (1.0 + e);
            double big = 1.0 / (1.0 + e);
            boolean positive = z[i] >= 0;
            double mu = positive ? big : nu;
            double mu1 = positive ? nu : big; // 1 − μ without cancellation
            double q = Math.min(1.0, Math.max(0.0, mu + d));
            double kl = (q > 0 ? q * log1p(d / mu) : 0.0) + (q < 1 ? (1.0 - q) * log1p(-d / mu1) : 0.0);
            sum += si * kl;
        }
        return sum;
    }

    @Override
    public double logisticFloor(int from, int to, double[] y, double[] s, double[] g, double[] delta, double slack) {
        check(from, to, y, null, s, null, null);
        Checks.range("g", g, from, to - from);
        Checks.range("delta", delta, from, to - from);
        double sum = 0;
        for (int i = from; i < to; i++) {
            double si = s == null ? 1.0 : s[i];
            if (si == 0) continue;
            double q = y[i] + (g[i] + delta[i]) / si;
            if (!(q >= -slack && q <= 1 + slack)) return Double.NaN;
            sum += delta[i] * delta[i] / si;
        }
        return 2 * sum;
    }

    @Override
    public double poissonDivergence(int from, int to, double[] z, double[] s, double[] g, double[] u0, double t) {
        check(from, to, z, null, s, g, u0);
        double sum = 0;
        for (int i = from; i < to; i++) {
            double si = s == null ? 1.0 : s[i];
            if (si == 0) continue;
            double d = delta(g, u0, t, i) / si;
            double mu = Math.exp(z[i]);
            double q = Math.max(0.0, mu + d);
            sum += si * ((q > 0 ? q * log1p(d / mu) : 0.0) - d);
        }
        return sum;
    }

    @Override
    public double softmaxDivergence(int from, int to, int k, int ld, double[] z, double[] s, double[] g, double[] u0, double t) {
        checkClasses(from, to, k, ld, z, g, u0);
        if (s != null) Checks.range("s", s, from, to - from);
        double sum = 0;
        for (int i = from; i < to; i++) {
            double si = s == null ? 1.0 : s[i];
            if (si == 0) continue;
            double m = z[i];
            for (int cl = 1; cl < k; cl++) m = Math.max(m, z[cl * ld + i]);
            double total = 0;
            for (int cl = 0; cl < k; cl++) total += Math.exp(z[cl * ld + i] - m);
            double kl = 0;
            for (int cl = 0; cl < k; cl++) {
                double pc = Math.exp(z[cl * ld + i] - m) / total;
                double d = delta(g, u0, t, cl * ld + i) / si;
                double q = Math.min(1.0, Math.max(0.0, pc + d));
                if (q > 0) kl += q * log1p(d / pc);
            }
            sum += si * kl;
        }
        return sum;
    }

    @Override
    public void exp(int from, int to, double[] x, double[] out) {
        check(from, to, x, null, null, out, null);
        for (int i = from; i < to; i++) out[i] = Math.exp(x[i]);
    }

    @Override
    public void log1p(int from, int to, double[] x, double[] out) {
        check(from, to, x, null, null, out, null);
        for (int i = from; i < to; i++) out[i] = log1p(x[i]);
    }
}
