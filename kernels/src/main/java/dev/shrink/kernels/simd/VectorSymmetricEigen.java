package dev.shrink.kernels.simd;

import dev.shrink.kernels.ScalarSymmetricEigen;
import dev.shrink.kernels.SymmetricEigen;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The symmetric eigendecomposition of {@link ScalarSymmetricEigen} (same algorithm, same order of steps) with its
 * four inner loops on the Vector API: the sequence of plane rotations of each QR sweep applied to the eigenvector
 * rows (the O(p³) hot spot of the QR phase), the symmetric matrix–vector product and rank-2 update of the tridiagonalization, and the Householder
 * reflection of the accumulated rows. Results differ from the scalar reference by rounding only (FMA, a different
 * summation order in the dot products); both meet the bounds stated in {@link SymmetricEigen}.
 *
 * <p>One subclass per width holds its species in a {@code static final} field, so that C2 sees a constant species
 * in every loop after inlining (a species in an instance field defeats the intrinsics).
 */
public abstract class VectorSymmetricEigen extends ScalarSymmetricEigen {

    VectorSymmetricEigen() {}

    /**
     * The variant for a vector width: 128, 256 or 512 bits, or 0 for the platform's preferred width.
     *
     * @throws UnsupportedOperationException if the CPU's preferred width is smaller than the one asked for
     */
    public static SymmetricEigen create(int bits) {
        int preferred = DoubleVector.SPECIES_PREFERRED.vectorBitSize();
        int width = bits == 0 ? preferred : bits;
        if (width > preferred) {
            throw new UnsupportedOperationException(width + "-bit vectors are not supported by this CPU (preferred width " + preferred + ")");
        }
        return switch (width) {
            case 128 -> new Width128();
            case 256 -> new Width256();
            case 512 -> new Width512();
            default -> throw new UnsupportedOperationException("no eigendecomposition for " + width + "-bit vectors");
        };
    }

    static final class Width128 extends VectorSymmetricEigen {
        private static final VectorSpecies<Double> S = DoubleVector.SPECIES_128;

        @Override public String name() { return "vector-128"; }

        @Override protected void rotateSequence(int n, double[] q, int ld, int l, int m, double[] c, double[] s) {
            Loops.rotateSequence(S, n, q, ld, l, m, c, s);
        }

        @Override protected void symmetricProduct(int m, double[] w, int off, int ld, double[] x, int xOff, double beta, double[] out) {
            Loops.product(S, m, w, off, ld, x, xOff, beta, out);
        }

        @Override protected void symmetricRank2Update(int m, double[] w, int off, int ld, double[] v, int vOff, double[] u) {
            Loops.rank2(S, m, w, off, ld, v, vOff, u);
        }

        @Override protected void reflectRows(int rows, int m, double[] q, int off, int ld, double[] v, int vOff, double beta) {
            Loops.reflect(S, rows, m, q, off, ld, v, vOff, beta);
        }
    }

    static final class Width256 extends VectorSymmetricEigen {
        private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

        @Override public String name() { return "vector-256"; }

        @Override protected void rotateSequence(int n, double[] q, int ld, int l, int m, double[] c, double[] s) {
            Loops.rotateSequence(S, n, q, ld, l, m, c, s);
        }

        @Override protected void symmetricProduct(int m, double[] w, int off, int ld, double[] x, int xOff, double beta, double[] out) {
            Loops.product(S, m, w, off, ld, x, xOff, beta, out);
        }

        @Override protected void symmetricRank2Update(int m, double[] w, int off, int ld, double[] v, int vOff, double[] u) {
            Loops.rank2(S, m, w, off, ld, v, vOff, u);
        }

        @Override protected void reflectRows(int rows, int m, double[] q, int off, int ld, double[] v, int vOff, double beta) {
            Loops.reflect(S, rows, m, q, off, ld, v, vOff, beta);
        }
    }

    static final class Width512 extends VectorSymmetricEigen {
        private static final VectorSpecies<Double> S = DoubleVector.SPECIES_512;

        @Override public String name() { return "vector-512"; }

        @Override protected void rotateSequence(int n, double[] q, int ld, int l, int m, double[] c, double[] s) {
            Loops.rotateSequence(S, n, q, ld, l, m, c, s);
        }

        @Override protected void symmetricProduct(int m, double[] w, int off, int ld, double[] x, int xOff, double beta, double[] out) {
            Loops.product(S, m, w, off, ld, x, xOff, beta, out);
        }

        @Override protected void symmetricRank2Update(int m, double[] w, int off, int ld, double[] v, int vOff, double[] u) {
            Loops.rank2(S, m, w, off, ld, v, vOff, u);
        }

        @Override protected void reflectRows(int rows, int m, double[] q, int off, int ld, double[] v, int vOff, double beta) {
            Loops.reflect(S, rows, m, q, off, ld, v, vOff, beta);
        }
    }

    /**
     * The loops, written once for any species; each is small enough to be inlined into the width-specific override,
     * where the species is a constant. Scalar tails; two accumulators in the dot products (their FMA latency).
     */
    static final class Loops {
        private Loops() {}

        /**
         * The rotation sequence of {@link ScalarSymmetricEigen#rotateSequence}, four vectors of columns at a time: four
         * independent carry chains hide the latency of the one-row-after-the-other dependence, and each row is read
         * as a run of consecutive cache lines.
         */
        static void rotateSequence(VectorSpecies<Double> sp, int n, double[] q, int ld, int l, int m, double[] c, double[] s) {
            int step = sp.length();
            int j = 0;
            for (; j + 4 * step <= n; j += 4 * step) {
                DoubleVector carry0 = DoubleVector.fromArray(sp, q, l * ld + j);
                DoubleVector carry1 = DoubleVector.fromArray(sp, q, l * ld + j + step);
                DoubleVector carry2 = DoubleVector.fromArray(sp, q, l * ld + j + 2 * step);
                DoubleVector carry3 = DoubleVector.fromArray(sp, q, l * ld + j + 3 * step);
                for (int k = l; k < m; k++) {
                    int row = k * ld + j;
                    int below = row + ld;
                    double ck = c[k];
                    double sk = s[k];
                    DoubleVector y0 = DoubleVector.fromArray(sp, q, below);
                    DoubleVector y1 = DoubleVector.fromArray(sp, q, below + step);
                    DoubleVector y2 = DoubleVector.fromArray(sp, q, below + 2 * step);
                    DoubleVector y3 = DoubleVector.fromArray(sp, q, below + 3 * step);
                    carry0.mul(ck).sub(y0.mul(sk)).intoArray(q, row);
                    carry1.mul(ck).sub(y1.mul(sk)).intoArray(q, row + step);
                    carry2.mul(ck).sub(y2.mul(sk)).intoArray(q, row + 2 * step);
                    carry3.mul(ck).sub(y3.mul(sk)).intoArray(q, row + 3 * step);
                    carry0 = carry0.mul(sk).add(y0.mul(ck));
                    carry1 = carry1.mul(sk).add(y1.mul(ck));
                    carry2 = carry2.mul(sk).add(y2.mul(ck));
                    carry3 = carry3.mul(sk).add(y3.mul(ck));
                }
                carry0.intoArray(q, m * ld + j);
                carry1.intoArray(q, m * ld + j + step);
                carry2.intoArray(q, m * ld + j + 2 * step);
                carry3.intoArray(q, m * ld + j + 3 * step);
            }
            for (; j + step <= n; j += step) {
                DoubleVector carry = DoubleVector.fromArray(sp, q, l * ld + j);
                for (int k = l; k < m; k++) {
                    int row = k * ld + j;
                    DoubleVector y = DoubleVector.fromArray(sp, q, row + ld);
                    carry.mul(c[k]).sub(y.mul(s[k])).intoArray(q, row);
                    carry = carry.mul(s[k]).add(y.mul(c[k]));
                }
                carry.intoArray(q, m * ld + j);
            }
            for (; j < n; j++) {
                double carry = q[l * ld + j];
                for (int k = l; k < m; k++) {
                    int below = (k + 1) * ld + j;
                    double y = q[below];
                    q[k * ld + j] = c[k] * carry - s[k] * y;
                    carry = s[k] * carry + c[k] * y;
                }
                q[m * ld + j] = carry;
            }
        }

        /** Σⱼ a[aOff + j]·b[bOff + j], j &lt; m. */
        static double dot(VectorSpecies<Double> sp, int m, double[] a, int aOff, double[] b, int bOff) {
            int step = sp.length();
            int bound2 = m - m % (2 * step);
            DoubleVector acc0 = DoubleVector.zero(sp);
            DoubleVector acc1 = DoubleVector.zero(sp);
            int j = 0;
            for (; j < bound2; j += 2 * step) {
                acc0 = DoubleVector.fromArray(sp, a, aOff + j).fma(DoubleVector.fromArray(sp, b, bOff + j), acc0);
                acc1 = DoubleVector.fromArray(sp, a, aOff + j + step).fma(DoubleVector.fromArray(sp, b, bOff + j + step), acc1);
            }
            if (j + step <= m) {
                acc0 = DoubleVector.fromArray(sp, a, aOff + j).fma(DoubleVector.fromArray(sp, b, bOff + j), acc0);
                j += step;
            }
            double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
            for (; j < m; j++) s += a[aOff + j] * b[bOff + j];
            return s;
        }

        static void product(VectorSpecies<Double> sp, int m, double[] w, int off, int ld, double[] x, int xOff, double beta, double[] out) {
            for (int i = 0; i < m; i++) out[i] = beta * dot(sp, m, w, off + i * ld, x, xOff);
        }

        /** Each row i of the m×m block: w[i, j] −= vᵢ·uⱼ + uᵢ·vⱼ. */
        static void rank2(VectorSpecies<Double> sp, int m, double[] w, int off, int ld, double[] v, int vOff, double[] u) {
            int step = sp.length();
            int bound = sp.loopBound(m);
            for (int i = 0; i < m; i++) {
                int row = off + i * ld;
                double vi = v[vOff + i];
                double ui = u[i];
                DoubleVector negVi = DoubleVector.broadcast(sp, -vi);
                DoubleVector negUi = DoubleVector.broadcast(sp, -ui);
                int j = 0;
                for (; j < bound; j += step) {
                    DoubleVector wv = DoubleVector.fromArray(sp, w, row + j);
                    DoubleVector uv = DoubleVector.fromArray(sp, u, j);
                    DoubleVector vv = DoubleVector.fromArray(sp, v, vOff + j);
                    vv.fma(negUi, uv.fma(negVi, wv)).intoArray(w, row + j);
                }
                for (; j < m; j++) w[row + j] -= vi * u[j] + ui * v[vOff + j];
            }
        }

        /** Each of {@code rows} rows r at off: r ← r − β(r·v)vᵀ. */
        static void reflect(VectorSpecies<Double> sp, int rows, int m, double[] q, int off, int ld, double[] v, int vOff, double beta) {
            int step = sp.length();
            int bound = sp.loopBound(m);
            for (int i = 0; i < rows; i++) {
                int row = off + i * ld;
                double t = -beta * dot(sp, m, q, row, v, vOff);
                DoubleVector tv = DoubleVector.broadcast(sp, t);
                int j = 0;
                for (; j < bound; j += step) {
                    DoubleVector.fromArray(sp, v, vOff + j).fma(tv, DoubleVector.fromArray(sp, q, row + j)).intoArray(q, row + j);
                }
                for (; j < m; j++) q[row + j] += t * v[vOff + j];
            }
        }
    }
}
