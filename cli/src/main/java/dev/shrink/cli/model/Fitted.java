package dev.shrink.cli.model;

import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.LogisticModel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted model as the command line writes and reads it: one coefficient row per output (one for regression and
 * binary classification, one per class for a multi-class model, one per task for a multi-task model), the intercepts,
 * the classes of a classifier, the objective value at the solution and how the fit ended.
 *
 * @param link        how the linear predictor becomes a prediction
 * @param coef        coefficients, {@code coef[k][j]} for output k and feature j
 * @param intercept   one intercept per output
 * @param classes     the classes (classifiers), or null
 * @param tasks       the task names of a multi-task model, or null
 * @param objective   the value of the minimised objective at this solution (NaN when not known)
 * @param convergence how the fit ended
 * @param details     what the fit estimated beside the coefficients, by output key (Bayesian ridge's alpha and lambda,
 *                    the adaptive lasso's penalty factors), in order; empty when none
 */
public record Fitted(Link link, double[][] coef, double[] intercept, Classes classes, List<String> tasks, double objective, Convergence convergence,
                     Map<String, Object> details) {
    public Fitted {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        double[][] c = new double[coef.length][];
        for (int k = 0; k < coef.length; k++) c[k] = coef[k].clone();
        coef = c;
        intercept = intercept.clone();
        tasks = tasks == null ? null : List.copyOf(tasks);
        if (intercept.length != coef.length) throw new IllegalArgumentException(coef.length + " coefficient rows, " + intercept.length + " intercepts");
    }

    /** A model without details. */
    public Fitted(Link link, double[][] coef, double[] intercept, Classes classes, List<String> tasks, double objective, Convergence convergence) {
        this(link, coef, intercept, classes, tasks, objective, convergence, null);
    }

    /** This model with details added (after those it has). */
    public Fitted with(Map<String, Object> more) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.putAll(more);
        return new Fitted(link, coef, intercept, classes, tasks, objective, convergence, all);
    }

    /** A regression model. */
    public static Fitted linear(LinearModel m, double objective) {
        return new Fitted(Link.IDENTITY, new double[][] {m.coef()}, new double[] {m.intercept()}, null, null, objective, m.convergence());
    }

    /** A binary logistic model over the given two classes. */
    public static Fitted logistic(LogisticModel m, Classes classes, double objective) {
        return new Fitted(Link.LOGIT, new double[][] {m.coef()}, new double[] {m.intercept()}, classes, null, objective, m.convergence());
    }

    /** Number of features. */
    public int p() {
        return coef[0].length;
    }

    /** Number of non-zero coefficients (over all outputs: features with any non-zero). */
    public int nonZero() {
        int count = 0;
        for (int j = 0; j < p(); j++) {
            for (double[] row : coef) {
                if (row[j] != 0) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }
}
