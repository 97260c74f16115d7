package dev.shrink.bench.solvers;

import dev.shrink.bench.data.Workload;
import dev.shrink.bench.data.Workloads;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccuracyTest {

    @Test
    void lassoGapIsZeroAtZeroAboveAlphaMaxAndPositiveBelow() {
        Workload w = Workloads.get("lasso", 0.005);
        double alphaMax = Workloads.alphaMax(w.x(), w.y(), w.n(), w.p(), 1.0);
        double[] zero = new double[w.p()];
        assertEquals(0, Accuracy.gap(w, zero, alphaMax * 1.0001, 1.0), 1e-12, "w = 0 is optimal at alpha ≥ alpha_max");
        assertTrue(Accuracy.gap(w, zero, alphaMax * 0.5, 1.0) > 1e-3, "and far from optimal below it");
    }

    @Test
    void objectivesAgreeWithTheSolversOwnFormulas() {
        for (String name : List.of("ridge", "lasso", "elasticnet", "logistic")) {
            Workload w = Workloads.get(name, 0.005);
            double[] coef = dev.shrink.bench.data.Matrices.gaussian(7, w.p());
            double b = 0.3;
            dev.shrink.solvers.Design x = dev.shrink.solvers.Design.rowMajor(w.x(), w.n(), w.p());
            double expected = switch (name) {
                case "ridge" -> dev.shrink.conformance.Objectives.ridge(x, w.y(), null, coef, b, w.number("alpha"));
                case "logistic" -> dev.shrink.conformance.Objectives.logistic(x, w.y(), null, coef, b, w.number("C"));
                default -> dev.shrink.conformance.Objectives.elasticNet(x, w.y(), null, coef, b, w.number("alpha"), w.number("l1_ratio"));
            };
            double got = Accuracy.of(w, List.of(coef), new double[] {b}, new double[] {Double.NaN}).objective();
            assertEquals(expected, got, 1e-12 * Math.abs(expected), name);
        }
    }

    @Test
    void shrinkSolutionsAreOptimalByTheSharedYardstick() {
        for (String name : List.of("ridge", "lasso", "elasticnet", "logistic")) {
            Workload w = Workloads.get(name, 0.01);
            Fits.Result fit = Fits.fit(w);
            Accuracy.Measure m = Accuracy.of(w, fit.coefs(), fit.intercepts(), fit.alphas());
            assertTrue(Double.isFinite(m.objective()) && m.objective() > 0, name + ": " + m);
            if (m.name().equals("gap")) {
                assertTrue(m.optimality() >= -1e-12 && m.optimality() <= 1e-4, name + " gap within sklearn's tol: " + m);
            } else {
                // Perturbing the solution must not lower the objective, and the gradient is small next to it.
                double[] moved = fit.coefs().get(0).clone();
                moved[0] += 1e-3;
                Accuracy.Measure worse = Accuracy.of(w, List.of(moved), fit.intercepts(), fit.alphas());
                assertTrue(worse.objective() > m.objective(), name + ": " + worse + " vs " + m);
                assertTrue(m.optimality() < 1e-3 * m.objective(), name + ": " + m);
            }
        }
    }

    /** The GLM yardstick's objectives are the conformance formulas (scikit-learn's for single fits, glmnet's for paths). */
    @Test
    void glmObjectivesAgreeWithTheConformanceFormulas() {
        for (String name : List.of("logistic-l1", "logistic-enet", "multinomial", "poisson", "logistic-lasso-path", "poisson-lasso-path", "multinomial-lasso-path")) {
            Workload w = Workloads.get(name, 0.005);
            int k = w.model().startsWith("multinomial") ? (int) w.number("n_classes") : 1;
            dev.shrink.solvers.Design x = dev.shrink.solvers.Design.rowMajor(w.x(), w.n(), w.p());
            double[][] coef = new double[k][];
            double[] b = new double[k];
            for (int c = 0; c < k; c++) {
                coef[c] = dev.shrink.bench.data.Matrices.gaussian(7 + c, w.p());
                for (int j = 0; j < w.p(); j++) coef[c][j] *= 0.1;
                b[c] = 0.3 - 0.1 * c;
            }
            double[] d = dev.shrink.conformance.Objectives.columnScales(x);
            double lambda = w.model().endsWith("_path") ? w.numbers("lambdas")[0] : Double.NaN;
            double expected = switch (w.model()) {
                case "logistic_penalized" -> dev.shrink.conformance.Objectives.logisticPenalized(x, w.y(), null, coef[0], b[0], w.number("C"), w.number("l1_ratio"));
                case "multinomial" -> dev.shrink.conformance.Objectives.multinomial(x, w.y(), null, coef, b, w.number("C"), 0);
                case "poisson" -> dev.shrink.conformance.Objectives.poisson(x, w.y(), null, coef[0], b[0], w.number("alpha"));
                case "logistic_path" -> dev.shrink.conformance.Objectives.glmnetBinomial(x, w.y(), coef[0], b[0], lambda, 1, d, null);
                case "poisson_path" -> dev.shrink.conformance.Objectives.glmnetPoisson(x, w.y(), coef[0], b[0], lambda, 1, d, null)
                        + poissonConstant(w.y()); // the yardstick adds the half deviance's constant Σ(y log y − y)/n
                default -> dev.shrink.conformance.Objectives.glmnetMultinomial(x, w.y(), coef, b, lambda, 1, d, false);
            };
            double got = Accuracy.of(w, List.of(coef), b, new double[] {lambda}).objective(); // a path: the grid {λ}
            assertEquals(expected, got, 1e-11 * Math.abs(expected), name);
        }
    }

    private static double poissonConstant(double[] y) {
        double s = 0;
        for (double v : y) s += v > 0 ? v * Math.log(v) - v : 0.0;
        return s / y.length;
    }

    /** shrink's GLM fits (toy sizes) satisfy the optimality conditions by the shared yardstick, and moving away costs. */
    @Test
    void shrinkGlmSolutionsAreOptimalByTheSharedYardstick() {
        for (String name : List.of("logistic-l1", "logistic-enet", "multinomial", "poisson", "logistic-lasso-path", "poisson-lasso-path", "multinomial-lasso-path")) {
            Workload w = Workloads.get(name, 0.01);
            Fits.Result fit = Fits.fit(w);
            Accuracy.Measure m = Accuracy.of(w, fit.coefs(), fit.intercepts(), fit.alphas());
            assertEquals("KKT", m.name());
            assertTrue(Double.isFinite(m.objective()) && m.optimality() < 1e-3 * Math.abs(m.objective()), name + ": " + m);
            List<double[]> moved = new java.util.ArrayList<>(fit.coefs());
            double[] first = moved.get(moved.size() - 1).clone();
            first[0] += 1e-2;
            moved.set(moved.size() - 1, first);
            Accuracy.Measure worse = Accuracy.of(w, moved, fit.intercepts(), fit.alphas());
            assertTrue(worse.objective() > m.objective() && worse.optimality() > m.optimality(), name + ": " + worse + " vs " + m);
        }
    }
}
