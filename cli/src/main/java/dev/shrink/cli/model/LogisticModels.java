package dev.shrink.cli.model;

import dev.shrink.cli.model.Entry.Fitter;
import dev.shrink.conformance.Objectives;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.LogisticRegression;

/**
 * Binary logistic regression (scikit-learn's LogisticRegression, L2, L1 or elastic-net penalty) for the registry; its
 * CV and glmnet's binomial family are with the other GLMs ({@link GlmModels}).
 */
final class LogisticModels {
    private LogisticModels() {}

    static Fitter logistic(Params p) {
        GlmModels.LogisticPenalty pen = GlmModels.logisticPenalty(p, false);
        double c = p.number("C", 1.0);
        LogisticRegression est = LogisticRegression.builder().C(c).penalty(pen.penalty()).l1Ratio(pen.l1Ratio()).fitIntercept(p.fitIntercept())
                .maxIter(p.integer("max-iter", 100)).tol(p.number("tol", 1e-4)).threads(p.threads()).build();
        Choices.acceptWeights(p);
        return d -> {
            Labels.Binary b = Labels.binary(d);
            LogisticModel m = est.fit(d.x(), b.y01(), d.weights());
            double objective = pen.penalty() == LogisticRegression.Penalty.L2 ? Objectives.logistic(d.x(), b.y01(), d.weights(), m.coef(), m.intercept(), c)
                    : Objectives.logisticPenalized(d.x(), b.y01(), d.weights(), m.coef(), m.intercept(), c, pen.l1Ratio());
            return Fitted.logistic(m, b.classes(), objective);
        };
    }
}
