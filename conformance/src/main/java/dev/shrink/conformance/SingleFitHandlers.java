package dev.shrink.conformance;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.ElasticNet;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.LogisticRegression;
import dev.shrink.solvers.Ridge;

/** Handlers of the single fits {@code ridge}, {@code lasso}, {@code elasticnet}, {@code logistic}. */
final class SingleFitHandlers {
    private SingleFitHandlers() {}

    /** Solver tolerances far below the cases' comparison tolerances (the references are converged to ~1e-13). */
    static final double CD_TOL = 1e-14;
    static final int CD_MAX_ITER = 200_000;
    static final double NEWTON_TOL = 1e-12;

    static CaseResult ridge(ConformanceCase c) throws Exception {
        Design x = c.design();
        double[] y = c.y();
        double[] s = c.sampleWeight();
        double alpha = c.number("alpha");
        LinearModel m = Ridge.builder().alpha(alpha).fitIntercept(c.fitIntercept()).build().fit(x, y, s);
        return new Comparison(c)
                .coef(c.coef()[0], c.intercept()[0], m.coef(), m.intercept())
                .objective(c.objectiveValue(), Objectives.ridge(x, y, s, m.coef(), m.intercept(), alpha))
                .result();
    }

    static CaseResult elasticNet(ConformanceCase c) throws Exception {
        Design x = c.design();
        double[] y = c.y();
        double[] s = c.sampleWeight();
        double alpha = c.number("alpha");
        double l1Ratio = c.model().equals("lasso") ? 1.0 : c.number("l1_ratio");
        boolean positive = c.bool("positive");
        LinearModel m = ElasticNet.builder().alpha(alpha).l1Ratio(l1Ratio).fitIntercept(c.fitIntercept()).positive(positive)
                .tol(CD_TOL).maxIter(CD_MAX_ITER).build().fit(x, y, s);
        double worst = 0;
        for (double v : m.coef()) worst = Math.min(worst, v);
        return new Comparison(c)
                .coef(c.coef()[0], c.intercept()[0], m.coef(), m.intercept())
                .objective(c.objectiveValue(), Objectives.elasticNet(x, y, s, m.coef(), m.intercept(), alpha, l1Ratio))
                .check(!positive || worst >= 0, "positive=true but a coefficient is " + worst)
                .note(m.convergence().iterations() + " sweeps, gap " + String.format(java.util.Locale.ROOT, "%.1e", m.convergence().value()))
                .result();
    }

    /** Whether a scikit-learn logistic case names an L1 or elastic-net penalty (absent or l2: the L2 penalty). */
    static boolean penalized(ConformanceCase c) {
        return c.has("penalty") && !c.string("penalty").equals("l2");
    }

    static CaseResult logistic(ConformanceCase c) throws Exception {
        if (penalized(c)) return penalizedLogistic(c);
        Design x = c.design();
        double[] y = c.y();
        double[] s = c.sampleWeight();
        double cc = c.number("C");
        LogisticModel m = LogisticRegression.builder().C(cc).fitIntercept(c.fitIntercept()).tol(NEWTON_TOL).maxIter(200).build().fit(x, y, s);
        return new Comparison(c)
                .coef(c.coef()[0], c.intercept()[0], m.coef(), m.intercept())
                .objective(c.objectiveValue(), Objectives.logistic(x, y, s, m.coef(), m.intercept(), cc))
                .note(m.convergence().iterations() + " Newton steps")
                .result();
    }

    /** Relative duality-gap tolerance of the proximal Newton fits (penalised logistic, multinomial, Poisson). */
    static final double GAP_TOL = 1e-14;

    /** {@code logistic} with {@code penalty} l1 or elasticnet: scikit-learn's saga objective. */
    static CaseResult penalizedLogistic(ConformanceCase c) throws Exception {
        Design x = c.design();
        double[] y = c.y();
        double[] s = c.sampleWeight();
        double cc = c.number("C");
        double l1Ratio = c.number("l1_ratio");
        LogisticRegression.Penalty penalty = c.string("penalty").equals("l1") ? LogisticRegression.Penalty.L1 : LogisticRegression.Penalty.ELASTICNET;
        LogisticModel m = LogisticRegression.builder().C(cc).penalty(penalty).l1Ratio(l1Ratio).fitIntercept(c.fitIntercept()).tol(GAP_TOL)
                .maxIter(500).build().fit(x, y, s);
        return new Comparison(c)
                .coef(c.coef()[0], c.intercept()[0], m.coef(), m.intercept())
                .objective(c.objectiveValue(), Objectives.logisticPenalized(x, y, s, m.coef(), m.intercept(), cc, l1Ratio))
                .note(gapNote(m.convergence()))
                .result();
    }

    /** {@code multinomial}: scikit-learn's symmetric multinomial logistic regression (L2 or elastic net). */
    static CaseResult multinomial(ConformanceCase c) throws Exception {
        Design x = c.design();
        double[] y = c.y();
        double[] s = c.sampleWeight();
        double cc = c.number("C");
        double l1Ratio = c.number("l1_ratio");
        LogisticRegression.Penalty penalty = !penalized(c) ? LogisticRegression.Penalty.L2
                : c.string("penalty").equals("l1") ? LogisticRegression.Penalty.L1 : LogisticRegression.Penalty.ELASTICNET;
        LogisticModel m = LogisticRegression.builder().C(cc).penalty(penalty).l1Ratio(l1Ratio).fitIntercept(c.fitIntercept()).tol(GAP_TOL)
                .maxIter(500).build().fit(x, y, s);
        int k = (int) c.number("n_classes");
        double[][] coef = c.coef();
        double[] b = c.intercept();
        double[][] w = new double[k][];
        double[] bb = new double[k];
        Comparison cmp = new Comparison(c);
        for (int cl = 0; cl < k; cl++) {
            w[cl] = m.coef(cl);
            bb[cl] = m.intercept(cl);
        }
        for (int cl = 0; cl < k; cl++) cmp.coef(coef[cl], b[cl] - mean(b), w[cl], bb[cl] - mean(bb));
        return cmp.objective(c.objectiveValue(), Objectives.multinomial(x, y, s, w, bb, cc, l1Ratio))
                .note(gapNote(m.convergence()))
                .result();
    }

    /** {@code poisson}: scikit-learn's PoissonRegressor (half deviance, L2). */
    static CaseResult poisson(ConformanceCase c) throws Exception {
        Design x = c.design();
        double[] y = c.y();
        double[] s = c.sampleWeight();
        double alpha = c.number("alpha");
        dev.shrink.solvers.PoissonModel m = dev.shrink.solvers.PoissonRegressor.builder().alpha(alpha).fitIntercept(c.fitIntercept()).tol(GAP_TOL)
                .maxIter(200).build().fit(x, y, s);
        return new Comparison(c)
                .coef(c.coef()[0], c.intercept()[0], m.coef(), m.intercept())
                .objective(c.objectiveValue(), Objectives.poisson(x, y, s, m.coef(), m.intercept(), alpha))
                .note(gapNote(m.convergence()))
                .result();
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x / v.length;
        return s;
    }

    static String gapNote(dev.shrink.solvers.Convergence conv) {
        return String.format(java.util.Locale.ROOT, "%d iterations, %s %.1e%s", conv.iterations(), conv.criterion().description(), conv.value(),
                conv.converged() ? "" : " (" + conv.message() + ")");
    }
}
