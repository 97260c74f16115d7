package dev.shrink.solvers.cv;

import dev.shrink.solvers.AdaptiveLasso;
import dev.shrink.solvers.AdaptiveLassoModel;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.TestData;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AdaptiveLassoCV: the (γ, α) choice is the smallest score, the model is both stages at that choice, threads change nothing. */
class AdaptiveLassoCVTest {

    @Test
    void choiceAndRefit() {
        Random r = new Random(71);
        int n = 80, p = 10;
        double[] x = TestData.design(r, n, p, 0.3, 0.0);
        double[] y = TestData.response(r, x, n, p, 3, 1.0);
        Design d = Design.rowMajor(x, n, p);
        AdaptiveLasso est = AdaptiveLasso.builder().tol(1e-12).build();
        AdaptiveLassoCV.Builder b = AdaptiveLassoCV.builder().estimator(est).gammas(0.5, 1, 2).nAlphas(12).folds(4);
        AdaptiveLassoCvResult<AdaptiveLassoModel> seq = b.threads(1).build().fit(d, y);
        AdaptiveLassoCvResult<AdaptiveLassoModel> par = b.threads(4).build().fit(d, y);
        assertEquals(seq, par);
        double best = Double.POSITIVE_INFINITY;
        for (CvScores s : seq.scoresByGamma()) best = Math.min(best, s.minMean());
        assertEquals(best, seq.scores().minMean());
        AdaptiveLassoModel refit = est.toBuilder().gamma(seq.gamma()).alpha(seq.valueMin()).build().fit(d, y);
        assertArrayEquals(refit.coef(), seq.model().coef(), 1e-9);
        assertEquals(seq.gamma(), seq.model().gamma());
        assertTrue(seq.value1se() >= seq.valueMin());
    }
}
