package dev.shrink.solvers;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The estimator contract (see EstimatorContractTest) for the group-L2 and adaptive estimators: the user's arrays are
 * never modified, and row-major, column-major and {@code double[][]} inputs give the same result, tall and wide.
 */
class GroupContractTest {

    /** One estimator: its coefficients (flattened) from a design and y. */
    private record Subject(String name, Function<Input, double[]> fit) {}

    private record Input(Design x, double[] y, double[] labels) {}

    static List<Subject> subjects(int p) {
        int[] groups = new int[p];
        for (int j = 0; j < p; j++) groups[j] = j / 3;
        return List.of(
                new Subject("GroupLasso", in -> GroupLasso.builder().groups(groups).alpha(0.05).tol(1e-12).build().fit(in.x(), in.y()).coef()),
                new Subject("LogisticGroupLasso", in -> LogisticGroupLasso.builder().groups(groups).alpha(0.02).tol(1e-12).build()
                        .fit(in.x(), in.labels()).coef()),
                new Subject("MultiTaskElasticNet", in -> {
                    double[][] y = new double[in.y().length][2];
                    for (int i = 0; i < y.length; i++) y[i] = new double[] {in.y()[i], in.y()[i] * 0.5 + i % 3};
                    MultiTaskModel m = MultiTaskElasticNet.builder().alpha(0.1).tol(1e-12).build().fit(in.x(), y);
                    double[] out = new double[2 * in.x().p()];
                    System.arraycopy(m.coef(0), 0, out, 0, in.x().p());
                    System.arraycopy(m.coef(1), 0, out, in.x().p(), in.x().p());
                    return out;
                }),
                new Subject("BayesianRidge", in -> BayesianRidge.builder().build().fit(in.x(), in.y()).coef()),
                new Subject("AdaptiveLasso", in -> AdaptiveLasso.builder().alpha(0.05).tol(1e-12).build().fit(in.x(), in.y()).coef()),
                new Subject("ARDRegression", in -> ARDRegression.builder().build().fit(in.x(), in.y()).coef()),
                new Subject("LogisticAdaptiveLasso", in -> LogisticAdaptiveLasso.builder().C(2).tol(1e-12).build().fit(in.x(), in.labels()).coef()));
    }

    @Test
    void layoutsAgreeAndInputsAreNotModified() {
        for (int[] shape : new int[][] {{50, 9}, {12, 30}}) {
            int n = shape[0], p = shape[1];
            Random r = new Random(81);
            double[] x = TestData.design(r, n, p, 0.3, 1);
            double[] y = TestData.response(r, x, n, p, 3, 0.3);
            double[] labels = TestData.labels(r, x, n, p);
            double[] xc = TestData.columnMajor(x, n, p);
            double[][] xr = TestData.rows(x, n, p);
            double[] x0 = x.clone(), xc0 = xc.clone(), y0 = y.clone(), l0 = labels.clone();
            for (Subject s : subjects(p)) {
                double[] a = s.fit().apply(new Input(Design.rowMajor(x, n, p), y, labels));
                double[] b = s.fit().apply(new Input(Design.columnMajor(xc, n, p), y, labels));
                double[] c = s.fit().apply(new Input(Design.of(xr), y, labels));
                assertArrayEquals(a, b, 1e-8, s.name() + " " + n + "×" + p + " row- vs column-major");
                assertArrayEquals(a, c, 1e-8, s.name() + " " + n + "×" + p + " flat vs double[][]");
                assertArrayEquals(x0, x, 0.0, s.name() + " modified X");
                assertArrayEquals(xc0, xc, 0.0, s.name() + " modified X (column-major)");
                assertArrayEquals(y0, y, 0.0, s.name() + " modified y");
                assertArrayEquals(l0, labels, 0.0, s.name() + " modified the labels");
                assertArrayEquals(x0, flatten(xr, p), 0.0, s.name() + " modified X (double[][])");
            }
        }
        assertEquals(7, subjects(3).size());
    }

    private static double[] flatten(double[][] rows, int p) {
        double[] out = new double[rows.length * p];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, out, i * p, p);
        return out;
    }

    /**
     * threads(n): one count gives identical bits on every run; another count splits the Gram pass differently
     * (n·p² = 6000·60² is above the parallel threshold, see ThreadsTest), which changes the result by rounding only —
     * for the direct BayesianRidge at the Gram's error bound (1e-9 of the coefficient scale), for the iterative fits,
     * which may then stop a sweep earlier or later, within what their tolerance allows.
     */
    @Test
    void threadCountsChangeOnlyRounding() {
        int n = 6000, p = 60;
        Random r = new Random(82);
        double[] x = TestData.design(r, n, p, 0.3, 0.5);
        double[] y = TestData.response(r, x, n, p, 6, 0.5);
        Design d = Design.rowMajor(x, n, p);
        int[] groups = new int[p];
        for (int j = 0; j < p; j++) groups[j] = j / 4;
        double[][] yy = new double[n][2];
        for (int i = 0; i < n; i++) yy[i] = new double[] {y[i], 0.5 * y[i] + x[i * p]};
        List<Function<Integer, double[]>> fits = List.of(
                t -> BayesianRidge.builder().threads(t).build().fit(d, y).coef(),
                t -> GroupLasso.builder().groups(groups).alpha(0.02).tol(1e-14).maxIter(100_000).threads(t).build().fit(d, y).coef(),
                t -> dev.shrink.solvers.path.MultiTaskElasticNetPath.builder().nAlphas(3).eps(0.05).tol(1e-14).maxIter(100_000).threads(t)
                        .build().fit(d, yy).coef(2)[1]);
        for (int f = 0; f < fits.size(); f++) {
            double[] one = fits.get(f).apply(1);
            double[] three = fits.get(f).apply(3);
            assertArrayEquals(three, fits.get(f).apply(3), 0.0, "fit " + f + ": threads(3) twice");
            double scale = TestData.maxAbs(one);
            assertArrayEquals(one, three, (f == 0 ? 1e-9 : 1e-6) * scale, "fit " + f + ": threads(1) against threads(3)");
            if (f == 0) assertTrue(TestData.differBitwise(one, three), "threads(3) gave the bits of threads(1): the Gram pass was not split");
        }
    }
}
