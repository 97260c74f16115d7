package dev.shrink.bench.solvers;

import dev.shrink.bench.data.Workload;

import java.util.List;

/**
 * The same yardstick for every side (shrink, scikit-learn, glmnet): the objective in scikit-learn's words (the
 * conformance README's formulas) and an optimality measure, both computed here from each side's coefficients with
 * plain loops (none of shrink's kernels: the neutral choice).
 *
 * <ul>
 *   <li>lasso / elastic net: scikit-learn's duality gap ({@code sklearn/linear_model/_cd_fast.pyx}: objective scaled
 *       by n, intercept by centring) divided by ‖y − ȳ‖², i.e. in the units of scikit-learn's {@code tol};</li>
 *   <li>ridge and logistic: the ∞-norm of the objective's gradient in (w, b);</li>
 *   <li>the penalised GLMs (L1 / elastic-net / multinomial logistic, Poisson, glmnet's paths): the largest violation
 *       of the optimality conditions ("KKT": |∇ⱼ + λ₂wⱼ + λ₁·sign wⱼ| at a nonzero coefficient, max(0, |∇ⱼ| − λ₁) at a
 *       zero one, |∇_b| for an intercept), in the units of the objective's gradient;</li>
 *   <li>multi-task elastic net: scikit-learn's multi-task gap over ‖Y − Ȳ‖²_F; group lasso: a duality gap over
 *   ‖y − ȳ‖² (logistic: over n times the labels' entropy); Bayesian ridge: the ridge objective and gradient at each
 *   side's own λ/α (its α, λ in the alphas file).</li>
 * </ul>
 * Paths add up the objectives over the grid and report the worst gap.
 */
public final class Accuracy {
    private Accuracy() {}

    /** The losses of the penalised GLM workloads. */
    enum Glm { BINOMIAL, POISSON, MULTINOMIAL }

    /** Objective reached, its optimality measure, and the name of that measure. */
    public record Measure(double objective, double optimality, String name) {}

    public static Measure of(Workload w, List<double[]> coefs, double[] intercepts, double[] alphas) {
        Data d = new Data(w);
        return switch (w.model()) {
            case "ridge" -> d.ridge(coefs.get(0), intercepts[0], w.number("alpha"));
            case "ridge_cv" -> d.ridge(coefs.get(0), intercepts[0], alphas[0]);
            case "lasso", "elasticnet" -> d.elasticNet(coefs.get(0), intercepts[0], w.number("alpha"), w.number("l1_ratio"));
            case "elasticnet_cv" -> d.elasticNet(coefs.get(0), intercepts[0], alphas[0], w.number("l1_ratio"));
            case "elasticnet_path" -> {
                double r = w.number("l1_ratio");
                double sum = 0, worst = 0;
                for (int k = 0; k < coefs.size(); k++) {
                    Measure m = d.elasticNet(coefs.get(k), intercepts[k], alphas[k], r);
                    sum += m.objective();
                    worst = Math.max(worst, m.optimality());
                }
                yield new Measure(sum, worst, "gap");
            }
            case "logistic" -> d.logistic(coefs.get(0), intercepts[0], w.number("C"));
            case "logistic_penalized" -> d.glm(Glm.BINOMIAL, coefs, intercepts, w.number("C"), w.number("l1_ratio"), 1 - w.number("l1_ratio"), false);
            case "multinomial" -> d.glm(Glm.MULTINOMIAL, coefs, intercepts, w.number("C"), 0, 1, false);
            case "poisson" -> d.glm(Glm.POISSON, coefs, intercepts, 1.0 / w.n(), 0, w.number("alpha"), false);
            case "logistic_path", "multinomial_path", "poisson_path" -> {
                Glm family = w.model().startsWith("logistic") ? Glm.BINOMIAL : w.model().startsWith("poisson") ? Glm.POISSON : Glm.MULTINOMIAL;
                int k = family == Glm.MULTINOMIAL ? (int) w.number("n_classes") : 1;
                double r = w.number("l1_ratio");
                boolean standardized = !"false".equals(w.settings().get("standardize")); // glmnet's default: standardise
                double sum = 0, worst = 0;
                for (int l = 0; l < alphas.length; l++) {
                    Measure m = d.glm(family, coefs.subList(l * k, l * k + k), java.util.Arrays.copyOfRange(intercepts, l * k, l * k + k), 1.0 / w.n(),
                            alphas[l] * r, alphas[l] * (1 - r), standardized);
                    sum += m.objective();
                    worst = Math.max(worst, m.optimality());
                }
                yield new Measure(sum, worst, "KKT");
            }
            case "multitask_elasticnet" -> d.multiTask(coefs, 0, intercepts, w.number("alpha"), w.number("l1_ratio"));
            case "multitask_elasticnet_path" -> {
                int tasks = (int) w.number("n_tasks");
                double sum = 0, worst = 0;
                for (int k = 0; k < alphas.length; k++) {
                    Measure m = d.multiTask(coefs, k * tasks, intercepts, alphas[k], w.number("l1_ratio"));
                    sum += m.objective();
                    worst = Math.max(worst, m.optimality());
                }
                yield new Measure(sum, worst, "gap");
            }
            case "group_lasso_path" -> {
                boolean logistic = w.settings().get("loss").equals("logistic");
                double sum = 0, worst = 0;
                for (int k = 0; k < coefs.size(); k++) {
                    Measure m = d.groupLasso(coefs.get(k), intercepts[k], alphas[k], (int) w.number("group_size"), logistic);
                    sum += m.objective();
                    worst = Math.max(worst, m.optimality());
                }
                yield new Measure(sum, worst, "gap");
            }
            case "bayesian_ridge" -> d.ridge(coefs.get(0), intercepts[0], alphas[1] / alphas[0]); // at each side's own λ/α
            default -> throw new IllegalArgumentException("no accuracy measure for model " + w.model());
        };
    }

    /** scikit-learn's elastic-net duality gap over ‖y − ȳ‖² (see the class comment). */
    static double gap(Workload w, double[] coef, double alpha, double l1Ratio) {
        return new Data(w).elasticNet(coef, 0, alpha, l1Ratio).optimality();
    }

    /** The workload's X, with the column means and ȳ that the centred formulas need. */
    private static final class Data {
        final Workload w;
        /** A sparse workload's columns (then w.x() is null). */
        final dev.shrink.kernels.CscView sparse;
        final int n, p;
        final double[] means;
        final double ybar;

        Data(Workload w) {
            this.w = w;
            n = w.n();
            p = w.p();
            sparse = w.sparse() == null ? null : (dev.shrink.kernels.CscView) w.sparse().matrix();
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1.0 / n);
            means = xt(ones);
            double s = 0;
            for (int i = 0; i < n; i++) s += w.y()[i]; // (multi-task: not used; each task's mean is taken there)
            ybar = s / n;
        }

        /** Xw, one row at a time (plain loops, no kernel of shrink's: the neutral yardstick). */
        double[] xw(double[] coef) {
            double[] a = w.x();
            double[] out = new double[n];
            if (sparse != null) {
                // a sparse X column by column, over its stored entries
                for (int j = 0; j < p; j++) {
                    for (int k = sparse.columnStarts()[j]; k < sparse.columnStarts()[j + 1]; k++) out[sparse.rowIndices()[k]] += sparse.values()[k] * coef[j];
                }
                return out;
            }
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0, o = i * p; j < p; j++) s += a[o + j] * coef[j];
                out[i] = s;
            }
            return out;
        }

        /** Xᵀv in row order (each row of X read once, contiguously): a path's 100 alphas take seconds, not minutes. */
        double[] xt(double[] v) {
            double[] a = w.x();
            double[] out = new double[p];
            if (sparse != null) {
                for (int j = 0; j < p; j++) {
                    double t = 0;
                    for (int k = sparse.columnStarts()[j]; k < sparse.columnStarts()[j + 1]; k++) t += sparse.values()[k] * v[sparse.rowIndices()[k]];
                    out[j] = t;
                }
                return out;
            }
            for (int i = 0; i < n; i++) {
                double vi = v[i];
                for (int j = 0, o = i * p; j < p; j++) out[j] += a[o + j] * vi;
            }
            return out;
        }

        /**
         * Objective (1/(2n))‖y − Xw − b‖² + αρ‖w‖₁ + ½α(1−ρ)‖w‖², and the gap at w with the intercept by centring:
         * R = yc − Xc·w, l1 = αρn, l2 = α(1−ρ)n, XtA = Xcᵀ·R − l2·w, dual point R·min(1, l1/‖XtA‖∞).
         */
        Measure elasticNet(double[] coef, double b, double alpha, double l1Ratio) {
            double[] xw = xw(coef);
            double meanDot = 0, wNorm1 = 0, wNorm2 = 0;
            for (int j = 0; j < p; j++) {
                meanDot += means[j] * coef[j];
                wNorm1 += Math.abs(coef[j]);
                wNorm2 += coef[j] * coef[j];
            }
            double rss = 0, yNorm2 = 0, rNorm2 = 0, ry = 0, rSum = 0;
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                double e = w.y()[i] - xw[i] - b;
                rss += e * e;
                double yc = w.y()[i] - ybar;
                r[i] = yc - (xw[i] - meanDot);
                yNorm2 += yc * yc;
                rNorm2 += r[i] * r[i];
                ry += r[i] * yc;
                rSum += r[i];
            }
            double objective = rss / (2 * n) + alpha * l1Ratio * wNorm1 + 0.5 * alpha * (1 - l1Ratio) * wNorm2;
            double l1 = alpha * l1Ratio * n, l2 = alpha * (1 - l1Ratio) * n;
            double[] xtr = xt(r);
            double dualNorm = 0;
            for (int j = 0; j < p; j++) dualNorm = Math.max(dualNorm, Math.abs(xtr[j] - means[j] * rSum - l2 * coef[j]));
            double constant, gap;
            if (dualNorm > l1) {
                constant = l1 / dualNorm;
                gap = 0.5 * (rNorm2 + rNorm2 * constant * constant);
            } else {
                constant = 1;
                gap = rNorm2;
            }
            gap += l1 * wNorm1 - constant * ry + 0.5 * l2 * (1 + constant * constant) * wNorm2;
            return new Measure(objective, gap / yNorm2, "gap");
        }

        /**
         * scikit-learn's multi-task objective and its duality gap over ‖Y − Ȳ‖²_F ({@code enet_coordinate_descent_multi_task}):
         * R = Ỹ − X̃W, XtA = X̃ᵀR − l2·W, κ = min(1, l1/maxⱼ‖XtAⱼ‖), gap = ½(1 + κ²)‖R‖² + l1·Σⱼ‖wⱼ‖ − κ⟨R, Ỹ⟩
         * + ½·l2·(1 + κ²)‖W‖². The T rows of W are {@code coefs[first .. first + T)}.
         */
        Measure multiTask(List<double[]> coefs, int first, double[] intercepts, double alpha, double l1Ratio) {
            int tasks = (int) w.number("n_tasks");
            double l1 = alpha * l1Ratio * n, l2 = alpha * (1 - l1Ratio) * n;
            double rss = 0, rNorm2 = 0, ry = 0, yNorm2 = 0, wNorm2 = 0, l21 = 0;
            double[][] xtr = new double[tasks][];
            double[] colNorm2 = new double[p];
            for (int t = 0; t < tasks; t++) {
                double[] coef = coefs.get(first + t);
                double[] xw = xw(coef);
                double meanDot = 0;
                for (int j = 0; j < p; j++) meanDot += means[j] * coef[j];
                double ybarT = 0;
                for (int i = 0; i < n; i++) ybarT += w.y()[i * tasks + t] / n;
                double[] r = new double[n];
                double rSum = 0;
                for (int i = 0; i < n; i++) {
                    double yi = w.y()[i * tasks + t];
                    double e = yi - xw[i] - intercepts[first + t];
                    rss += e * e;
                    double yc = yi - ybarT;
                    r[i] = yc - (xw[i] - meanDot);
                    rNorm2 += r[i] * r[i];
                    ry += r[i] * yc;
                    yNorm2 += yc * yc;
                    rSum += r[i];
                }
                xtr[t] = xt(r);
                for (int j = 0; j < p; j++) {
                    xtr[t][j] -= means[j] * rSum + l2 * coef[j];
                    colNorm2[j] += coef[j] * coef[j];
                }
            }
            double dual = 0;
            for (int j = 0; j < p; j++) {
                double a = 0;
                for (int t = 0; t < tasks; t++) a += xtr[t][j] * xtr[t][j];
                dual = Math.max(dual, Math.sqrt(a));
                wNorm2 += colNorm2[j];
                l21 += Math.sqrt(colNorm2[j]);
            }
            double kappa = dual > l1 ? l1 / dual : 1.0;
            double gap = 0.5 * (1 + kappa * kappa) * rNorm2 + l1 * l21 - kappa * ry + 0.5 * l2 * (1 + kappa * kappa) * wNorm2;
            double objective = rss / (2 * n) + alpha * l1Ratio * l21 + 0.5 * alpha * (1 - l1Ratio) * wNorm2;
            return new Measure(objective, gap / yNorm2, "gap");
        }

        /**
         * The group lasso's objective ({@code (1/(2n))Σ(y − Xw − b)²} or {@code (1/n)Σ log(1 + exp(−t(Xw + b)))}, plus
         * α·Σ_g √p_g‖w_g‖, consecutive groups of {@code size}) and a duality gap: squared loss over ‖y − ȳ‖², dual point
         * κR (R the centred residual); logistic loss over n times the labels' entropy, dual point κ(y − p) with the
         * log-loss conjugate. κ is the largest feasible scaling: min(1, min_g nα√p_g/‖X̃_gᵀR‖).
         */
        Measure groupLasso(double[] coef, double b, double alpha, int size, boolean logistic) {
            double[] xw = xw(coef);
            double meanDot = 0, penalty = 0;
            for (int j = 0; j < p; j++) meanDot += means[j] * coef[j];
            for (int g = 0; g * size < p; g++) {
                double s = 0;
                for (int j = g * size; j < Math.min(p, (g + 1) * size); j++) s += coef[j] * coef[j];
                penalty += Math.sqrt(Math.min(size, p - g * size)) * Math.sqrt(s);
            }
            double[] r = new double[n];
            double loss = 0, rSum = 0, rNorm2 = 0, ry = 0, scale = 0;
            for (int i = 0; i < n; i++) {
                double yi = w.y()[i];
                double z = xw[i] + b;
                if (logistic) {
                    loss += softplus(-(2 * yi - 1) * z);
                    r[i] = yi - 1 / (1 + Math.exp(-z));
                } else {
                    loss += (yi - z) * (yi - z);
                    double yc = yi - ybar;
                    r[i] = yc - (xw[i] - meanDot);
                    rNorm2 += r[i] * r[i];
                    ry += r[i] * yc;
                    scale += yc * yc;
                }
                rSum += r[i];
            }
            double[] g = xt(r);
            double lambda = n * alpha;
            double kappa = 1;
            for (int k = 0; k * size < p; k++) {
                double s = 0;
                for (int j = k * size; j < Math.min(p, (k + 1) * size); j++) {
                    double v = g[j] - means[j] * rSum;
                    s += v * v;
                }
                if (s > 0) kappa = Math.min(kappa, lambda * Math.sqrt(Math.min(size, p - k * size)) / Math.sqrt(s));
            }
            double gap;
            if (logistic) {
                gap = lambda * penalty;
                for (int i = 0; i < n; i++) {
                    double yi = w.y()[i];
                    double z = xw[i] + b;
                    double q = yi - kappa * r[i];
                    gap += softplus(z) - yi * z + (q > 0 ? q * Math.log(q) : 0) + (q < 1 ? (1 - q) * Math.log1p(-q) : 0);
                }
                scale = n * (ybar > 0 && ybar < 1 ? -(ybar * Math.log(ybar) + (1 - ybar) * Math.log1p(-ybar)) : 1);
                return new Measure(loss / n + alpha * penalty, gap / scale, "gap");
            }
            gap = 0.5 * (1 + kappa * kappa) * rNorm2 + lambda * penalty - kappa * ry;
            return new Measure(loss / (2 * n) + alpha * penalty, gap / scale, "gap");
        }

        private static double softplus(double z) {
            return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        }

        /** Σ(yᵢ − xᵢ·w − b)² + α‖w‖², and ‖∇‖∞ in (w, b). */
        Measure ridge(double[] coef, double b, double alpha) {
            double[] e = xw(coef);
            double rss = 0, gb = 0;
            for (int i = 0; i < n; i++) {
                e[i] += b - w.y()[i];
                rss += e[i] * e[i];
                gb += 2 * e[i];
            }
            double[] g = xt(e);
            double max = Math.abs(gb), wNorm2 = 0;
            for (int j = 0; j < p; j++) {
                max = Math.max(max, Math.abs(2 * g[j] + 2 * alpha * coef[j]));
                wNorm2 += coef[j] * coef[j];
            }
            return new Measure(rss + alpha * wNorm2, max, "grad");
        }

        /** ½‖w‖² + C·Σ log(1 + exp(−tᵢ(xᵢ·w + b))), tᵢ = 2yᵢ − 1, and ‖∇‖∞ in (w, b). */
        Measure logistic(double[] coef, double b, double c) {
            double[] z = xw(coef);
            double loss = 0, gb = 0;
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                double zi = z[i] + b;
                double m = -(2 * w.y()[i] - 1) * zi;
                loss += m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));   // softplus without overflow
                d[i] = c * (1 / (1 + Math.exp(-zi)) - w.y()[i]);
                gb += d[i];
            }
            double[] g = xt(d);
            double max = Math.abs(gb), wNorm2 = 0;
            for (int j = 0; j < p; j++) {
                max = Math.max(max, Math.abs(g[j] + coef[j]));
                wNorm2 += coef[j] * coef[j];
            }
            return new Measure(0.5 * wNorm2 + c * loss, max, "grad");
        }

        /**
         * A penalised GLM's objective {@code c·Σᵢℓᵢ + Σⱼ pⱼ(l1·|wⱼ| + ½·l2·wⱼ²)} (summed over the coefficient vectors: one,
         * or one per class) and its largest KKT violation. Binomial and Poisson losses are glmnet's
         * (log(1 + e^z) − yz and e^z − yz; scikit-learn's Poisson objective is the half deviance, which differs from it by
         * a constant); with {@code standardized}, pⱼ = dⱼ for l1 and dⱼ² for l2 (glmnet's standardisation), else 1.
         */
        Measure glm(Glm family, List<double[]> coefs, double[] b, double c, double l1, double l2, boolean standardized) {
            int k = coefs.size();
            double[][] z = new double[k][];
            for (int cl = 0; cl < k; cl++) {
                z[cl] = xw(coefs.get(cl));
                for (int i = 0; i < n; i++) z[cl][i] += b[cl];
            }
            double loss = 0;
            double[][] r = new double[k][n];
            for (int i = 0; i < n; i++) {
                double yi = w.y()[i];
                switch (family) {
                    case BINOMIAL -> {
                        double zi = z[0][i];
                        loss += (zi > 0 ? zi + Math.log1p(Math.exp(-zi)) : Math.log1p(Math.exp(zi))) - yi * zi;
                        r[0][i] = c * (1 / (1 + Math.exp(-zi)) - yi);
                    }
                    case POISSON -> {
                        double mu = Math.exp(z[0][i]);
                        loss += mu - yi * z[0][i] + (yi > 0 ? yi * Math.log(yi) - yi : 0.0); // + the half deviance's constant
                        r[0][i] = c * (mu - yi);
                    }
                    case MULTINOMIAL -> {
                        double max = Double.NEGATIVE_INFINITY;
                        for (int cl = 0; cl < k; cl++) max = Math.max(max, z[cl][i]);
                        double sum = 0;
                        for (int cl = 0; cl < k; cl++) sum += Math.exp(z[cl][i] - max);
                        loss += max + Math.log(sum) - z[(int) yi][i];
                        for (int cl = 0; cl < k; cl++) r[cl][i] = c * (Math.exp(z[cl][i] - max) / sum - (yi == cl ? 1 : 0));
                    }
                }
            }
            double[] scale = standardized ? scales() : null;
            double penalty = 0, worst = 0;
            for (int cl = 0; cl < k; cl++) {
                double[] coef = coefs.get(cl);
                double[] g = xt(r[cl]);
                double gb = 0;
                for (int i = 0; i < n; i++) gb += r[cl][i];
                worst = Math.max(worst, Math.abs(gb));
                for (int j = 0; j < p; j++) {
                    double a = l1 * (scale == null ? 1 : scale[j]);
                    double q = l2 * (scale == null ? 1 : scale[j] * scale[j]);
                    penalty += a * Math.abs(coef[j]) + 0.5 * q * coef[j] * coef[j];
                    double v = g[j] + q * coef[j];
                    worst = Math.max(worst, coef[j] != 0 ? Math.abs(v + a * Math.signum(coef[j])) : Math.max(0, Math.abs(v) - a));
                }
            }
            return new Measure(c * loss + penalty, worst, "KKT");
        }

        /** The 1/n standard deviation of each column (glmnet's standardisation). */
        double[] scales() {
            double[] sd = new double[p];
            for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) {
                double e = w.x()[i * p + j] - means[j];
                sd[j] += e * e / n;
            }
            for (int j = 0; j < p; j++) sd[j] = Math.sqrt(sd[j]);
            return sd;
        }
    }
}
