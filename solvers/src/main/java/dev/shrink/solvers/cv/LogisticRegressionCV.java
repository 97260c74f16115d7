package dev.shrink.solvers.cv;

import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.LogisticRegression;
import dev.shrink.solvers.glm.GlmProblem;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.matrix.DesignMatrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Logistic regression with (C, l1Ratio) chosen by K-fold cross-validation on the mean log-loss, as scikit-learn's
 * {@code LogisticRegressionCV(Cs, cv, penalty, l1_ratios, scoring='neg_log_loss')}: each fit minimises
 * {@code C·Σᵢsᵢ·ℓᵢ + l1Ratio·Σⱼ|wⱼ| + ½·(1 − l1Ratio)·Σⱼwⱼ²} ({@link LogisticRegression}'s objective: binary or
 * multinomial, b unpenalised) on the training rows of a fold; the score of a pair is the mean over folds of the per-fold
 * mean log-loss on the validation rows — {@code log(1 + exp(z_i)) − y_i·z_i} for two classes,
 * {@code log Σ_c exp(z_ic) − z_{i,y_i}} for more; the chosen pair has the smallest score (first l1Ratio, then first C
 * on ties) and the returned model is the fit on all rows there. glmnet's one-standard-error C (the smallest C within
 * one standard error of the minimum, for the chosen l1Ratio) is reported too.
 *
 * <p>Within a fold, for each l1Ratio, the grid runs from the strongest penalty (smallest C) up, each fit warm-started
 * at the previous solution: binary L2 by Newton–Cholesky ({@link LogisticRegression}), everything else by the proximal
 * Newton engine with the duality-gap stop. Labels may be any values; every class must occur in the training rows of
 * every fold. Folds run in parallel ({@link CvBuilder#threads}) with results identical to a sequential run.
 */
public final class LogisticRegressionCV {
    private final double[] cs;
    private final LogisticRegression.Penalty penalty;
    private final double[] l1Ratios;
    private final FoldPlan plan;
    private final boolean fitIntercept;
    private final double tol;
    private final int maxIter;

    private LogisticRegressionCV(Builder b) {
        this.cs = CvInputs.increasingGrid("Cs", b.cs);
        if (b.penalty == null) throw new IllegalArgumentException("penalty must not be null");
        this.penalty = b.penalty;
        this.l1Ratios = switch (penalty) {
            case L2, NONE -> new double[] {0.0};
            case L1 -> new double[] {1.0};
            case ELASTICNET -> ratios(b.l1Ratios);
        };
        this.plan = b.plan();
        this.fitIntercept = plan.fitIntercept();
        this.tol = Inputs.positive("tol", b.tol);
        this.maxIter = Inputs.positive("maxIter", b.maxIter);
    }

    private static double[] ratios(double[] r) {
        if (r == null || r.length == 0) throw new IllegalArgumentException("l1Ratios must be given (non-empty) for penalty ELASTICNET, as scikit-learn requires");
        for (int i = 0; i < r.length; i++) {
            if (!(r[i] >= 0 && r[i] <= 1)) throw new IllegalArgumentException("l1Ratios[" + i + "] must be in [0, 1], got " + r[i]);
        }
        return r.clone();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** scikit-learn's grid for {@code Cs = count}: {@code numpy.logspace(-4, 4, count)}. */
    public static double[] logspaceCs(int count) {
        Inputs.positive("count", count);
        double[] g = new double[count];
        for (int i = 0; i < count; i++) g[i] = count == 1 ? 1e-4 : Math.pow(10, -4 + i * (8.0 / (count - 1)));
        return g;
    }

    public CvResult<LogisticModel> fit(double[][] x, double[] y) {
        return fit(Design.of(x), y, null);
    }

    public CvResult<LogisticModel> fit(Design x, double[] y) {
        return fit(x, y, null);
    }

    /**
     * Fits on a validated design of either layout (read, never written). With sample weights, every fit uses them
     * as {@link LogisticRegression} does, and a fold's score is the weighted mean log-loss Σsᵢℓᵢ/Σsᵢ over its
     * validation rows (integer weights act as repeated rows).
     *
     * @throws IllegalArgumentException on bad input, or when a class is absent from the training rows of a fold
     */
    public CvResult<LogisticModel> fit(Design x, double[] y, double[] sampleWeight) {
        int n = x.n();
        double[] classes = Inputs.classes(y, n);
        double[] s = CvInputs.weights(sampleWeight, n);
        double[] labels = Inputs.classIndices(y, classes);
        Folds f = plan.forRows(n);
        for (int fold = 0; fold < f.count(); fold++) requireEveryClass(labels, classes, f.trainingRows(fold), fold);
        List<double[][]> perFold = new ArrayList<>();
        List<Boolean> foldConverged = new ArrayList<>();
        for (FoldResult r : plan.run(f, fold -> fitFold(x, labels, classes.length, s, sampleWeight != null, f, fold))) {
            perFold.add(r.logLoss);
            foldConverged.add(r.converged);
        }
        boolean converged = !foldConverged.contains(false);
        List<CvScores> scores = new ArrayList<>();
        int best = 0;
        for (int r = 0; r < l1Ratios.length; r++) {
            double[][] errors = new double[f.count()][];
            for (int fold = 0; fold < f.count(); fold++) errors[fold] = perFold.get(fold)[r];
            scores.add(CvScores.of(cs, errors, false));
            if (scores.get(r).minMean() < scores.get(best).minMean()) best = r;
        }
        LogisticRegression refit = estimator(scores.get(best).valueMin(), l1Ratios[best]);
        LogisticModel model = refit.fit(x, y, sampleWeight);
        converged &= model.convergence().converged();
        return new CvResult<>(l1Ratios, scores, best, model, converged);
    }

    static void requireEveryClass(double[] labels, double[] classes, int[] rows, int fold) {
        boolean[] seen = new boolean[classes.length];
        for (int i : rows) seen[(int) labels[i]] = true;
        for (int c = 0; c < classes.length; c++) {
            if (!seen[c]) {
                throw new IllegalArgumentException("class " + label(classes[c]) + " is absent from the training rows of fold " + fold
                        + ": every class must occur in every training set");
            }
        }
    }

    private static String label(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The estimator of one fit: this penalty at C and l1Ratio, single-threaded so that numbers do not depend on threads(n). */
    private LogisticRegression estimator(double c, double l1Ratio) {
        // binary L2: Newton–Cholesky and its stopping test, as scikit-learn's LogisticRegressionCV reports (the solver is
        // ignored by the other penalties and by multinomial fits)
        LogisticRegression.Builder b = LogisticRegression.builder().C(c).penalty(penalty).fitIntercept(fitIntercept).tol(tol).maxIter(maxIter).threads(1)
                .solver("newton-cholesky");
        return penalty == LogisticRegression.Penalty.ELASTICNET ? b.l1Ratio(l1Ratio).build() : b.build();
    }

    private FoldResult fitFold(Design x, double[] labels, int classes, double[] s, boolean weighted, Folds f, int fold) {
        int[] train = f.trainingRows(fold);
        int[] valid = f.validationRows(fold);
        Design xTrain = x.rows(train);
        Design xValid = x.rows(valid);
        double[] yTrain = new double[train.length];
        double[] sTrain = weighted ? new double[train.length] : null;
        for (int t = 0; t < train.length; t++) {
            yTrain[t] = labels[train[t]];
            if (weighted) sTrain[t] = s[train[t]];
        }
        double validWeight = 0;
        for (int i : valid) validWeight += s[i];
        if (!(validWeight > 0)) throw new IllegalArgumentException("sampleWeight sums to 0 over the validation rows of fold " + fold);
        double[][] loss = new double[l1Ratios.length][cs.length];
        boolean converged = true;
        if (classes == 2 && penalty == LogisticRegression.Penalty.L2) {
            double[] w = null;
            double b = 0;
            for (int c = 0; c < cs.length; c++) {
                LogisticModel m = estimator(cs[c], 0.0).fit(xTrain, yTrain, sTrain, w, b);
                converged &= m.convergence().converged();
                w = m.coef();
                b = m.intercept();
                loss[0][c] = meanLogLoss(xValid, valid, labels, s, new double[][] {w}, new double[] {b});
            }
            return new FoldResult(loss, converged);
        }
        // the engine in the scaling Σsᵢℓᵢ + (l1Ratio·|w| + ½(1 − l1Ratio)·w²)/C: one problem per fold, warm starts along C
        double[] rows = sTrain == null ? ones(train.length) : sTrain.clone();
        double sum = 0;
        for (double v : rows) sum += v;
        GlmProblem.Kind kind = classes == 2 ? GlmProblem.Kind.BINOMIAL : GlmProblem.Kind.MULTINOMIAL;
        GlmProblem problem = new GlmProblem(kind, xTrain.matrix(), yTrain, classes, rows, sTrain, GlmProblem.Options.plain(fitIntercept, 1));
        for (int r = 0; r < l1Ratios.length; r++) {
            problem.start(null, null);
            double previous = Double.POSITIVE_INFINITY;
            for (int c = 0; c < cs.length; c++) {
                double l1 = penalty == LogisticRegression.Penalty.NONE ? 0.0 : l1Ratios[r] / cs[c];
                double l2 = penalty == LogisticRegression.Penalty.NONE ? 0.0 : (1 - l1Ratios[r]) / cs[c];
                GlmProblem.Solution sol = problem.solve(l1, l2, Math.max(0.0, 2 * l1 - previous), tol * sum, maxIter);
                converged &= sol.converged();
                previous = l1;
                loss[r][c] = meanLogLoss(xValid, valid, labels, s, problem.coef(), problem.intercepts());
            }
        }
        return new FoldResult(loss, converged);
    }

    private static double[] ones(int n) {
        double[] o = new double[n];
        java.util.Arrays.fill(o, 1.0);
        return o;
    }

    /**
     * Weighted mean log-loss over the validation rows: log(1 + e^z) − y·z for one coefficient vector (y the index of the
     * class, 0 or 1), log Σ_c e^{z_c} − z_y for one per class; computed without overflow.
     */
    static double meanLogLoss(Design x, int[] rows, double[] labels, double[] s, double[][] w, double[] b) {
        int k = w.length;
        double[][] z = new double[k][rows.length];
        for (int c = 0; c < k; c++) DesignMatrix.of(x.matrix(), 1).multiply(w[c], z[c]); // dense or sparse rows
        double sum = 0;
        double weight = 0;
        for (int r = 0; r < rows.length; r++) {
            int y = (int) labels[rows[r]];
            double loss;
            if (k == 1) {
                double zi = z[0][r] + b[0];
                loss = Math.max(zi, 0) + Math.log1p(Math.exp(-Math.abs(zi))) - y * zi;
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) max = Math.max(max, z[c][r] + b[c]);
                double e = 0;
                for (int c = 0; c < k; c++) e += Math.exp(z[c][r] + b[c] - max);
                loss = max + Math.log(e) - (z[y][r] + b[y]);
            }
            sum += s[rows[r]] * loss;
            weight += s[rows[r]];
        }
        return sum / weight;
    }

    private record FoldResult(double[][] logLoss, boolean converged) {}

    /** Builder with scikit-learn's grid (Cs = 10), penalty L2 and 5 folds; tolerance 1e-8, at most 100 Newton steps per fit. */
    public static final class Builder extends CvBuilder<Builder> {
        private double[] cs = logspaceCs(10); // scikit-learn's default Cs=10
        private LogisticRegression.Penalty penalty = LogisticRegression.Penalty.L2;
        private double[] l1Ratios;
        private double tol = 1e-8;
        private int maxIter = 100;

        private Builder() {}

        /** Grid of C, strictly increasing (strongest penalty first); default {@code logspaceCs(10)}. */
        public Builder Cs(double... cs) {
            this.cs = cs == null ? null : cs.clone();
            return this;
        }

        /** The penalty of every fit (default L2; see {@link LogisticRegression.Penalty}). */
        public Builder penalty(LogisticRegression.Penalty penalty) {
            this.penalty = penalty;
            return this;
        }

        /** Grid of l1Ratio values in [0, 1] for penalty ELASTICNET (required there, as scikit-learn's l1_ratios). */
        public Builder l1Ratios(double... l1Ratios) {
            this.l1Ratios = l1Ratios == null ? null : l1Ratios.clone();
            return this;
        }

        /**
         * Stopping tolerance of every fit (default 1e-8, far tighter than scikit-learn's 1e-4): binary L2 stops when
         * max|gradient|/(C·n) ≤ tol, every other fit when its duality gap /(C·Σsᵢ) ≤ tol.
         */
        public Builder tol(double tol) {
            this.tol = tol;
            return this;
        }

        /** Most Newton steps per fit (default 100). */
        public Builder maxIter(int maxIter) {
            this.maxIter = maxIter;
            return this;
        }

        /** @throws IllegalArgumentException naming the bad parameter */
        public LogisticRegressionCV build() {
            return new LogisticRegressionCV(this);
        }
    }
}
