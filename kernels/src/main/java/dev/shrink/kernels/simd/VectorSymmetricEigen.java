package dev.shrink.kernels.simd;

import dev.shrink.kernels.ScalarSymmetricEigen;
import dev.shrink.kernels.SymmetricEigen;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import java.lang.invoke.MethodHandles;

/**
 * The symmetric eigendecomposition of {@link ScalarSymmetricEigen} (same algorithm, same order of steps) with its
 * four inner loops on the Vector API: the sequence of plane rotations of each QR sweep applied to the eigenvector
 * rows (the O(p³) hot spot of the QR phase), the symmetric matrix–vector product and rank-2 update of the tridiagonalization, and the Householder
 * reflection of the accumulated rows. Results differ from the scalar reference by rounding only (FMA, a different
 * summation order in the dot products); both meet the bounds stated in {@link SymmetricEigen}.
 *
 * <p>A template specialized per width by {@link Specialization} (see {@link VectorKernels#families}), so
 * that C2 sees a constant species in every loop. Scalar tails; two accumulators in the dot products (their FMA latency).
 */
final class VectorSymmetricEigen extends ScalarSymmetricEigen {
    private static final VectorSpecies<Double> S = Specialization.species(MethodHandles.lookup());
    private static final int L = S.length();
    private static final String NAME = "vector-" + S.vectorBitSize();

    @Override public String name() { return NAME; }

    /**
     * The rotation sequence of {@link ScalarSymmetricEigen#rotateSequence}, four vectors of columns at a time: four
     * independent carry chains hide the latency of the one-row-after-the-other dependence, and each row is read
     * as a run of consecutive cache lines.
     */
    @Override
    protected void rotateSequence(int n, double[] q, int ld, int l, int m, double[] c, double[] s) {
        int j = 0;
        for (; j + 4 * L <= n; j += 4 * L) {
            DoubleVector carry0 = DoubleVector.fromArray(S, q, l * ld + j);
            DoubleVector carry1 = DoubleVector.fromArray(S, q, l * ld + j + L);
            DoubleVector carry2 = DoubleVector.fromArray(S, q, l * ld + j + 2 * L);
            DoubleVector carry3 = DoubleVector.fromArray(S, q, l * ld + j + 3 * L);
            for (int k = l; k < m; k++) {
                int row = k * ld + j;
                int below = row + ld;
                double ck = c[k];
                double sk = s[k];
                DoubleVector y0 = DoubleVector.fromArray(S, q, below);
                DoubleVector y1 = DoubleVector.fromArray(S, q, below + L);
                DoubleVector y2 = DoubleVector.fromArray(S, q, below + 2 * L);
                DoubleVector y3 = DoubleVector.fromArray(S, q, below + 3 * L);
                carry0.mul(ck).sub(y0.mul(sk)).intoArray(q, row);
                carry1.mul(ck).sub(y1.mul(sk)).intoArray(q, row + L);
                carry2.mul(ck).sub(y2.mul(sk)).intoArray(q, row + 2 * L);
                carry3.mul(ck).sub(y3.mul(sk)).intoArray(q, row + 3 * L);
                carry0 = carry0.mul(sk).add(y0.mul(ck));
                carry1 = carry1.mul(sk).add(y1.mul(ck));
                carry2 = carry2.mul(sk).add(y2.mul(ck));
                carry3 = carry3.mul(sk).add(y3.mul(ck));
            }
            carry0.intoArray(q, m * ld + j);
            carry1.intoArray(q, m * ld + j + L);
            carry2.intoArray(q, m * ld + j + 2 * L);
            carry3.intoArray(q, m * ld + j + 3 * L);
        }
        for (; j + L <= n; j += L) {
            DoubleVector carry = DoubleVector.fromArray(S, q, l * ld + j);
            for (int k = l; k < m; k++) {
                int row = k * ld + j;
                DoubleVector y = DoubleVector.fromArray(S, q, row + ld);
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
    private static double dot(int m, double[] a, int aOff, double[] b, int bOff) {
        int bound2 = m - m % (2 * L);
        DoubleVector acc0 = DoubleVector.zero(S);
        DoubleVector acc1 = DoubleVector.zero(S);
        int j = 0;
        for (; j < bound2; j += 2 * L) {
            acc0 = DoubleVector.fromArray(S, a, aOff + j).fma(DoubleVector.fromArray(S, b, bOff + j), acc0);
            acc1 = DoubleVector.fromArray(S, a, aOff + j + L).fma(DoubleVector.fromArray(S, b, bOff + j + L), acc1);
        }
        if (j + L <= m) {
            acc0 = DoubleVector.fromArray(S, a, aOff + j).fma(DoubleVector.fromArray(S, b, bOff + j), acc0);
            j += L;
        }
        double s = sum(acc0.add(acc1));
        for (; j < m; j++) s += a[aOff + j] * b[bOff + j];
        return s;
    }

    @Override
    protected void symmetricProduct(int m, double[] w, int off, int ld, double[] x, int xOff, double beta, double[] out) {
        for (int i = 0; i < m; i++) out[i] = beta * dot(m, w, off + i * ld, x, xOff);
    }

    /** Each row i of the m×m block: w[i, j] −= vᵢ·uⱼ + uᵢ·vⱼ. */
    @Override
    protected void symmetricRank2Update(int m, double[] w, int off, int ld, double[] v, int vOff, double[] u) {
        int bound = S.loopBound(m);
        for (int i = 0; i < m; i++) {
            int row = off + i * ld;
            double vi = v[vOff + i];
            double ui = u[i];
            DoubleVector negVi = DoubleVector.broadcast(S, -vi);
            DoubleVector negUi = DoubleVector.broadcast(S, -ui);
        int j = 0;
            for (; j < bound; j += L) {
                DoubleVector wv = DoubleVector.fromArray(S, w, row + j);
                DoubleVector uv = DoubleVector.fromArray(S, u, j);
                DoubleVector vv = DoubleVector.fromArray(S, v, vOff + j);
                vv.fma(negUi, uv.fma(negVi, wv)).intoArray(w, row + j);
            }
            for (; j < m; j++) w[row + j] -= vi * u[j] + ui * v[vOff + j];
        }
    }

    /** Each of {@code rows} rows r at off: r ← r − β(r·v)vᵀ. */
    @Override
    protected void reflectRows(int rows, int m, double[] q, int off, int ld, double[] v, int vOff, double beta) {
        int bound = S.loopBound(m);
        for (int i = 0; i < rows; i++) {
            int row = off + i * ld;
            double t = -beta * dot(m, q, row, v, vOff);
            DoubleVector tv = DoubleVector.broadcast(S, t);
        int j = 0;
            for (; j < bound; j += L) {
                DoubleVector.fromArray(S, v, vOff + j).fma(tv, DoubleVector.fromArray(S, q, row + j)).intoArray(q, row + j);
            }
            for (; j < m; j++) q[row + j] += t * v[vOff + j];
        }
    }

    /**
     * v[0] + v[1] + … + v[L−1], left to right: the same bits interpreted and compiled ({@code reduceLanes} leaves the
     * order open). Each template has its own copy so that its vector calls keep this width's type profile (see
     * {@link Specialization}).
     */
    private static double sum(DoubleVector v) {
        double s = v.lane(0);
        for (int i = 1; i < v.length(); i++) s += v.lane(i);
        return s;
    }
}
