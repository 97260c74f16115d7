package dev.shrink.solvers.cv;

import dev.shrink.kernels.Level1;

/**
 * Elastic-net path by cyclic coordinate descent in covariance mode, on centred sufficient statistics only
 * (Friedman, Hastie &amp; Tibshirani 2010, "Regularization paths for GLMs via coordinate descent", §2.2 "covariance
 * updates"): minimises {@code (1/(2n))‖y − Xw‖² + α·l1·‖w‖₁ + ½α(1 − l1)‖w‖²} (scikit-learn's ElasticNet, the
 * intercept eliminated by centring) for each α of a decreasing grid, each fit warm-started at the previous one.
 *
 * <p>Multiplied by n the coordinate update is wⱼ ← S(cⱼ − (Gw)ⱼ + Gⱼⱼwⱼ, nα·l1)/(Gⱼⱼ + nα(1 − l1)) with S the
 * soft-threshold; Gw is kept up to date in O(p) per changed coordinate (one axpy with a row of G). A fit stops when
 * the duality gap of scikit-learn's {@code enet_coordinate_descent_gram} (objective multiplied by n) is ≤ tol·‖y‖²,
 * scikit-learn's criterion, or when a full sweep no longer moves the fitted values beyond rounding (a fixed point of
 * coordinate descent is the exact minimiser).
 */
final class GramElasticNet {
    private GramElasticNet() {}

    /** A full sweep whose fitted values move by less than this, relative to ‖y‖, is at CD's fixed point (rounding). */
    private static final double FLOOR = 1e-12;
    /** Active-set sweeps stop when their largest squared change has dropped by this factor since the full sweep. */
    private static final double ACTIVE_SET_REDUCTION = 1e-4;

    /**
     * The path.
     *
     * @param coef      coefficients per α: coef[k] (p values)
     * @param gap       duality gap per α, of the objective multiplied by n (scikit-learn's scale)
     * @param sweeps    coordinate-descent sweeps per α
     * @param converged whether every α met the tolerance within the sweep budget
     */
    record Path(double[][] coef, double[] gap, int[] sweeps, boolean converged) {}

    static Path path(FoldStatistics.Stats s, double l1Ratio, double[] alphas, double tol, int maxSweeps, double[] warmStart,
                     Level1 level1) {
        int p = s.p();
        double[] g = s.gram();
        double[] c = s.xty();
        double[] w = warmStart == null ? new double[p] : warmStart.clone();
        double[] q = new double[p]; // G·w
        for (int j = 0; j < p; j++) if (w[j] != 0) level1.axpy(p, w[j], g, j * p, q, 0);
        double yy = Math.max(s.yy(), Double.MIN_NORMAL);
        double gapTarget = tol * yy;
        double roundingFloor = FLOOR * FLOOR * yy;
        double[][] coef = new double[alphas.length][];
        double[] gaps = new double[alphas.length];
        int[] sweepCounts = new int[alphas.length];
        int[] active = new int[p];
        boolean allConverged = true;
        for (int a = 0; a < alphas.length; a++) {
            double l1 = s.n() * alphas[a] * l1Ratio;
            double l2 = s.n() * alphas[a] * (1 - l1Ratio);
            int sweep = 0;
            boolean converged = false;
            // Active-set iteration (glmnet): a sweep over all coordinates, then sweeps over the non-zero ones until
            // they settle, then another full sweep, which also checks the duality gap (O(p) from q = Gw).
            while (sweep < maxSweeps) {
                sweep++;
                double change = sweepAll(p, g, c, q, w, l1, l2, level1);
                if (change <= roundingFloor || dualityGap(s, w, q, l1, l2) <= gapTarget) {
                    converged = true;
                    break;
                }
                int size = 0;
                for (int j = 0; j < p; j++) if (w[j] != 0) active[size++] = j;
                double settled = Math.max(roundingFloor, change * ACTIVE_SET_REDUCTION);
                while (sweep < maxSweeps) {
                    sweep++;
                    double activeChange = sweepActive(p, active, size, g, c, q, w, l1, l2, level1);
                    if (dualityGap(s, w, q, l1, l2) <= gapTarget) {
                        converged = true; // the gap certifies the whole problem, not only the active set
                        break;
                    }
                    if (activeChange <= settled) break;
                }
                if (converged) break;
            }
            allConverged &= converged;
            coef[a] = w.clone();
            gaps[a] = dualityGap(s, w, q, l1, l2);
            sweepCounts[a] = sweep;
        }
        return new Path(coef, gaps, sweepCounts, allConverged);
    }

    /** One cyclic sweep over every coordinate; returns the largest squared change of fitted values, max Δⱼ²Gⱼⱼ. */
    private static double sweepAll(int p, double[] g, double[] c, double[] q, double[] w, double l1, double l2, Level1 level1) {
        double maxChange = 0;
        for (int j = 0; j < p; j++) maxChange = Math.max(maxChange, update(j, p, g, c, q, w, l1, l2, level1));
        return maxChange;
    }

    private static double sweepActive(int p, int[] active, int size, double[] g, double[] c, double[] q, double[] w, double l1,
                                      double l2, Level1 level1) {
        double maxChange = 0;
        for (int t = 0; t < size; t++) maxChange = Math.max(maxChange, update(active[t], p, g, c, q, w, l1, l2, level1));
        return maxChange;
    }

    /** The coordinate update of wⱼ (class comment), keeping q = Gw; returns Δⱼ²Gⱼⱼ. */
    private static double update(int j, int p, double[] g, double[] c, double[] q, double[] w, double l1, double l2, Level1 level1) {
        double gjj = g[j * p + j];
        double old = w[j];
        double denominator = gjj + l2;
        double updated = 0;
        if (denominator > 0) {
            double rho = c[j] - q[j] + gjj * old;
            updated = Math.signum(rho) * Math.max(Math.abs(rho) - l1, 0) / denominator;
        }
        if (updated == old) return 0;
        double delta = updated - old;
        w[j] = updated;
        level1.axpy(p, delta, g, j * p, q, 0); // column j of G = row j (symmetric)
        return delta * delta * gjj;
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
