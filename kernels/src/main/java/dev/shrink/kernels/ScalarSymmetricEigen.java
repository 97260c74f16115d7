package dev.shrink.kernels;

/**
 * Symmetric eigendecomposition, scalar reference: Householder tridiagonalization, then implicit symmetric QR steps
 * with Wilkinson shifts on the tridiagonal matrix (Golub &amp; Van Loan, Matrix Computations, 4th ed., §8.3,
 * Algorithms 8.3.1–8.3.3), accumulating the orthogonal transformations into the eigenvectors.
 *
 * <p>The four inner loops (the symmetric matrix–vector product and rank-2 update of the reduction, the Householder
 * reflection of the accumulated rows and a sequence of plane rotations of adjacent rows) are protected methods so that a Vector
 * API subclass can replace exactly those and nothing else. The eigenvectors are built transposed (one eigenvector
 * per row) so that every one of these loops runs over contiguous memory.
 */
public class ScalarSymmetricEigen implements SymmetricEigen {
    static final ScalarSymmetricEigen INSTANCE = new ScalarSymmetricEigen();

    /** Unit roundoff 2⁻⁵³: an off-diagonal element this small relative to its diagonal neighbours is zero. */
    private static final double EPS = Math.ulp(1.0) / 2;
    /** QR sweeps allowed per eigenvalue before giving up (LAPACK {@code dsteqr} uses the same budget). */
    private static final int SWEEPS_PER_EIGENVALUE = 30;

    protected ScalarSymmetricEigen() {}

    /** Short name for logs and benchmarks. */
    public String name() {
        return "scalar";
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public final void decompose(int p, double[] a, int aOffset, int lda, double[] values, double[] vectors) {
        Checks.square("a", a, aOffset, lda, p);
        Checks.range("values", values, 0, p);
        Checks.range("vectors", vectors, 0, p * p);
        if (p == 0) return;

        // Work on a scaled, full symmetric copy: scaling by a power of two is exact and keeps squares of the
        // entries (Householder norms, Givens radii, the Wilkinson shift) far from overflow and underflow.
        double[] w = new double[Checks.elements("the eigenvector matrix", p, p)];
        double maxAbs = copyLowerSymmetric(p, a, aOffset, lda, w);
        if (maxAbs == 0) {
            java.util.Arrays.fill(values, 0, p, 0.0);
            java.util.Arrays.fill(vectors, 0, p * p, 0.0);
            for (int i = 0; i < p; i++) vectors[i * p + i] = 1.0;
            return;
        }
        int exponent = Math.getExponent(maxAbs);
        double scale = Math.scalb(1.0, -exponent);
        for (int i = 0; i < p * p; i++) w[i] *= scale;

        double[] d = new double[p];
        double[] e = new double[p]; // e[k] couples rows k and k+1 of the tridiagonal matrix
        double[] beta = new double[p];
        tridiagonalize(p, w, d, e, beta);
        double[] vt = new double[Checks.elements("the eigenvector matrix", p, p)];
        accumulateReflections(p, w, beta, vt);
        diagonalize(p, d, e, vt);
        writeSorted(p, d, vt, Math.scalb(1.0, exponent), values, vectors);
    }

    /** Copies the lower triangle into both triangles of w (ld = p), rejecting NaN/Inf; returns max |aᵢⱼ|. */
    private static double copyLowerSymmetric(int p, double[] a, int aOffset, int lda, double[] w) {
        double maxAbs = 0;
        for (int i = 0; i < p; i++) {
            int row = aOffset + i * lda;
            for (int j = 0; j <= i; j++) {
                double v = a[row + j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("a has " + (Double.isNaN(v) ? "NaN" : v) + " at row " + i + ", column " + j);
                }
                w[i * p + j] = v;
                w[j * p + i] = v;
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
        }
        return maxAbs;
    }

    /**
     * Reduces w to tridiagonal form T = QᵀAQ, Q = H₀H₁…Hₚ₋₃ (GvL Algorithm 8.3.1). On return d, e hold T and row k of
     * w holds the Householder vector vₖ at columns k+1 .. p−1 (with vₖ[0] = 1), beta[k] its β (0 when Hₖ = I).
     */
    private void tridiagonalize(int p, double[] w, double[] d, double[] e, double[] beta) {
        double[] u = new double[p];
        for (int k = 0; k < p - 2; k++) {
            int m = p - k - 1;
            int v = k * p + k + 1; // row k right of the diagonal = column k below it, by symmetry
            d[k] = w[k * p + k];
            // Householder vector of x = A[k+1.., k] (GvL Algorithm 5.1.1): H·x = ‖x‖·e₁, v[0] = 1.
            double x0 = w[v];
            double sigma = 0;
            for (int j = 1; j < m; j++) sigma += w[v + j] * w[v + j];
            if (sigma == 0) {
                beta[k] = 0; // x is already a multiple of e₁: H = I
                e[k] = x0;
                w[v] = 1;
                continue;
            }
            double mu = Math.sqrt(x0 * x0 + sigma);
            double v0 = x0 <= 0 ? x0 - mu : -sigma / (x0 + mu); // the second form avoids cancellation
            beta[k] = 2 * v0 * v0 / (sigma + v0 * v0);
            double inv = 1 / v0;
            for (int j = 1; j < m; j++) w[v + j] *= inv;
            w[v] = 1;
            e[k] = mu;
            // A₂₂ ← HA₂₂H = A₂₂ − v·uᵀ − u·vᵀ with u = β·A₂₂v − (β²/2)(vᵀA₂₂v)·v.
            int a22 = (k + 1) * p + k + 1;
            symmetricProduct(m, w, a22, p, w, v, beta[k], u);
            double uv = 0;
            for (int j = 0; j < m; j++) uv += u[j] * w[v + j];
            double half = beta[k] * uv / 2;
            for (int j = 0; j < m; j++) u[j] -= half * w[v + j];
            symmetricRank2Update(m, w, a22, p, w, v, u);
        }
        if (p >= 2) {
            d[p - 2] = w[(p - 2) * p + p - 2];
            e[p - 2] = w[(p - 1) * p + p - 2];
        }
        d[p - 1] = w[(p - 1) * p + p - 1];
    }

    /** Qᵀ = Hₚ₋₃·…·H₀ into vt, by right-multiplying the identity (only rows and columns > k change at step k). */
    private void accumulateReflections(int p, double[] w, double[] beta, double[] vt) {
        for (int i = 0; i < p; i++) vt[i * p + i] = 1.0;
        for (int k = p - 3; k >= 0; k--) {
            if (beta[k] == 0) continue;
            reflectRows(p - k - 1, p - k - 1, vt, (k + 1) * p + k + 1, p, w, k * p + k + 1, beta[k]);
        }
    }

    /**
     * Implicit symmetric QR with Wilkinson shifts (GvL Algorithms 8.3.2 and 8.3.3) on the tridiagonal (d, e); each
     * Givens rotation G acting on rows/columns k, k+1 of T is applied to rows k, k+1 of Vᵀ as well.
     */
    private void diagonalize(int p, double[] d, double[] e, double[] vt) {
        double[] cosines = new double[p];
        double[] sines = new double[p];
        int sweeps = 0;
        int m = p - 1;
        while (m > 0) {
            if (negligible(e[m - 1], d[m - 1], d[m])) {
                e[m - 1] = 0;
                m--; // d[m] has converged
                continue;
            }
            int l = m - 1; // the unreduced block ending at m starts at l
            while (l > 0) {
                if (negligible(e[l - 1], d[l - 1], d[l])) {
                    e[l - 1] = 0;
                    break;
                }
                l--;
            }
            if (++sweeps > SWEEPS_PER_EIGENVALUE * p) {
                throw new ArithmeticException("symmetric QR did not converge after " + (sweeps - 1) + " sweeps (p = " + p + ")");
            }
            qrSweep(l, m, d, e, vt, p, cosines, sines);
        }
    }

    /** GvL's deflation test: |eₖ| ≤ ε·(|dₖ| + |dₖ₊₁|), or below the smallest normal number. */
    private static boolean negligible(double e, double d0, double d1) {
        double ae = Math.abs(e);
        return ae <= EPS * (Math.abs(d0) + Math.abs(d1)) || ae < Double.MIN_NORMAL;
    }

    /**
     * One implicit QR step with Wilkinson shift on the unreduced block l..m: chase the bulge down with rotations,
     * then apply the whole sequence of rotations to rows l..m of Vᵀ in one pass ({@link #rotateSequence}).
     */
    private void qrSweep(int l, int m, double[] d, double[] e, double[] vt, int p, double[] cosines, double[] sines) {
        // Wilkinson shift: the eigenvalue of the trailing 2×2 block closer to d[m].
        double dd = (d[m - 1] - d[m]) / 2;
        double em = e[m - 1];
        double mu = d[m] - em * em / (dd + Math.copySign(Math.sqrt(dd * dd + em * em), dd));
        double x = d[l] - mu;
        double z = e[l];
        for (int k = l; k < m; k++) {
            // G = [c s; −s c] with [c s; −s c]ᵀ·[x; z] = [r; 0].
            double r = Math.sqrt(x * x + z * z);
            double c = 1;
            double s = 0;
            if (r != 0) {
                c = x / r;
                s = -z / r;
            }
            if (k > l) e[k - 1] = r; // the bulge at (k+1, k−1) is annihilated into e[k−1]
            double a = d[k];
            double f = d[k + 1];
            double g = e[k];
            // T ← GᵀTG on the 2×2 block [a g; g f].
            d[k] = c * c * a - 2 * c * s * g + s * s * f;
            d[k + 1] = s * s * a + 2 * c * s * g + c * c * f;
            e[k] = c * s * (a - f) + (c * c - s * s) * g;
            if (k < m - 1) {
                z = -s * e[k + 1]; // new bulge at (k+2, k)
                e[k + 1] *= c;
                x = e[k];
            }
            cosines[k] = c;
            sines[k] = s;
        }
        rotateSequence(p, vt, p, l, m, cosines, sines);
    }

    /** Eigenvalues ascending (unscaled) and eigenvectors as columns; a stable index sort keeps ties in QR order. */
    private static void writeSorted(int p, double[] d, double[] vt, double unscale, double[] values, double[] vectors) {
        int[] order = new int[p];
        for (int i = 0; i < p; i++) order[i] = i;
        // Insertion sort: O(p²) compares, negligible next to the O(p³) decomposition.
        for (int i = 1; i < p; i++) {
            int oi = order[i];
            int j = i - 1;
            while (j >= 0 && d[order[j]] > d[oi]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = oi;
        }
        for (int k = 0; k < p; k++) {
            int src = order[k];
            values[k] = d[src] * unscale;
            int row = src * p;
            for (int i = 0; i < p; i++) vectors[i * p + k] = vt[row + i];
        }
    }

    // ---- the four inner loops (overridden by the Vector API variant) -------------------------------------------

    /** out[i] = β·Σⱼ w[off + i·ld + j]·x[xOff + j] for i, j &lt; m (the full symmetric block is stored). */
    protected void symmetricProduct(int m, double[] w, int off, int ld, double[] x, int xOff, double beta, double[] out) {
        for (int i = 0; i < m; i++) {
            int row = off + i * ld;
            double s = 0;
            for (int j = 0; j < m; j++) s += w[row + j] * x[xOff + j];
            out[i] = beta * s;
        }
    }

    /** w[i, j] −= vᵢ·uⱼ + uᵢ·vⱼ on the m×m block at off (both triangles, so that it stays exactly symmetric). */
    protected void symmetricRank2Update(int m, double[] w, int off, int ld, double[] v, int vOff, double[] u) {
        for (int i = 0; i < m; i++) {
            int row = off + i * ld;
            double vi = v[vOff + i];
            double ui = u[i];
            for (int j = 0; j < m; j++) w[row + j] -= vi * u[j] + ui * v[vOff + j];
        }
    }

    /** Each of {@code rows} rows r of length m at off: r ← r − β·(r·v)·vᵀ (right-multiplication by I − βvvᵀ). */
    protected void reflectRows(int rows, int m, double[] q, int off, int ld, double[] v, int vOff, double beta) {
        for (int i = 0; i < rows; i++) {
            int row = off + i * ld;
            double t = 0;
            for (int j = 0; j < m; j++) t += q[row + j] * v[vOff + j];
            t *= beta;
            for (int j = 0; j < m; j++) q[row + j] -= t * v[vOff + j];
        }
    }

    /**
     * Applies the rotations k = l .. m−1, in that order, to rows l .. m of the n-column matrix q (leading dimension
     * ld): rotation k maps rows (k, k+1) = (x, y) to (cₖx − sₖy, sₖx + cₖy). Rotation k+1 reads the row k+1 that
     * rotation k just wrote, so each column j carries that value down in a register: one load and one store per
     * element per sweep (LAPACK {@code dlasr} does the same), instead of two of each per rotation.
     */
    protected void rotateSequence(int n, double[] q, int ld, int l, int m, double[] c, double[] s) {
        // Columns in blocks, so that each row is read as a contiguous run rather than one element per row.
        double[] carry = new double[SEQUENCE_BLOCK];
        for (int j0 = 0; j0 < n; j0 += SEQUENCE_BLOCK) {
            int width = Math.min(SEQUENCE_BLOCK, n - j0);
            System.arraycopy(q, l * ld + j0, carry, 0, width);
            for (int k = l; k < m; k++) {
                int row = k * ld + j0;
                int below = row + ld;
                double ck = c[k];
                double sk = s[k];
                for (int t = 0; t < width; t++) {
                    double y = q[below + t];
                    q[row + t] = ck * carry[t] - sk * y;
                    carry[t] = sk * carry[t] + ck * y;
                }
            }
            System.arraycopy(carry, 0, q, m * ld + j0, width);
        }
    }

    /** Columns per pass of {@link #rotateSequence}: 32 carries fit in L1 next to the two rows being rotated. */
    private static final int SEQUENCE_BLOCK = 32;
}
