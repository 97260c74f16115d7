package dev.shrink.solvers;

import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.PathResult;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Covariance mode's two Gram sources (whole SYRK pass, or exactly centred columns) and the path's thread option. */
class CovarianceModeTest {
    private static final int N = 300;
    private static final int P = 12;

    private static PathResult path(double[] x, double[] y, int threads) {
        return ElasticNetPath.builder().l1Ratio(0.7).nAlphas(12).eps(1e-2).tol(1e-14).maxIter(100_000)
                .mode(LeastSquaresProblem.Mode.COVARIANCE).threads(threads).build().fit(Design.rowMajor(x, N, P), y);
    }

    private static void assertSamePath(PathResult expected, PathResult actual, double tol) {
        for (int k = 0; k < expected.size(); k++) {
            double[] a = expected.coef(k);
            double[] b = actual.coef(k);
            for (int j = 0; j < P; j++) assertEquals(a[j], b[j], tol * (1 + Math.abs(a[j])), "alpha " + k + ", coefficient " + j);
        }
    }

    /**
     * Columns with means 1e6 times their spread: XᵀX − n·x̄x̄ᵀ would keep about 4 of 16 digits, so these columns are
     * centred exactly one by one. The path must equal the path on the same data centred beforehand (shifting columns
     * changes only the intercept).
     */
    @Test
    void offCentreColumnsAreCentredExactly() {
        Random r = new Random(21);
        double[] centred = TestData.design(r, N, P, 0.4, 0.0);
        double[] y = TestData.response(r, centred, N, P, 5, 0.3);
        double[] shifted = centred.clone();
        for (int i = 0; i < N; i++) for (int j = 0; j < P; j++) shifted[i * P + j] += 1e6 * (j % 2 == 0 ? 1 : -1);
        PathResult reference = path(centred, y, 1);
        PathResult offCentre = path(shifted, y, 1);
        assertTrue(reference.allConverged() && offCentre.allConverged());
        assertSamePath(reference, offCentre, 1e-8);
    }

    @Test
    void threadCountsAgree() {
        Random r = new Random(22);
        double[] x = TestData.design(r, N, P, 0.5, 1.0);
        double[] y = TestData.response(r, x, N, P, 6, 0.5);
        assertSamePath(path(x, y, 1), path(x, y, 3), 1e-10);
        assertThrows(IllegalArgumentException.class, () -> ElasticNetPath.builder().threads(0).build());
    }
}
