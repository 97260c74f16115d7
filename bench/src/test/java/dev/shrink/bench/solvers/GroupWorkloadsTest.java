package dev.shrink.bench.solvers;

import dev.shrink.bench.data.Workload;
import dev.shrink.bench.data.Workloads;
import dev.shrink.conformance.Objectives;
import dev.shrink.solvers.Design;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The issue-15 workloads at toy size: shrink's fits meet the shared yardstick, whose objectives are the conformance ones. */
class GroupWorkloadsTest {

    @Test
    void fitsAreOptimalByTheSharedYardstick() {
        for (String name : List.of("mt-enet", "mt-enet-path", "group-path", "group-path-logistic", "bayes-ridge")) {
            Workload w = Workloads.get(name, 0.005);
            Fits.Result fit = Fits.fit(w);
            Accuracy.Measure m = Accuracy.of(w, fit.coefs(), fit.intercepts(), fit.alphas());
            assertTrue(Double.isFinite(m.objective()) && m.objective() > 0, name + ": " + m);
            if (m.name().equals("gap")) assertTrue(m.optimality() >= -1e-10 && m.optimality() <= 1e-4, name + " gap within tol: " + m);
            else assertTrue(m.optimality() < 1e-6 * m.objective(), name + ": " + m);
        }
    }

    @Test
    void objectivesAreTheConformanceOnes() {
        Workload mt = Workloads.get("mt-enet", 0.005);
        Fits.Result fit = Fits.fit(mt);
        double[][] y = Fits.tasks(mt);
        double[][] coef = fit.coefs().toArray(new double[0][]);
        Design x = Design.rowMajor(mt.x(), mt.n(), mt.p());
        double expected = Objectives.multiTaskElasticNet(x, y, coef, fit.intercepts(), mt.number("alpha"), mt.number("l1_ratio"));
        assertEquals(expected, Accuracy.of(mt, fit.coefs(), fit.intercepts(), fit.alphas()).objective(), 1e-12 * expected);

        Workload g = Workloads.get("group-path", 0.005);
        Fits.Result path = Fits.fit(g);
        Design gx = Design.rowMajor(g.x(), g.n(), g.p());
        double sum = 0;
        for (int k = 0; k < path.coefs().size(); k++) {
            sum += Objectives.groupLasso(gx, g.y(), Fits.groups(g), path.coefs().get(k), path.intercepts()[k], path.alphas()[k], false);
        }
        assertEquals(sum, Accuracy.of(g, path.coefs(), path.intercepts(), path.alphas()).objective(), 1e-12 * sum);
    }
}
