package dev.shrink.bench.peers;

import dev.shrink.kernels.SymmetricEigen;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The LAPACK eigensolver bindings the benchmark compares against agree with shrink's scalar reference. */
class OpenBlasEigenTest {

    @Test
    void lapackDriversAgreeWithTheScalarReference() {
        assumeTrue(OpenBlas.load().isPresent(), () -> "OpenBLAS absent: " + OpenBlas.unavailableReason());
        OpenBlas blas = OpenBlas.load().orElseThrow();
        int p = 40;
        SplittableRandom r = new SplittableRandom(3);
        double[] a = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double v = r.nextGaussian();
                a[i * p + j] = v;
                a[j * p + i] = v;
            }
        }
        double[] reference = SymmetricEigen.scalar().decompose(p, a.clone()).values();
        double norm = Math.max(Math.abs(reference[0]), Math.abs(reference[p - 1]));
        for (boolean dc : new boolean[] {false, true}) {
            double[] copy = a.clone();
            double[] w = new double[p];
            assertEquals(0, blas.eigenLower(dc, p, copy, p, w));
            // eigenvalues, and row k of the overwritten matrix is a unit eigenvector: ‖A·v − λ·v‖ small
            for (int k = 0; k < p; k++) {
                assertEquals(reference[k], w[k], 1e-12 * p * norm, (dc ? "dsyevd" : "dsyev") + " value " + k);
                double residual = 0;
                for (int i = 0; i < p; i++) {
                    double av = 0;
                    for (int j = 0; j < p; j++) av += a[i * p + j] * copy[k * p + j];
                    residual = Math.max(residual, Math.abs(av - w[k] * copy[k * p + i]));
                }
                assertEquals(0, residual, 1e-12 * p * norm, (dc ? "dsyevd" : "dsyev") + " vector " + k);
            }
        }
    }
}
