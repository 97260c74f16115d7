package dev.shrink.solvers.cv;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.TestData;
import dev.shrink.solvers.path.LogisticPath;
import dev.shrink.solvers.path.MultinomialPath;
import dev.shrink.solvers.path.PathResult;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * cv.glmnet: the cross-validated error at each λ is the fold-size-weighted mean of each fold's mean deviance (or
 * misclassification) of the path fitted on the other folds at the all-rows grid; lambda.1se is at least lambda.min.
 */
class GlmnetCVTest {

    @Test
    void cvmIsTheWeightedMeanOfColdFoldPaths() {
        Random r = new Random(41);
        int n = 90;
        int p = 5;
        double[] x = TestData.design(r, n, p, 0.3, 0);
        double[] y = TestData.labels(r, x, n, p);
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) fold[i] = (i * 7) % 4; // unequal sizes: 23, 23, 22, 22
        Folds folds = Folds.of(fold);
        Design d = Design.rowMajor(x, n, p);
        for (GlmnetCV.Measure measure : GlmnetCV.Measure.values()) {
            CvResult<PathResult> cv = GlmnetCV.builder().family(GlmnetCV.Family.BINOMIAL).measure(measure).nLambdas(8).folds(folds).tol(1e-12).threads(2)
                    .build().fit(d, y);
            double[] grid = cv.grid();
            double[] expected = new double[grid.length];
            for (int f = 0; f < 4; f++) {
                int[] train = folds.trainingRows(f);
                double[] yt = new double[train.length];
                for (int t = 0; t < train.length; t++) yt[t] = y[train[t]];
                PathResult path = LogisticPath.builder().l1Ratio(1).lambdas(grid).tol(1e-12).threads(1).build().fit(d.rows(train), yt);
                int[] valid = folds.validationRows(f);
                for (int k = 0; k < grid.length; k++) {
                    double sum = 0;
                    for (int i : valid) {
                        double z = path.intercept(k);
                        for (int j = 0; j < p; j++) z += x[i * p + j] * path.coef(k)[j];
                        double prob = 1 / (1 + Math.exp(-z));
                        if (measure == GlmnetCV.Measure.MISCLASSIFICATION) {
                            sum += (prob > 0.5 ? 1 : 0) == y[i] ? 0 : 1;
                        } else {
                            prob = Math.min(Math.max(prob, 1e-5), 1 - 1e-5);
                            sum += -2 * (y[i] == 1 ? Math.log(prob) : Math.log(1 - prob));
                        }
                    }
                    expected[k] += sum / n; // N_f·(sum/N_f)/N
                }
            }
            for (int k = 0; k < grid.length; k++) assertEquals(expected[k], cv.scores().mean()[k], 1e-9 * (1 + expected[k]), measure + " at lambda " + k);
            assertTrue(cv.value1se() >= cv.valueMin(), "lambda.1se ≥ lambda.min");
            assertTrue(cv.converged());
        }
    }

    @Test
    void multinomialFoldsNeedEveryClass() {
        double[][] x = new double[12][2];
        double[] y = new double[12];
        for (int i = 0; i < 12; i++) {
            x[i][0] = i;
            x[i][1] = i % 3;
            y[i] = i < 4 ? 5 : i % 2 == 0 ? 6 : 7;
        }
        int[] fold = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2}; // fold 0 holds every row of class 5
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GlmnetCV.builder().family(GlmnetCV.Family.MULTINOMIAL).folds(Folds.of(fold)).nLambdas(3).build().fit(x, y));
        assertTrue(e.getMessage().contains("absent from the training rows of fold 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GlmnetCV.builder().family(GlmnetCV.Family.POISSON).measure(GlmnetCV.Measure.MISCLASSIFICATION).build());
        // a multinomial CV runs and its model is the path on all rows
        int[] spread = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2};
        CvResult<PathResult> cv = GlmnetCV.builder().family(GlmnetCV.Family.MULTINOMIAL).folds(Folds.of(spread)).nLambdas(4).build().fit(x, y);
        assertEquals(3, cv.model().classes());
        PathResult direct = MultinomialPath.builder().nLambdas(4).build().fit(x, y);
        assertTrue(TestData.maxAbsDiff(direct.coef(3, 1), cv.model().coef(3, 1)) < 1e-6);
    }
}
