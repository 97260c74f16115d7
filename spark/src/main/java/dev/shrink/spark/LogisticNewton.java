package dev.shrink.spark;

import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.ElasticNet;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.Ridge;
import dev.shrink.solvers.SufficientStats;
import org.apache.spark.api.java.JavaRDD;

/**
 * Spark's binary {@code LogisticRegression} objective, minimised by proximal Newton steps with one pass over the data
 * each (Lee, Sun and Saunders 2014, "Proximal Newton-type methods for minimizing composite functions").
 *
 * <p>Spark minimises {@code (1/Σs)·Σsᵢ·log(1 + exp(−(2yᵢ − 1)(xᵢ·w + b))) + λ·(α·Σ|βⱼ| + (1 − α)/2·Σβⱼ²)} with βⱼ = σⱼwⱼ
 * when {@code standardization} (σⱼ the sample standard deviation of its {@code Summarizer}), else βⱼ = wⱼ; features
 * with σⱼ = 0 get coefficient 0. No label scaling.
 *
 * <p>Each pass ({@link LogisticPass}) returns the loss, the gradient g and the Hessian H at the current point θ = (β, b).
 * The Newton model ½ΔᵀHΔ + gᵀΔ + Σs·(penalty of β + Δ) is a weighted least-squares problem whose sufficient statistics
 * are H and Hθ − g; shrink solves it exactly from them ({@link Ridge} when α = 0 or λ = 0, else {@link ElasticNet}'s
 * coordinate descent), warm-started at θ. The step is accepted with Armijo's rule on the true objective, measured by
 * the next pass (a rejected trial halves the step and costs one pass). The fit stops when the largest element of the
 * minimum-norm subgradient of the objective is at most {@code tol}.
 */
final class LogisticNewton {
    /** Armijo's sufficient-decrease constant. */
    static final double ARMIJO = 1e-4;
    /** Most step halvings of one line search. */
    static final int MAX_HALVINGS = 30;
    /**
     * Below this share of the objective the predicted decrease is at the rounding level of the summed loss: the full
     * step is taken if it lowers the subgradient (shrink's Newton solver has the same rule).
     */
    static final double ROUNDING_REGIME = 1e-10;
    /** Duality-gap tolerance of the inner (Newton model) solves, relative to their response's sum of squares. */
    static final double INNER_TOL = 1e-10;
    /** Sweeps of one inner solve. */
    static final int INNER_MAX_ITER = 10_000;

    /** The settings, with Spark's parameter names. */
    record Settings(double regParam, double elasticNetParam, boolean fitIntercept, boolean standardization, int maxIter, double tol,
                    int aggregationDepth) {}

    /** A fit on the original scale. */
    record Fit(double[] coefficients, double intercept, FitReport report) {}

    private final JavaRDD<RowBlock> blocks;
    private final int p;
    private final Settings s;
    private int passes;

    private LogisticNewton(JavaRDD<RowBlock> blocks, int p, Settings s) {
        this.blocks = blocks;
        this.p = p;
        this.s = s;
    }

    /** Fits Spark's objective to the cached blocks (p features). */
    static Fit fit(JavaRDD<RowBlock> blocks, int p, Settings s) {
        return new LogisticNewton(blocks, p, s).run();
    }

    private Fit run() {
        LogisticPass current = pass(new double[p], 0.0);
        if (current.sums.rows() == 0) throw new IllegalArgumentException("the data have no rows");
        double total = current.sumWeights;
        if (!(total > 0)) throw new IllegalArgumentException("the weights sum to " + total + ": at least one row needs a positive weight");
        if (current.positiveWeight == 0 || current.positiveWeight == total) {
            throw new IllegalArgumentException("the label has one class only (every row with positive weight is "
                    + (current.positiveWeight == 0 ? "0" : "1") + "): binary logistic regression needs both 0 and 1");
        }
        // at θ = 0 every IRLS weight is s/4, so the first pass's moments give Spark's standard deviations
        Standardization st = Standardization.of(current.sums, s.standardization, Standardization.Deviation.SAMPLE);
        int k = st.size();
        double[] beta = new double[k];
        double b = 0;
        if (k == 0) {
            // only constant features: the intercept alone, in closed form
            b = s.fitIntercept ? Math.log(current.positiveWeight / (total - current.positiveWeight)) : 0.0;
            current = pass(new double[p], b);
        }
        Model model = new Model(current, st, total);
        double objective = model.objective(beta, b);
        int iterations = 0;
        double violation = model.violation(beta, b);
        boolean floor = false;
        while (k > 0 && violation > s.tol && iterations < s.maxIter && !floor) {
            double[] next = model.newtonPoint(beta, b);
            double[] dBeta = new double[k];
            for (int a = 0; a < k; a++) dBeta[a] = next[a] - beta[a];
            double dB = next[k] - b;
            double decrease = model.predictedDecrease(beta, b, next);
            if (!(decrease < 0)) {
                floor = true;
                break;
            }
            double step = 1;
            for (int halvings = 0; ; halvings++) {
                double[] trial = new double[k];
                for (int a = 0; a < k; a++) trial[a] = beta[a] + step * dBeta[a];
                double trialB = b + step * dB;
                Model tm = new Model(pass(st.originalCoefficients(trial, 1.0), trialB), st, total);
                double value = tm.objective(trial, trialB);
                boolean rounding = -decrease <= ROUNDING_REGIME * Math.abs(objective);
                if (rounding ? tm.violation(trial, trialB) < violation : value <= objective + ARMIJO * step * decrease) {
                    beta = trial;
                    b = trialB;
                    model = tm;
                    objective = value;
                    break;
                }
                if (rounding || halvings == MAX_HALVINGS) {
                    floor = true;
                    break;
                }
                step /= 2;
            }
            if (floor) break;
            iterations++;
            violation = model.violation(beta, b);
        }
        Convergence c = Convergence.iterative(Convergence.Criterion.SCALED_GRADIENT, "Newton steps", iterations, violation, s.tol,
                violation <= s.tol, s.maxIter);
        return new Fit(st.originalCoefficients(beta, 1.0), b, Reports.of(model.pass.sums, total, passes, c));
    }

    /** One pass over the cached blocks at raw coefficients w and intercept b. */
    private LogisticPass pass(double[] w, double b) {
        passes++;
        int features = p;
        JavaRDD<LogisticPass> parts = blocks.mapPartitions(it -> {
            LogisticPass r = new LogisticPass(features);
            while (it.hasNext()) r.add(it.next(), w, b);
            r.sums.flush();
            return Jobs.one(r);
        });
        return Jobs.run(() -> parts.treeAggregate(new LogisticPass(features), LogisticPass::add, LogisticPass::add,
                s.aggregationDepth, features > Jobs.MERGE_ON_EXECUTOR));
    }

    /**
     * The objective and its quadratic model at the point a pass was made at, in the scaled coordinates β of the kept
     * features: H (gram), Σd·x̃ (column sums), Σd, the gradient g (xty, ySum) and the Pearson statistic (yty).
     */
    private final class Model {
        final LogisticPass pass;
        final SufficientStats h;
        final double total;
        final double l1;
        final double l2;

        Model(LogisticPass pass, Standardization st, double total) {
            this.pass = pass;
            this.h = pass.sums.toStats(st.kept(), st.scale(), 1.0);
            this.total = total;
            this.l1 = s.regParam * s.elasticNetParam;
            this.l2 = s.regParam * (1 - s.elasticNetParam);
        }

        double penalty(double[] beta) {
            double a = 0;
            double q = 0;
            for (double v : beta) {
                a += Math.abs(v);
                q += v * v;
            }
            return l1 * a + l2 / 2 * q;
        }

        /** penalty(after) − penalty(before), term by term (the totals may agree in most of their digits). */
        double penaltyChange(double[] before, double[] after) {
            double d = 0;
            for (int a = 0; a < before.length; a++) {
                d += l1 * (Math.abs(after[a]) - Math.abs(before[a])) + l2 / 2 * (after[a] - before[a]) * (after[a] + before[a]);
            }
            return d;
        }

        double objective(double[] beta, double b) {
            return pass.loss / total + penalty(beta);
        }

        /** The largest element of the minimum-norm subgradient (the intercept's gradient included when it is fitted). */
        double violation(double[] beta, double b) {
            double[] g = h.xty();
            double max = s.fitIntercept ? Math.abs(h.ySum() / total) : 0.0;
            for (int a = 0; a < beta.length; a++) {
                double d = g[a] / total + l2 * beta[a];
                double v = beta[a] != 0 ? Math.abs(d + l1 * Math.signum(beta[a])) : Math.max(Math.abs(d) - l1, 0);
                max = Math.max(max, v);
            }
            return max;
        }

        /** gᵀΔ/Σs + penalty(β⁺) − penalty(β): the decrease the Newton model predicts (negative away from the optimum). */
        double predictedDecrease(double[] beta, double b, double[] next) {
            double[] g = h.xty();
            double d = s.fitIntercept ? h.ySum() * (next[beta.length] - b) : 0.0;
            double[] nextBeta = java.util.Arrays.copyOf(next, beta.length);
            for (int a = 0; a < beta.length; a++) d += g[a] * (next[a] - beta[a]);
            return d / total + penaltyChange(beta, nextBeta);
        }

        /** The minimiser (β⁺, b⁺) of the Newton model at (β, b), solved by shrink from least-squares statistics. */
        double[] newtonPoint(double[] beta, double b) {
            int k = beta.length;
            double[] gram = h.gram();
            double[] sx = h.xSums();
            double[] g = h.xty();
            double sumD = h.sumWeights();
            // the model ½θᵀHθ − θᵀ(Hθ₀ − g) + const as least squares: response statistics Hθ₀ − g and a consistent Σdz²
            double[] c = new double[k];
            double quadratic = 0;
            double cross = 0;
            for (int a = 0; a < k; a++) {
                double r = 0;
                for (int j = 0; j < k; j++) r += gram[a * k + j] * beta[j];
                c[a] = r + sx[a] * b - g[a];
                quadratic += beta[a] * r;
                cross += sx[a] * beta[a];
            }
            double cy = cross + sumD * b - h.ySum();
            double yy = quadratic + 2 * b * cross + sumD * b * b - 2 * (dot(beta, g) + b * h.ySum()) + h.yty();
            SufficientStats model = SufficientStats.ofSums(h.rows(), sumD, sx, cy, yy, gram, c);
            LinearModel m;
            if (l1 == 0) {
                // Ridge minimises Σd(z − x̃v − c)² + a|v|², twice the Newton model with a = Σs·λ₂
                m = Ridge.builder().alpha(total * l2).fitIntercept(s.fitIntercept).build().fit(model);
            } else {
                // ElasticNet's (1/(2Σd))Σd(…)² + alpha·(…): the Newton model divided by Σd, so alpha = Σs·λ/Σd
                m = ElasticNet.builder().alpha(total * s.regParam / sumD).l1Ratio(s.elasticNetParam).fitIntercept(s.fitIntercept)
                        .tol(INNER_TOL).maxIter(INNER_MAX_ITER).build().fit(model, beta);
            }
            double[] next = java.util.Arrays.copyOf(m.coef(), k + 1);
            next[k] = m.intercept();
            return next;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
