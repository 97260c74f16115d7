package dev.shrink.solvers.cv;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.LogisticRegression;
import dev.shrink.solvers.internal.Inputs;

import java.util.List;

/**
 * L2 logistic regression with C chosen by K-fold cross-validation on the mean log-loss, as scikit-learn's
 * {@code LogisticRegressionCV(Cs, cv, scoring='neg_log_loss')}: each fit minimises
 * {@code 0.5*sum_j w_j^2 + C*sum_i log(1 + exp(-t_i*(x_i.w + b)))}, t_i = ±1 (b unpenalised), on the training rows
 * of a fold; the score of C is the mean over folds of the per-fold mean log-loss
 * {@code log(1 + exp(z_i)) - y_i*z_i}, z_i = x_i.w + b, on the validation rows; the chosen C has the smallest
 * score (first on ties) and the returned model is the fit on all rows at that C. glmnet's one-standard-error C
 * (the smallest C, i.e. strongest penalty, within one standard error of the minimum) is reported too.
 *
 * <p>Within a fold the grid runs from the strongest penalty (smallest C) up, each Newton–Cholesky fit
 * ({@link LogisticRegression}) warm-started at the previous solution. Labels may be any two values; the larger is
 * the positive class (y = 1 in the log-loss). Folds run in parallel ({@link CvBuilder#threads}) with results identical
 * to a sequential run.
 */
public final class LogisticRegressionCV {
    private final double[] cs;
    private final FoldPlan plan;
    private final boolean fitIntercept;
    private final double tol;
    private final int maxIter;

    private LogisticRegressionCV(Builder b) {
        this.cs = CvInputs.increasingGrid("Cs", b.cs);
        this.plan = b.plan();
        this.fitIntercept = plan.fitIntercept();
        this.tol = Inputs.positive("tol", b.tol);
        this.maxIter = Inputs.positive("maxIter", b.maxIter);
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
     */
    public CvResult<LogisticModel> fit(Design x, double[] y, double[] sampleWeight) {
        int n = x.n();
        double[] labels = Inputs.twoLabels(y, n);
        double[] s = CvInputs.weights(sampleWeight, n);
        double[] y01 = new double[n];
        for (int i = 0; i < n; i++) y01[i] = y[i] == labels[1] ? 1 : 0;
        Folds f = plan.forRows(n);
        List<FoldResult> perFold = plan.run(f, fold -> fitFold(x, y01, s, sampleWeight != null, f, fold));
        double[][] errors = new double[f.count()][];
        boolean converged = true;
        for (int fold = 0; fold < f.count(); fold++) {
            errors[fold] = perFold.get(fold).logLoss;
            converged &= perFold.get(fold).converged;
        }
        CvScores scores = CvScores.of(cs, errors, false);
        LogisticModel fitted = estimator(scores.valueMin()).fit(x, y01, sampleWeight);
        converged &= fitted.convergence().converged();
        // the refit saw labels 0/1: the model predicts the user's labels
        LogisticModel model = new LogisticModel(fitted.coef(), fitted.intercept(), labels[0], labels[1], fitted.convergence());
        return new CvResult<>(new double[] {0.0}, List.of(scores), 0, model, converged);
    }

    /** Every fit of the cross-validation runs on one thread, so that its numbers do not depend on threads(n). */
    private LogisticRegression estimator(double c) {
        return LogisticRegression.builder().C(c).fitIntercept(fitIntercept).tol(tol).maxIter(maxIter).threads(1).build();
    }

    private FoldResult fitFold(Design x, double[] y01, double[] s, boolean weighted, Folds f, int fold) {
        int[] train = f.trainingRows(fold);
        int[] valid = f.validationRows(fold);
        Design xTrain = x.rows(train);
        Design xValid = x.rows(valid);
        double[] yTrain = new double[train.length];
        double[] sTrain = weighted ? new double[train.length] : null;
        for (int t = 0; t < train.length; t++) {
            yTrain[t] = y01[train[t]];
            if (weighted) sTrain[t] = s[train[t]];
        }
        double validWeight = 0;
        for (int i : valid) validWeight += s[i];
        if (!(validWeight > 0)) throw new IllegalArgumentException("sampleWeight sums to 0 over the validation rows of fold " + fold);
        double[] w = null;
        double b = 0;
        double[] loss = new double[cs.length];
        double[] z = new double[valid.length];
        boolean converged = true;
        for (int c = 0; c < cs.length; c++) {
            LogisticModel m;
            try {
                m = estimator(cs[c]).fit(xTrain, yTrain, sTrain, w, b);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("training rows of fold " + fold + ": " + e.getMessage(), e);
            }
            converged &= m.convergence().converged();
            w = m.coef();
            b = m.intercept();
            loss[c] = meanLogLoss(xValid.view(), valid, y01, s, w, b, z);
        }
        return new FoldResult(loss, converged);
    }

    /** Weighted mean of log(1 + e^z) − y·z over the validation rows, log(1 + e^z) computed without overflow. */
    private static double meanLogLoss(MatrixView x, int[] rows, double[] y01, double[] s, double[] w, double b, double[] z) {
        KernelProvider.get().matrixVector().multiply(x, w, 0, z, 0);
        double sum = 0;
        double weight = 0;
        for (int r = 0; r < rows.length; r++) {
            double zi = z[r] + b;
            double softplus = Math.max(zi, 0) + Math.log1p(Math.exp(-Math.abs(zi)));
            sum += s[rows[r]] * (softplus - y01[rows[r]] * zi);
            weight += s[rows[r]];
        }
        return sum / weight;
    }

    private record FoldResult(double[] logLoss, boolean converged) {}

    /** Builder with scikit-learn's grid (Cs = 10) and 5 folds; Newton tolerance 1e-8, at most 100 steps per fit. */
    public static final class Builder extends CvBuilder<Builder> {
        private double[] cs = logspaceCs(10); // scikit-learn's default Cs=10
        private double tol = 1e-8;
        private int maxIter = 100;

        private Builder() {}

        /** Grid of C, strictly increasing (strongest penalty first); default {@code logspaceCs(10)}. */
        public Builder Cs(double... cs) {
            this.cs = cs == null ? null : cs.clone();
            return this;
        }

        /** Newton stops when max|gradient|/(C·n) ≤ tol (default 1e-8, far tighter than scikit-learn's 1e-4). */
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
