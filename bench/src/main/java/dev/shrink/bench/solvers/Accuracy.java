package dev.shrink.bench.solvers;

import dev.shrink.bench.data.Workload;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.Objectives;

import java.util.List;

/**
 * The same yardstick for every side (shrink, scikit-learn, glmnet): the objective (scikit-learn's formulas, through
 * {@link Objectives}) and an optimality measure, both computed here in Java from each side's coefficients.
 *
 * <ul>
 *   <li>lasso / elastic net: scikit-learn's duality gap ({@code _cd_fast.pyx}, objective scaled by n, intercept by
 *       centring) divided by ‖y − ȳ‖², i.e. in the units of scikit-learn's {@code tol};</li>
 *   <li>ridge and logistic: the ∞-norm of the objective's gradient in (w, b).</li>
 * </ul>
 * Paths add up the objectives over the grid and report the worst gap.
 */
public final class Accuracy {
    private Accuracy() {}

    /** Objective reached, its optimality measure, and the name of that measure. */
    public record Measure(double objective, double optimality, String name) {}

    public static Measure of(Workload w, List<double[]> coefs, double[] intercepts, double[] alphas) {
        Design x = Design.rowMajor(w.x(), w.n(), w.p());
        return switch (w.model()) {
            case "ridge" -> new Measure(Objectives.ridge(x, w.y(), null, coefs.get(0), intercepts[0], w.number("alpha")),
                    ridgeGradient(w, coefs.get(0), intercepts[0], w.number("alpha")), "grad");
            case "ridge_cv" -> new Measure(Objectives.ridge(x, w.y(), null, coefs.get(0), intercepts[0], alphas[0]),
                    ridgeGradient(w, coefs.get(0), intercepts[0], alphas[0]), "grad");
            case "lasso", "elasticnet" -> {
                double a = w.number("alpha"), r = w.number("l1_ratio");
                yield new Measure(Objectives.elasticNet(x, w.y(), null, coefs.get(0), intercepts[0], a, r),
                        gap(w, coefs.get(0), a, r), "gap");
            }
            case "elasticnet_cv" -> {
                double r = w.number("l1_ratio");
                yield new Measure(Objectives.elasticNet(x, w.y(), null, coefs.get(0), intercepts[0], alphas[0], r),
                        gap(w, coefs.get(0), alphas[0], r), "gap");
            }
            case "elasticnet_path" -> {
                double r = w.number("l1_ratio");
                double sum = 0, worst = 0;
                for (int k = 0; k < coefs.size(); k++) {
                    sum += Objectives.elasticNet(x, w.y(), null, coefs.get(k), intercepts[k], alphas[k], r);
                    worst = Math.max(worst, gap(w, coefs.get(k), alphas[k], r));
                }
                yield new Measure(sum, worst, "gap");
            }
            case "logistic" -> new Measure(Objectives.logistic(x, w.y(), null, coefs.get(0), intercepts[0], w.number("C")),
                    logisticGradient(w, coefs.get(0), intercepts[0], w.number("C")), "grad");
            default -> throw new IllegalArgumentException("no accuracy measure for model " + w.model());
        };
    }

    /**
     * scikit-learn's elastic-net duality gap at w (intercept by centring), over ‖y − ȳ‖²: with R = yc − Xc·w,
     * l1 = α·ρ·n, l2 = α(1−ρ)·n, XtA = Xcᵀ·R − l2·w, the dual point is R scaled by min(1, l1/‖XtA‖∞).
     */
    static double gap(Workload w, double[] coef, double alpha, double l1Ratio) {
        int n = w.n(), p = w.p();
        double[] x = w.x(), y = w.y();
        double[] means = new double[p];
        double ybar = 0;
        for (int i = 0; i < n; i++) {
            ybar += y[i];
            for (int j = 0; j < p; j++) means[j] += x[i * p + j];
        }
        ybar /= n;
        for (int j = 0; j < p; j++) means[j] /= n;
        double meanDot = 0;
        for (int j = 0; j < p; j++) meanDot += means[j] * coef[j];
        double[] r = new double[n];
        double yNorm2 = 0, rNorm2 = 0, ry = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) s += x[i * p + j] * coef[j];
            double yc = y[i] - ybar;
            r[i] = yc - (s - meanDot);
            yNorm2 += yc * yc;
            rNorm2 += r[i] * r[i];
            ry += r[i] * yc;
        }
        double l1 = alpha * l1Ratio * n, l2 = alpha * (1 - l1Ratio) * n;
        double[] xtr = new double[p];
        double rSum = 0;
        for (int i = 0; i < n; i++) rSum += r[i];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) xtr[j] += x[i * p + j] * r[i];
        double dualNorm = 0, wNorm1 = 0, wNorm2 = 0;
        for (int j = 0; j < p; j++) {
            double xta = xtr[j] - means[j] * rSum - l2 * coef[j];
            dualNorm = Math.max(dualNorm, Math.abs(xta));
            wNorm1 += Math.abs(coef[j]);
            wNorm2 += coef[j] * coef[j];
        }
        double constant, gap;
        if (dualNorm > l1) {
            constant = l1 / dualNorm;
            gap = 0.5 * (rNorm2 + rNorm2 * constant * constant);
        } else {
            constant = 1;
            gap = rNorm2;
        }
        gap += l1 * wNorm1 - constant * ry + 0.5 * l2 * (1 + constant * constant) * wNorm2;
        return gap / yNorm2;
    }

    /** ‖∇‖∞ of Σ(yᵢ − xᵢ·w − b)² + α‖w‖² in (w, b). */
    static double ridgeGradient(Workload w, double[] coef, double b, double alpha) {
        int n = w.n(), p = w.p();
        double[] x = w.x();
        double[] g = new double[p];
        double gb = 0;
        for (int i = 0; i < n; i++) {
            double s = b - w.y()[i];
            for (int j = 0; j < p; j++) s += x[i * p + j] * coef[j];
            gb += 2 * s;
            for (int j = 0; j < p; j++) g[j] += 2 * s * x[i * p + j];
        }
        double max = Math.abs(gb);
        for (int j = 0; j < p; j++) max = Math.max(max, Math.abs(g[j] + 2 * alpha * coef[j]));
        return max;
    }

    /** ‖∇‖∞ of ½‖w‖² + C·Σ log(1 + exp(−tᵢ(xᵢ·w + b))) in (w, b). */
    static double logisticGradient(Workload w, double[] coef, double b, double c) {
        int n = w.n(), p = w.p();
        double[] x = w.x();
        double[] g = new double[p];
        double gb = 0;
        for (int i = 0; i < n; i++) {
            double z = b;
            for (int j = 0; j < p; j++) z += x[i * p + j] * coef[j];
            double d = c * (1 / (1 + Math.exp(-z)) - w.y()[i]);
            gb += d;
            for (int j = 0; j < p; j++) g[j] += d * x[i * p + j];
        }
        double max = Math.abs(gb);
        for (int j = 0; j < p; j++) max = Math.max(max, Math.abs(g[j] + coef[j]));
        return max;
    }
}
