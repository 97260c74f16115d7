package dev.shrink.kernels;

/** Reference Cholesky: the Cholesky–Banachiewicz order (row by row), Golub &amp; Van Loan, Matrix Computations, §4.2. */
final class ScalarCholesky implements Cholesky {

    @Override
    public void factor(int p, double[] a, int aOffset, int lda, double shift) {
        Checks.square("a", a, aOffset, lda, p);
        if (!Double.isFinite(shift)) throw new IllegalArgumentException("shift must be finite, got " + shift);
        for (int i = 0; i < p; i++) {
            int rowI = aOffset + i * lda;
            for (int j = 0; j < i; j++) {
                int rowJ = aOffset + j * lda;
                double s = a[rowI + j];
                for (int k = 0; k < j; k++) s -= a[rowI + k] * a[rowJ + k];
                a[rowI + j] = s / a[rowJ + j];
            }
            double d = a[rowI + i] + shift;
            for (int k = 0; k < i; k++) d -= a[rowI + k] * a[rowI + k];
            if (!(d > 0) || d == Double.POSITIVE_INFINITY) throw new NotPositiveDefiniteException("a", i, d);
            a[rowI + i] = Math.sqrt(d);
        }
    }

    @Override
    public void factor(int p, float[] a, int aOffset, int lda, float shift) {
        Checks.square("a", a, aOffset, lda, p);
        if (!Float.isFinite(shift)) throw new IllegalArgumentException("shift must be finite, got " + shift);
        for (int i = 0; i < p; i++) {
            int rowI = aOffset + i * lda;
            for (int j = 0; j < i; j++) {
                int rowJ = aOffset + j * lda;
                float s = a[rowI + j];
                for (int k = 0; k < j; k++) s -= a[rowI + k] * a[rowJ + k];
                a[rowI + j] = s / a[rowJ + j];
            }
            float d = a[rowI + i] + shift;
            for (int k = 0; k < i; k++) d -= a[rowI + k] * a[rowI + k];
            if (!(d > 0) || d == Float.POSITIVE_INFINITY) throw new NotPositiveDefiniteException("a", i, d);
            a[rowI + i] = (float) Math.sqrt(d);
        }
    }

    @Override
    public void solve(int p, float[] l, int lOffset, int ldl, double[] b, int bOffset) {
        Checks.square("l", l, lOffset, ldl, p);
        Checks.range("b", b, bOffset, p);
        for (int i = 0; i < p; i++) {
            int row = lOffset + i * ldl;
            double s = b[bOffset + i];
            for (int k = 0; k < i; k++) s -= l[row + k] * b[bOffset + k];
            b[bOffset + i] = s / l[row + i];
        }
        for (int i = p - 1; i >= 0; i--) {
            double s = b[bOffset + i];
            for (int k = i + 1; k < p; k++) s -= l[lOffset + k * ldl + i] * b[bOffset + k];
            b[bOffset + i] = s / l[lOffset + i * ldl + i];
        }
    }

    @Override
    public void forwardSolve(int p, double[] l, int lOffset, int ldl, double[] b, int bOffset) {
        Checks.square("l", l, lOffset, ldl, p);
        Checks.range("b", b, bOffset, p);
        for (int i = 0; i < p; i++) {
            int row = lOffset + i * ldl;
            double s = b[bOffset + i];
            for (int k = 0; k < i; k++) s -= l[row + k] * b[bOffset + k];
            b[bOffset + i] = s / l[row + i];
        }
    }

    @Override
    public void backSolve(int p, double[] l, int lOffset, int ldl, double[] b, int bOffset) {
        Checks.square("l", l, lOffset, ldl, p);
        Checks.range("b", b, bOffset, p);
        for (int i = p - 1; i >= 0; i--) {
            double s = b[bOffset + i];
            for (int k = i + 1; k < p; k++) s -= l[lOffset + k * ldl + i] * b[bOffset + k];
            b[bOffset + i] = s / l[lOffset + i * ldl + i];
        }
    }

    @Override
    public void solve(int p, int nrhs, double[] l, int lOffset, int ldl, double[] b, int bOffset, int ldb) {
        Checks.square("l", l, lOffset, ldl, p);
        Checks.length("nrhs", nrhs);
        Checks.rowMajor("b", b, bOffset, ldb, p, nrhs);
        for (int i = 0; i < p; i++) {
            int bi = bOffset + i * ldb;
            for (int k = 0; k < i; k++) {
                double lik = l[lOffset + i * ldl + k];
                int bk = bOffset + k * ldb;
                for (int c = 0; c < nrhs; c++) b[bi + c] -= lik * b[bk + c];
            }
            double d = l[lOffset + i * ldl + i];
            for (int c = 0; c < nrhs; c++) b[bi + c] /= d;
        }
        for (int i = p - 1; i >= 0; i--) {
            int bi = bOffset + i * ldb;
            for (int k = i + 1; k < p; k++) {
                double lki = l[lOffset + k * ldl + i];
                int bk = bOffset + k * ldb;
                for (int c = 0; c < nrhs; c++) b[bi + c] -= lki * b[bk + c];
            }
            double d = l[lOffset + i * ldl + i];
            for (int c = 0; c < nrhs; c++) b[bi + c] /= d;
        }
    }
}
