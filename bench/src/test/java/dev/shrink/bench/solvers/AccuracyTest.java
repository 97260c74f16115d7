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
}
