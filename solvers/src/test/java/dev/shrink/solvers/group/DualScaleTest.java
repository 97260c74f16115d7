package dev.shrink.solvers.group;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dual scaling of the sparse-group penalty: κ is the largest scaling with ‖S(κg, l1)‖ = t, found on the right piece. */
class DualScaleTest {

    @Test
    void largestFeasibleScaling() {
        Random r = new Random(7);
        double[] scratch = new double[8];
        for (int trial = 0; trial < 200; trial++) {
            int k = 1 + r.nextInt(8);
            double[] g = new double[k];
            for (int j = 0; j < k; j++) g[j] = r.nextGaussian() * (r.nextInt(4) == 0 ? 0 : 1);
            double l1 = r.nextInt(3) == 0 ? 0 : r.nextDouble();
            double t = r.nextDouble() * 2;
            double kappa = DualScale.of(g, 0, k, l1, t, scratch);
            if (kappa == Double.POSITIVE_INFINITY) {
                for (double v : g) assertEquals(0.0, Math.abs(v));
                continue;
            }
            assertEquals(t, DualScale.thresholdedNorm(g, 0, k, kappa, l1), 1e-12 * (1 + t), "at κ the norm is t");
            // larger κ is infeasible (the thresholded norm increases strictly once it is positive)
            if (t > 0) assertEquals(1, Double.compare(DualScale.thresholdedNorm(g, 0, k, kappa * (1 + 1e-6), l1), t));
        }
        assertEquals(0.5, DualScale.of(new double[] {3, 4}, 0, 2, 0, 2.5, scratch), 1e-15); // t/‖g‖
    }
}
