package dev.shrink.solvers.glm;

import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.TestData;
import dev.shrink.solvers.internal.DesignPasses;
import dev.shrink.solvers.internal.Thresholds;
import dev.shrink.solvers.newton.LogisticObjective;
import dev.shrink.solvers.quasinewton.DifferentiableFunction;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The curvature dᵀ∇²f·d that the L2 logistic and Poisson objectives give L-BFGS for its first step equals the central
 * difference of their gradients along d, (∇f(θ + εd) − ∇f(θ − εd))ᵀd/(2ε), with and without an intercept and weights,
 * when n is within the row sample ({@link Thresholds#CURVATURE_SAMPLE_ROWS}); beyond it, the sampled estimate (a step
 * length's, checked by the line search) is within 20 %: the logistic term's relative standard error is about √2/√k = 3 %
 * for a Gaussian design, the Poisson term's e^{zᵢ} weights have a heavier tail.
 */
class ObjectiveCurvatureTest {

    private static double finiteDifference(DifferentiableFunction f, double[] theta, double[] d) {
        int m = theta.length;
        double eps = 1e-5;
        double[] plus = new double[m];
        double[] minus = new double[m];
        double[] gp = new double[m];
        double[] gm = new double[m];
        for (int j = 0; j < m; j++) {
            plus[j] = theta[j] + eps * d[j];
            minus[j] = theta[j] - eps * d[j];
        }
        f.valueAndGradient(plus, gp);
        f.valueAndGradient(minus, gm);
        double q = 0;
        for (int j = 0; j < m; j++) q += (gp[j] - gm[j]) * d[j];
        return q / (2 * eps);
    }

    private static void check(DifferentiableFunction f, Random r, String what) {
        check(f, r, 1e-6, what);
    }

    private static void check(DifferentiableFunction f, Random r, double relative, String what) {
        int m = f.dimension();
        double[] theta = new double[m];
        double[] d = new double[m];
        for (int j = 0; j < m; j++) {
            theta[j] = 0.3 * r.nextGaussian();
            d[j] = r.nextGaussian();
        }
        double expected = finiteDifference(f, theta, d);
        f.valueAndGradient(theta, new double[m]); // the curvature is asked right after an evaluation at θ
        double curvature = f.curvature(theta, d);
        assertEquals(expected, curvature, relative * Math.abs(expected), what);
    }

    @Test
    void logisticCurvatureIsTheSecondDerivativeAlongD() {
        Random r = new Random(7);
        int n = 300;
        int p = 9;
        double[] x = TestData.design(r, n, p, 0.3, 0.2);
        double[] y = new double[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(2);
            s[i] = 0.2 + r.nextDouble();
        }
        DesignPasses passes = new DesignPasses(MatrixView.rowMajor(x, n, p), 1);
        for (boolean intercept : new boolean[] {true, false}) {
            check(new LogisticObjective(passes, y, null, 0.7, intercept), r, "logistic, intercept " + intercept);
            check(new LogisticObjective(passes, y, s, 2.0, intercept), r, "weighted logistic, intercept " + intercept);
        }
    }

    @Test
    void beyondTheRowSampleTheCurvatureIsAnEstimate() {
        Random r = new Random(9);
        int n = 8 * Thresholds.CURVATURE_SAMPLE_ROWS + 13;
        int p = 5;
        double[] x = TestData.design(r, n, p, 0.3, 0.2);
        double[] y = new double[n];
        double[] rho = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(2);
            rho[i] = 1.0 / n;
        }
        DesignPasses passes = new DesignPasses(MatrixView.rowMajor(x, n, p), 1);
        check(new LogisticObjective(passes, y, null, 1.0, true), r, 0.2, "logistic, n = " + n);
        check(new PoissonObjective(passes, y, rho, 0.1, true), r, 0.2, "poisson, n = " + n);
    }

    @Test
    void poissonCurvatureIsTheSecondDerivativeAlongD() {
        Random r = new Random(8);
        int n = 300;
        int p = 7;
        double[] x = TestData.design(r, n, p, 0.3, 0.0);
        double[] y = new double[n];
        double[] rho = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(5);
            rho[i] = 0.2 + r.nextDouble();
            sum += rho[i];
        }
        for (int i = 0; i < n; i++) rho[i] /= sum;
        DesignPasses passes = new DesignPasses(MatrixView.rowMajor(x, n, p), 1);
        for (boolean intercept : new boolean[] {true, false}) {
            check(new PoissonObjective(passes, y, rho, 0.5, intercept), r, "poisson, intercept " + intercept);
            check(new PoissonObjective(passes, y, rho, 0.0, intercept), r, "poisson without penalty, intercept " + intercept);
        }
    }
}
