package dev.shrink.solvers.path;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.GroupLasso;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.TestData;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GroupLassoPath: the grid rule, w = 0 exactly at alpha_max and not below it, single fits along the way, screening. */
class GroupLassoPathTest {

    @Test
    void gridAndSingleFits() {
        Random r = new Random(51);
        int n = 100, p = 12;
        double[] x = TestData.design(r, n, p, 0.3, 0.4);
        double[] y = TestData.response(r, x, n, p, 5, 0.5);
        int[] groups = {0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 4, 4};
        Design d = Design.rowMajor(x, n, p);
        PathResult path = GroupLassoPath.builder().groups(groups).nAlphas(12).eps(0.01).tol(1e-13).maxIter(100_000).build().fit(d, y);
        assertTrue(path.allConverged());
        // alpha_max = max_g ‖X_gᵀ(y − ȳ)‖/(n·√p_g)
        double ybar = 0;
        for (double v : y) ybar += v / n;
        double max = 0;
        for (int g = 0; g < 5; g++) {
            double s = 0;
            int size = 0;
            for (int j = 0; j < p; j++) {
                if (groups[j] != g) continue;
                size++;
                double c = 0;
                for (int i = 0; i < n; i++) c += x[i * p + j] * (y[i] - ybar);
                s += c * c;
            }
            max = Math.max(max, Math.sqrt(s) / (n * Math.sqrt(size)));
        }
        assertEquals(max, path.penalty(0), 1e-12 * max);
        assertEquals(0.01 * max, path.penalty(11), 1e-12 * max);
        assertArrayEquals(new double[p], path.coef(0), 0.0);
        assertTrue(java.util.Arrays.stream(path.coef(1)).anyMatch(v -> v != 0), "below alpha_max a group enters");
        for (int k = 1; k < path.size(); k += 4) {
            LinearModel m = GroupLasso.builder().groups(groups).alpha(path.penalty(k)).tol(1e-13).maxIter(100_000).build().fit(d, y);
            // both stopped at a gap of 1e-13·‖y − ȳ‖², which bounds the coefficients to about 1e-6 here
            assertArrayEquals(m.coef(), path.coef(k), 1e-6);
            assertEquals(m.intercept(), path.intercept(k), 1e-6);
        }
        PathResult unscreened = GroupLassoPath.builder().groups(groups).nAlphas(12).eps(0.01).tol(1e-13).maxIter(100_000).screening(false).build()
                .fit(d, y);
        for (int k = 0; k < path.size(); k++) assertArrayEquals(unscreened.coef(k), path.coef(k), 1e-6);
    }
}
