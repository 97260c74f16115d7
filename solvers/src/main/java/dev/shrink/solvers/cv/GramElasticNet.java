package dev.shrink.solvers.cv;

/**
 * Elastic-net path by cyclic coordinate descent in covariance mode, on centred sufficient statistics only
 * (Friedman, Hastie &amp; Tibshirani 2010, "Regularization paths for GLMs via coordinate descent", §2.2 "covariance
 * updates"): minimises {@code (1/(2n))‖y − Xw‖² + α·l1·‖w‖₁ + ½α(1 − l1)‖w‖²} (scikit-learn's ElasticNet, the
 * intercept eliminated by centring) for each α of a decreasing grid, each fit warm-started at the previous one.
 *
 * <p>Multiplied by n the coordinate update is wⱼ ← S(cⱼ − (Gw)ⱼ + Gⱼⱼwⱼ, nα·l1)/(Gⱼⱼ + nα(1 − l1)) with S the
 * soft-threshold; Gw is kept up to date in O(p) per changed coordinate. Sweeps stop when the largest change of the
 * fitted values, max |Δwⱼ|·√Gⱼⱼ, is ≤ tol·‖y‖ (glmnet's criterion); the duality gap of scikit-learn's
 * {@code enet_coordinate_descent_gram} is then computed and reported.
 */
final class GramElasticNet {
    private GramElasticNet() {}

    /**
     * The path.
     *
     * @param coef      coefficients per α: coef[k] (p values)
     * @param gap       duality gap per α, of the objective multiplied by n (scikit-learn's scale)
     * @param sweeps    coordinate-descent sweeps per α
     * @param converged whether every α met the tolerance within the sweep budget
     */
    record Path(double[][] coef, double[] gap, int[] sweeps, boolean converged) {}

    static Path path(FoldStatistics.Stats s, double l1Ratio, double[] alphas, double tol, int maxSweeps, double[] warmStart) {
        int p = s.p();
        double[] g = s.gram();
        double[] c = s.xty();
        double[] w = warmStart == null ? new double[p] : warmStart.clone();
        double[] q = new double[p]; // G·w
        for (int i = 0; i < p; i++) {
            double v = 0;
            for (int j = 0; j < p; j++) v += g[i * p + j] * w[j];
            q[i] = v;
        }
        double threshold = tol * tol * Math.max(s.yy(), Double.MIN_NORMAL);
        double[][] coef = new double[alphas.length][];
        double[] gaps = new double[alphas.length];
        int[] sweepCounts = new int[alphas.length];
        boolean allConverged = true;
        for (int a = 0; a < alphas.length; a++) {
            double l1 = s.n() * alphas[a] * l1Ratio;
            double l2 = s.n() * alphas[a] * (1 - l1Ratio);
            int sweep = 0;
            boolean converged = false;
            while (sweep < maxSweeps) {
                sweep++;
                double maxChange = 0;
                for (int j = 0; j < p; j++) {
                    double gjj = g[j * p + j];
                    double old = w[j];
                    double denominator = gjj + l2;
                    double updated = 0;
                    if (denominator > 0) {
                        double rho = c[j] - q[j] + gjj * old;
                        updated = Math.signum(rho) * Math.max(Math.abs(rho) - l1, 0) / denominator;
                    }
                    if (updated != old) {
                        double delta = updated - old;
                        w[j] = updated;
                        int row = j * p;
                        for (int i = 0; i < p; i++) q[i] += delta * g[row + i]; // column j of G = row j (symmetric)
                        maxChange = Math.max(maxChange, delta * delta * gjj);
                    }
                }
                if (maxChange <= threshold) {
                    converged = true;
                    break;
                }
            }
            allConverged &= converged;
            coef[a] = w.clone();
            gaps[a] = dualityGap(s, w, q, l1, l2);
            sweepCounts[a] = sweep;
        }
        return new Path(coef, gaps, sweepCounts, allConverged);
    }

    /**
     * Duality gap of ½‖y − Xw‖² + l1‖w‖₁ + ½l2‖w‖² from statistics only, as in scikit-learn's
     * {@code enet_coordinate_descent_gram}: the dual point is the residual scaled into the feasible set.
     */
    static double dualityGap(FoldStatistics.Stats s, double[] w, double[] q, double l1, double l2) {
        int p = s.p();
        double[] c = s.xty();
        double wq = 0;
        double cw = 0;
        double norm1 = 0;
        double norm2 = 0;
        double dualNorm = 0;
        for (int j = 0; j < p; j++) {
            wq += w[j] * q[j];
            cw += c[j] * w[j];
            norm1 += Math.abs(w[j]);
            norm2 += w[j] * w[j];
            dualNorm = Math.max(dualNorm, Math.abs(c[j] - q[j] - l2 * w[j]));
        }
        double residual2 = Math.max(s.yy() + wq - 2 * cw, 0);
        double ry = s.yy() - cw;
        double scale = 1;
        double gap;
        if (dualNorm > l1) {
            scale = l1 / dualNorm;
            gap = 0.5 * residual2 * (1 + scale * scale);
        } else {
            gap = residual2;
        }
        gap += l1 * norm1 - scale * ry + 0.5 * l2 * (1 + scale * scale) * norm2;
        return gap;
    }
}
