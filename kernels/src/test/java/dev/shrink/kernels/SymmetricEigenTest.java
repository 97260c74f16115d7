package dev.shrink.kernels;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Properties of the symmetric eigendecomposition: the residual bound and orthogonality stated in
 * {@link SymmetricEigen}, ascending order, eigenvalues of matrices built with known spectra (Weyl: each eigenvalue
 * moves by at most ‖ΔA‖₂ under a perturbation ΔA), and the input left untouched.
 */
class SymmetricEigenTest {
    static final double EPS = Math.ulp(1.0) / 2;

    /** The implementations under test: the scalar reference, and the Vector API variant when it can run. */
    static SymmetricEigen[] implementations() {
        try {
            return new SymmetricEigen[] {SymmetricEigen.scalar(), SymmetricEigen.vector(0)};
        } catch (UnsupportedOperationException e) {
            return new SymmetricEigen[] {SymmetricEigen.scalar()};
        }
    }

    /** The documented bounds on ‖AV − VΛ‖_F and ‖VᵀV − I‖_max, ascending order, input untouched. */
    static SymmetricEigen.Decomposition checkedDecomposition(SymmetricEigen eig, int p, double[] a, int lda) {
        double[] copy = a.clone();
        double[] values = new double[p];
        double[] vectors = new double[p * p];
        eig.decompose(p, a, 0, lda, values, vectors);
        assertArrayEquals(copy, a, "input modified");
        double normA = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double v = a[Math.max(i, j) * lda + Math.min(i, j)];
                normA += v * v;
            }
        }
        normA = Math.sqrt(normA);
        double bound = SymmetricEigen.RESIDUAL_FACTOR * Math.max(1, p) * EPS;
        double residual = 0;
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < p; k++) {
                double av = 0;
                for (int j = 0; j < p; j++) av += a[Math.max(i, j) * lda + Math.min(i, j)] * vectors[j * p + k];
                double r = av - vectors[i * p + k] * values[k];
                residual += r * r;
            }
        }
        residual = Math.sqrt(residual);
        assertTrue(residual <= bound * normA, "‖AV − VΛ‖_F = " + residual + " > " + bound * normA + " (p = " + p + ")");
        for (int k = 0; k < p; k++) {
            for (int l = 0; l < p; l++) {
                double dot = 0;
                for (int i = 0; i < p; i++) dot += vectors[i * p + k] * vectors[i * p + l];
                double dev = Math.abs(dot - (k == l ? 1 : 0));
                assertTrue(dev <= bound, "(VᵀV − I)[" + k + "][" + l + "] = " + dev + " > " + bound);
            }
        }
        for (int k = 1; k < p; k++) assertTrue(values[k - 1] <= values[k], "not ascending at " + k + ": " + Arrays.toString(values));
        return new SymmetricEigen.Decomposition(p, values, vectors);
    }

    /** A random orthogonal p×p matrix (row-major): product of p random Householder reflections. */
    static double[] randomOrthogonal(int p, SplittableRandom rnd) {
        double[] q = new double[p * p];
        for (int i = 0; i < p; i++) q[i * p + i] = 1;
        double[] v = new double[p];
        for (int r = 0; r < p; r++) {
            double nn = 0;
            for (int i = 0; i < p; i++) {
                v[i] = rnd.nextDouble(-1, 1);
                nn += v[i] * v[i];
            }
            if (nn == 0) continue;
            for (int i = 0; i < p; i++) { // q ← q·(I − 2vvᵀ/vᵀv)
                double t = 0;
                for (int j = 0; j < p; j++) t += q[i * p + j] * v[j];
                t *= 2 / nn;
                for (int j = 0; j < p; j++) q[i * p + j] -= t * v[j];
            }
        }
        return q;
    }

    /** Q·diag(lambda)·Qᵀ, row-major with the given lda (padding filled with a marker that must never be read). */
    static double[] withSpectrum(double[] lambda, double[] q, int lda) {
        int p = lambda.length;
        double[] a = new double[Math.max(1, p * lda)];
        Arrays.fill(a, Double.NaN); // the padding and upper triangle are never read: NaN there would be reported
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < p; k++) s += q[i * p + k] * lambda[k] * q[j * p + k];
                a[i * lda + j] = s;
            }
        }
        return a;
    }

    /** Spectra that are hard in different ways: clusters, repeats, zeros, wide dynamic range, negative values. */
    static double[] spectrum(int kind, int p, SplittableRandom rnd) {
        double[] lambda = new double[p];
        for (int k = 0; k < p; k++) {
            lambda[k] = switch (kind) {
                case 0 -> rnd.nextDouble(-10, 10); // generic
                case 1 -> k % 3 == 0 ? 2.5 : (k % 3 == 1 ? -1 : 7); // three eigenvalues, each repeated
                case 2 -> k < p / 2 ? 0 : rnd.nextDouble(0, 5); // rank deficient, like XᵀX with n < p
                case 3 -> Math.pow(10, rnd.nextDouble(-12, 3)); // graded positive definite
                case 4 -> 1; // a multiple of the identity (after rounding only nearly so)
                default -> 1e-3 * rnd.nextDouble() + (k % 2 == 0 ? 1 : 1 + 1e-9); // two tight clusters
            };
        }
        return lambda;
    }

    @Test
    void residualOrthogonalityAndKnownSpectrumOnRandomMatrices() {
        for (SymmetricEigen eig : implementations()) {
            qt().withExamples(150).forAll(integers().between(0, 41), integers().between(0, 5), longs().all())
                    .checkAssert((p, kind, seed) -> {
                        SplittableRandom rnd = new SplittableRandom(seed);
                        int lda = p + (int) (seed & 3); // awkward leading dimensions too
                        double[] lambda = spectrum(kind, p, rnd);
                        double scale = Math.pow(2, rnd.nextInt(-30, 31)) * (1 + rnd.nextDouble());
                        for (int k = 0; k < p; k++) lambda[k] *= scale;
                        double[] a = withSpectrum(lambda, randomOrthogonal(p, rnd), Math.max(1, lda));
                        SymmetricEigen.Decomposition dec = checkedDecomposition(eig, p, a, Math.max(1, lda));
                        // Weyl: A is Q·Λ·Qᵀ up to rounding (≤ 4·p·ε·max|λ| in norm), the decomposition adds its own error.
                        double[] sorted = lambda.clone();
                        Arrays.sort(sorted);
                        double maxAbs = 0;
                        for (double l : lambda) maxAbs = Math.max(maxAbs, Math.abs(l));
                        double tol = (SymmetricEigen.RESIDUAL_FACTOR + 4) * Math.max(1, p) * Math.sqrt(Math.max(1, p)) * EPS * maxAbs;
                        for (int k = 0; k < p; k++) {
                            assertEquals(sorted[k], dec.values()[k], tol, "eigenvalue " + k + " of " + eig + ", kind " + kind);
                        }
                    });
        }
    }

    @Test
    void tridiagonalAndUnstructuredRandomMatrices() {
        for (SymmetricEigen eig : implementations()) {
            qt().withExamples(100).forAll(integers().between(1, 60), integers().between(0, 2), longs().all())
                    .checkAssert((p, kind, seed) -> {
                        SplittableRandom rnd = new SplittableRandom(seed);
                        double[] a = new double[p * p];
                        for (int i = 0; i < p; i++) {
                            for (int j = 0; j <= i; j++) {
                                boolean keep = switch (kind) {
                                    case 0 -> true; // dense Gaussian-like
                                    case 1 -> i - j <= 1; // already tridiagonal (Householder steps are identities)
                                    default -> rnd.nextInt(4) == 0; // sparse, with exact zeros in x below the diagonal
                                };
                                a[i * p + j] = keep ? rnd.nextDouble(-1, 1) : 0;
                            }
                        }
                        checkedDecomposition(eig, p, a, p);
                    });
        }
    }

    /** Larger orders, p up to 260 (O(p³) reference checks per example): run with -Pslow. */
    @Test
    @Tag("slow")
    void largeMatricesMeetTheBounds() {
        for (SymmetricEigen eig : implementations()) {
            qt().withExamples(6).forAll(integers().between(100, 260), integers().between(0, 5), longs().all())
                    .checkAssert((p, kind, seed) -> {
                        SplittableRandom rnd = new SplittableRandom(seed);
                        double[] a = withSpectrum(spectrum(kind, p, rnd), randomOrthogonal(p, rnd), p);
                        checkedDecomposition(eig, p, a, p);
                    });
        }
    }

    @Test
    void sizesZeroOneTwo() {
        for (SymmetricEigen eig : implementations()) {
            SymmetricEigen.Decomposition empty = eig.decompose(0, new double[0]);
            assertEquals(0, empty.values().length);
            SymmetricEigen.Decomposition one = eig.decompose(1, new double[] {-3.5});
            assertArrayEquals(new double[] {-3.5}, one.values());
            assertArrayEquals(new double[] {1}, one.vectors());
            // [[2, 1], [1, 2]]: eigenvalues 1 and 3 with eigenvectors (1, −1)/√2 and (1, 1)/√2 (up to sign).
            SymmetricEigen.Decomposition two = checkedDecomposition(eig, 2, new double[] {2, Double.NaN, 1, 2}, 2);
            assertArrayEquals(new double[] {1, 3}, two.values(), 16 * EPS); // within the documented bound 8·p·ε·‖A‖
            double r = Math.sqrt(0.5);
            assertEquals(r, Math.abs(two.vector(0, 0)), 4 * EPS);
            assertEquals(-Math.signum(two.vector(0, 0)), Math.signum(two.vector(1, 0)));
            assertEquals(Math.signum(two.vector(0, 1)), Math.signum(two.vector(1, 1)));
        }
    }

    @Test
    void diagonalInputGivesSortedDiagonalAndPermutation() {
        for (SymmetricEigen eig : implementations()) {
            double[] a = {3, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};
            SymmetricEigen.Decomposition dec = checkedDecomposition(eig, 4, a, 4);
            assertArrayEquals(new double[] {-1, 0, 2, 3}, dec.values());
            int[] expectedRow = {1, 2, 3, 0}; // eigenvector k is the unit vector of the diagonal entry it came from
            for (int k = 0; k < 4; k++) assertEquals(1.0, Math.abs(dec.vector(expectedRow[k], k)));
        }
    }

    @Test
    void zeroMatrixGivesIdentity() {
        for (SymmetricEigen eig : implementations()) {
            SymmetricEigen.Decomposition dec = eig.decompose(3, new double[9]);
            assertArrayEquals(new double[3], dec.values());
            assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, dec.vectors());
        }
    }

    @Test
    void hugeAndTinyEntriesDoNotOverflow() {
        for (SymmetricEigen eig : implementations()) {
            for (double s : new double[] {1e300, 1e-300}) {
                double[] a = {2 * s, s, s, 2 * s};
                SymmetricEigen.Decomposition dec = checkedDecomposition(eig, 2, a, 2);
                assertEquals(s, dec.values()[0], 4 * EPS * s);
                assertEquals(3 * s, dec.values()[1], 12 * EPS * s);
            }
        }
    }

    @Test
    void nanAndInfinityAreRejectedWithTheirPosition() {
        for (SymmetricEigen eig : implementations()) {
            double[] a = new double[9];
            a[2 * 3 + 1] = Double.NaN;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> eig.decompose(3, a));
            assertEquals("a has NaN at row 2, column 1", e.getMessage());
            a[2 * 3 + 1] = 0;
            a[1 * 3 + 1] = Double.NEGATIVE_INFINITY;
            e = assertThrows(IllegalArgumentException.class, () -> eig.decompose(3, a));
            assertEquals("a has -Infinity at row 1, column 1", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> eig.decompose(3, new double[8]));
            assertThrows(IllegalArgumentException.class, () -> eig.decompose(2, new double[4], 0, 2, new double[1], new double[4]));
        }
    }

    @Test
    void vectorVariantAgreesWithScalarReference() {
        SymmetricEigen[] impls = implementations();
        Assumptions.assumeTrue(impls.length == 2, "no Vector API in this JVM: nothing to compare (the other tests ran scalar)");
        SymmetricEigen vector = impls[1];
        qt().withExamples(60).forAll(integers().between(1, 70), longs().all()).checkAssert((p, seed) -> {
            SplittableRandom rnd = new SplittableRandom(seed);
            double[] a = new double[p * p];
            double maxAbs = 0;
            for (int i = 0; i < p; i++) {
                for (int j = 0; j <= i; j++) {
                    a[i * p + j] = rnd.nextDouble(-1, 1);
                    maxAbs = Math.max(maxAbs, Math.abs(a[i * p + j]));
                }
            }
            SymmetricEigen.Decomposition s = SymmetricEigen.scalar().decompose(p, a);
            SymmetricEigen.Decomposition v = checkedDecomposition(vector, p, a, p);
            // Both are backward stable: each eigenvalue agrees within twice the residual bound (Weyl).
            double tol = 2 * SymmetricEigen.RESIDUAL_FACTOR * p * EPS * maxAbs * p;
            for (int k = 0; k < p; k++) assertEquals(s.values()[k], v.values()[k], tol, "eigenvalue " + k);
        });
    }
}
