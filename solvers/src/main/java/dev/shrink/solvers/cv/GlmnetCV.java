package dev.shrink.solvers.cv;

import dev.shrink.solvers.matrix.DesignMatrix;
import dev.shrink.kernels.KernelProvider;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.path.GlmnetOptions;
import dev.shrink.solvers.path.LogisticPath;
import dev.shrink.solvers.path.MultinomialPath;
import dev.shrink.solvers.path.PathResult;
import dev.shrink.solvers.path.PoissonPath;

import java.util.List;

/**
 * glmnet's {@code cv.glmnet} for the binomial, multinomial and Poisson families: the path on all rows fixes the λ grid
 * (glmnet's default sequence, or explicit lambdas); for each fold f the same path is fitted on the rows outside f at
 * exactly those λ (n and the standardisation dⱼ of the training rows), and its error measured on the rows of f:
 * <ul>
 *   <li>{@link Measure#DEVIANCE} (glmnet's default): binomial −2(y·log p + (1 − y)·log(1 − p)), multinomial
 *   −2·log p_y, with the probabilities clipped to [1e-5, 1 − 1e-5] as glmnet does; Poisson
 *   2(y·log(y/μ) − (y − μ));</li>
 *   <li>{@link Measure#MISCLASSIFICATION} ({@code type.measure="class"}, binomial and multinomial): the share of rows
 *   whose most probable class is not their label.</li>
 * </ul>
 * {@code m_fk} is the (sample-weighted) mean over the fold; {@code cvm[k] = Σ_f N_f·m_fk / N} and
 * {@code cvsd[k] = sqrt(Σ_f N_f(m_fk − cvm[k])² / N / (F − 1))} with N_f the fold's weight ({@link CvScores#weighted});
 * {@code lambda.min} is the first λ with the smallest cvm, {@code lambda.1se} the largest λ with cvm within one cvsd of
 * it. The result's model is the path on all rows. Folds run in parallel ({@link CvBuilder#threads}) with results
 * identical to a sequential run.
 */
public final class GlmnetCV {
    /** glmnet's {@code family}. */
    public enum Family { BINOMIAL, MULTINOMIAL, POISSON }

    /** glmnet's {@code type.measure}. */
    public enum Measure { DEVIANCE, MISCLASSIFICATION }

    private static final double CLIP = 1e-5;

    private final Family family;
    private final Measure measure;
    private final Builder settings;
    private final FoldPlan plan;

    private GlmnetCV(Builder b) {
        if (b.family == null) throw new IllegalArgumentException("family must not be null");
        if (b.measure == null) throw new IllegalArgumentException("measure must not be null");
        if (b.measure == Measure.MISCLASSIFICATION && b.family == Family.POISSON) {
            throw new IllegalArgumentException("measure MISCLASSIFICATION needs a classification family, not POISSON");
        }
        this.family = b.family;
        this.measure = b.measure;
        this.plan = b.plan();
        this.settings = b.copy();
        path(null); // validates the path settings now
    }

    public static Builder builder() {
        return new Builder();
    }

    public CvResult<PathResult> fit(double[][] x, double[] y) {
        return fit(Design.of(x), y, null);
    }

    public CvResult<PathResult> fit(Design x, double[] y) {
        return fit(x, y, null);
    }

    /**
     * @param y            labels (binomial: two values, the larger is 1; multinomial: any values, classes in increasing
     *                     order) or counts (Poisson)
     * @param sampleWeight null for all 1 (glmnet's weights)
     * @throws IllegalArgumentException on bad input, or when a class is absent from the training rows of a fold
     */
    public CvResult<PathResult> fit(Design x, double[] y, double[] sampleWeight) {
        int n = x.n();
        double[] s = CvInputs.weights(sampleWeight, n);
        double[] classes = family == Family.POISSON ? null : family == Family.BINOMIAL ? Inputs.twoLabels(y, n) : Inputs.classes(y, n);
        double[] labels = classes == null ? null : Inputs.classIndices(y, classes);
        Folds f = plan.forRows(n);
        if (labels != null) {
            for (int fold = 0; fold < f.count(); fold++) {
                boolean[] seen = new boolean[classes.length];
                for (int i : f.trainingRows(fold)) seen[(int) labels[i]] = true;
                for (int c = 0; c < classes.length; c++) {
                    if (!seen[c]) {
                        throw new IllegalArgumentException("class " + classes[c] + " is absent from the training rows of fold " + fold
                                + ": every class must occur in every training set");
                    }
                }
            }
        }
        PathResult full = run(path(null), x, y, sampleWeight);
        double[] grid = full.penalties();
        List<FoldErrors> perFold = plan.run(f, fold -> foldErrors(x, y, labels, s, sampleWeight != null, f, fold, grid));
        double[][] errors = new double[f.count()][];
        boolean converged = full.allConverged();
        for (int fold = 0; fold < f.count(); fold++) {
            errors[fold] = perFold.get(fold).errors();
            converged &= perFold.get(fold).converged();
        }
        double[] foldWeights = new double[f.count()];
        for (int fold = 0; fold < f.count(); fold++) for (int i : f.validationRows(fold)) foldWeights[fold] += s[i];
        CvScores scores = CvScores.weighted(grid, errors, foldWeights, true);
        return new CvResult<>(new double[] {settings.l1Ratio()}, List.of(scores), 0, full, converged);
    }

    private record FoldErrors(double[] errors, boolean converged) {}

    private FoldErrors foldErrors(Design x, double[] y, double[] labels, double[] s, boolean weighted, Folds f, int fold, double[] grid) {
        int[] train = f.trainingRows(fold);
        int[] valid = f.validationRows(fold);
        double[] yTrain = new double[train.length];
        double[] sTrain = weighted ? new double[train.length] : null;
        for (int t = 0; t < train.length; t++) {
            yTrain[t] = y[train[t]];
            if (weighted) sTrain[t] = s[train[t]];
        }
        PathResult r = run(path(grid), x.rows(train), yTrain, sTrain);
        Design xv = x.rows(valid);
        int k = r.classes();
        double[] errors = new double[grid.length];
        double[][] z = new double[k][valid.length];
        for (int l = 0; l < grid.length; l++) {
            for (int c = 0; c < k; c++) {
                DesignMatrix.of(xv.matrix(), 1).multiply(r.coef(l, c), z[c]); // dense or sparse rows
                for (int t = 0; t < valid.length; t++) z[c][t] += r.intercept(l, c);
            }
            double sum = 0;
            double weight = 0;
            for (int t = 0; t < valid.length; t++) {
                int i = valid[t];
                sum += s[i] * error(z, t, labels == null ? y[i] : labels[i]);
                weight += s[i];
            }
            errors[l] = sum / weight;
        }
        return new FoldErrors(errors, r.allConverged());
    }

    /** The error of validation row t with linear predictors z[c][t]: see the class comment. */
    private double error(double[][] z, int t, double y) {
        if (family == Family.POISSON) {
            double mu = Math.exp(z[0][t]);
            return 2 * ((y > 0 ? y * Math.log(y / mu) : 0.0) - (y - mu));
        }
        int k = z.length;
        if (k == 1) {
            double p = 1 / (1 + Math.exp(-z[0][t]));
            if (measure == Measure.MISCLASSIFICATION) return (p > 0.5 ? 1 : 0) == (int) y ? 0 : 1;
            p = Math.min(Math.max(p, CLIP), 1 - CLIP);
            return -2 * (y == 1 ? Math.log(p) : Math.log(1 - p));
        }
        double max = Double.NEGATIVE_INFINITY;
        int best = 0;
        for (int c = 0; c < k; c++) {
            if (z[c][t] > max) {
                max = z[c][t];
                best = c;
            }
        }
        if (measure == Measure.MISCLASSIFICATION) return best == (int) y ? 0 : 1;
        double e = 0;
        for (int c = 0; c < k; c++) e += Math.exp(z[c][t] - max);
        double p = Math.exp(z[(int) y][t] - max) / e;
        return -2 * Math.log(Math.min(Math.max(p, CLIP), 1 - CLIP));
    }

    /** The family's path with these settings (grid null: the default sequence), single-threaded inside folds. */
    private Object path(double[] grid) {
        return switch (family) {
            case BINOMIAL -> settings.apply(LogisticPath.builder(), grid).build();
            case MULTINOMIAL -> settings.apply(MultinomialPath.builder(), grid).grouped(settings.grouped).build();
            case POISSON -> settings.apply(PoissonPath.builder(), grid).build();
        };
    }

    private static PathResult run(Object path, Design x, double[] y, double[] w) {
        return switch (path) {
            case LogisticPath p -> p.fit(x, y, w);
            case MultinomialPath p -> p.fit(x, y, w);
            case PoissonPath p -> p.fit(x, y, w);
            default -> throw new IllegalStateException("unexpected path " + path);
        };
    }

    /** Builder: family BINOMIAL, measure DEVIANCE, l1Ratio (glmnet's alpha) 1, 5 folds; the paths' defaults otherwise. */
    public static final class Builder extends CvBuilder<Builder> {
        private Family family = Family.BINOMIAL;
        private Measure measure = Measure.DEVIANCE;
        private double l1Ratio = 1.0;
        private double[] lambdas;
        private int nLambdas = 100;
        private double lambdaMinRatio = Double.NaN;
        private boolean standardize = true;
        private boolean grouped;
        private double[] penaltyFactors;
        private double[] lowerLimits;
        private double[] upperLimits;
        private double tol = 1e-8;
        private int maxIter = 100;

        private Builder() {}

        /** glmnet's family (default BINOMIAL). */
        public Builder family(Family family) { this.family = family; return this; }
        /** glmnet's type.measure (default DEVIANCE). */
        public Builder measure(Measure measure) { this.measure = measure; return this; }
        /** glmnet's alpha, in [0, 1] (default 1). */
        public Builder l1Ratio(double l1Ratio) { this.l1Ratio = l1Ratio; return this; }
        /** Explicit λ grid for all rows and every fold, strongest first (default: glmnet's sequence on all rows). */
        public Builder lambdas(double... lambdas) { this.lambdas = lambdas == null ? null : lambdas.clone(); return this; }
        /** Length of the default grid (default 100). */
        public Builder nLambdas(int n) { this.nLambdas = n; return this; }
        /** glmnet's lambda.min.ratio, in (0, 1); default 1e-4 if n ≥ p, else 0.01. */
        public Builder lambdaMinRatio(double r) { this.lambdaMinRatio = r; return this; }
        /** glmnet's standardize (default true). */
        public Builder standardize(boolean b) { this.standardize = b; return this; }
        /** Multinomial only: glmnet's type.multinomial="grouped" (default false). */
        public Builder grouped(boolean b) { this.grouped = b; return this; }
        /** glmnet's penalty.factor (rescaled to sum to p). */
        public Builder penaltyFactors(double... f) { this.penaltyFactors = f == null ? null : f.clone(); return this; }
        /** glmnet's lower.limits. */
        public Builder lowerLimits(double... lower) { this.lowerLimits = lower == null ? null : lower.clone(); return this; }
        /** glmnet's upper.limits. */
        public Builder upperLimits(double... upper) { this.upperLimits = upper == null ? null : upper.clone(); return this; }
        /** Duality-gap tolerance of every fit (default 1e-8). */
        public Builder tol(double tol) { this.tol = tol; return this; }
        /** Most Newton steps per λ (default 100). */
        public Builder maxIter(int maxIter) { this.maxIter = maxIter; return this; }

        double l1Ratio() {
            return l1Ratio;
        }

        /** The path settings onto a path builder (the grid when given), single-threaded: folds are the parallel unit. */
        <B extends GlmnetOptions<B>> B apply(B b, double[] grid) {
            return b.l1Ratio(l1Ratio).lambdas(grid != null ? grid : lambdas).nLambdas(nLambdas).lambdaMinRatio(lambdaMinRatio)
                    .fitIntercept(plan().fitIntercept()).standardize(standardize).penaltyFactors(penaltyFactors).lowerLimits(lowerLimits)
                    .upperLimits(upperLimits).tol(tol).maxIter(maxIter).threads(1);
        }

        private Builder copy() {
            Builder c = new Builder().family(family).measure(measure).l1Ratio(l1Ratio).lambdas(lambdas).nLambdas(nLambdas)
                    .lambdaMinRatio(lambdaMinRatio).standardize(standardize).grouped(grouped).penaltyFactors(penaltyFactors)
                    .lowerLimits(lowerLimits).upperLimits(upperLimits).tol(tol).maxIter(maxIter);
            FoldPlan p = plan();
            c.fitIntercept(p.fitIntercept()).threads(p.threads());
            if (p.folds() != null) c.folds(p.folds());
            else c.folds(p.k());
            return c;
        }

        /** @throws IllegalArgumentException naming the bad parameter */
        public GlmnetCV build() {
            return new GlmnetCV(this);
        }
    }
}
