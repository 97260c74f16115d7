package dev.shrink.solvers.cd;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.matrix.DesignMatrix;

import java.util.Arrays;

/**
 * The transformed columns Z = X̃_S of a working set S (X̃ = diag(√s)(X − 1x̄ᵀ)D, see {@link WorkingSetProblem}): what
 * the working-set problem needs of them is their Gram matrix ZᵀZ and the residual ỹ − Z·w. A dense X is gathered into
 * a column-major n×|S| copy ({@link Gathered}: the dense Gram kernel and contiguous products); a sparse X stays as it
 * is and both are formed from its stored entries with the centring implicit ({@link Implicit}: O(n + |S|²) memory).
 */
abstract sealed class WorkingColumns {
    final DesignMatrix x;
    final int n;
    final double[] sqrtS;
    final double[] mean;
    final double[] scale;
    /** The features of the set, in the order they were added. */
    int[] feature = new int[0];
    int m;

    WorkingColumns(DesignMatrix x, double[] sqrtS, double[] mean, double[] scale) {
        this.x = x;
        this.n = x.rows();
        this.sqrtS = sqrtS;
        this.mean = mean;
        this.scale = scale;
    }

    static WorkingColumns of(DesignMatrix x, double[] sqrtS, double[] mean, double[] scale) {
        return x.isSparse() ? new Implicit(x, sqrtS, mean, scale) : new Gathered(x, sqrtS, mean, scale);
    }

    double scale(int j) {
        return scale == null ? 1.0 : scale[j];
    }

    /** Appends the features {@code add} (ascending) to the set. */
    abstract void add(int[] add);

    /** k ← ZᵀZ, m×m row-major. */
    abstract void gram(double[] k);

    /** r ← ỹ − Z·w for the set's coefficients w[0 .. m); y0 = y − ȳ before weighting, yt = √s∘y0. */
    abstract void residual(double[] w, double[] y0, double[] yt, double[] r);

    /** Dense X: the set's transformed columns copied column-major, n×m. */
    static final class Gathered extends WorkingColumns {
        private double[] z = new double[0];

        Gathered(DesignMatrix x, double[] sqrtS, double[] mean, double[] scale) {
            super(x, sqrtS, mean, scale);
        }

        @Override
        void add(int[] add) {
            int m1 = m + add.length;
            if ((long) m1 * n > Integer.MAX_VALUE - 8) throw new IllegalStateException("working set too large: " + m1 + " columns of " + n);
            if (m1 * n > z.length) z = Arrays.copyOf(z, (int) Math.min((long) x.cols(), Math.max(m1, 2L * m)) * n);
            feature = Arrays.copyOf(feature, Math.max(feature.length, m1));
            MatrixView v = (MatrixView) x.view();
            double[] d = v.data();
            if (v.layout() == Layout.ROW_MAJOR) {
                // row-major X: ascending columns read each row's cache lines in order
                for (int i = 0; i < n; i++) {
                    int row = v.index(i, 0);
                    double w = sqrtS == null ? 1.0 : sqrtS[i];
                    for (int t = 0; t < add.length; t++) {
                        int j = add[t];
                        z[(m + t) * n + i] = (d[row + j] - mean[j]) * scale(j) * w;
                    }
                }
            } else {
                for (int t = 0; t < add.length; t++) {
                    int j = add[t];
                    int col = v.index(0, j);
                    int at = (m + t) * n;
                    double sc = scale(j);
                    for (int i = 0; i < n; i++) {
                        double e = (d[col + i] - mean[j]) * sc;
                        z[at + i] = sqrtS == null ? e : e * sqrtS[i];
                    }
                }
            }
            System.arraycopy(add, 0, feature, m, add.length);
            m = m1;
        }

        @Override
        void gram(double[] k) {
            KernelProvider.get().gram().gram(MatrixView.columnMajor(z, n, m), null, null, k, 0, m, null, 0);
        }

        @Override
        void residual(double[] w, double[] y0, double[] yt, double[] r) {
            KernelProvider.get().matrixVector().multiply(new MatrixView(z, 0, n, m, n, Layout.COLUMN_MAJOR), w, 0, r, 0);
            for (int i = 0; i < n; i++) r[i] = yt[i] - r[i];
        }
    }

    /**
     * Sparse X, nothing copied: {@code ZᵀZ = D(X_SᵀSX_S − S·x̄_S x̄_Sᵀ)D} from the block Gram of the stored entries (the
     * diagonal from the exactly centred sums of squares), and {@code ỹ − Zw = √s∘(y0 − X_S·Dw + x̄_Sᵀ·Dw)}.
     */
    static final class Implicit extends WorkingColumns {
        private final double[] s;
        private final double sumS;
        private final double[] squares;

        Implicit(DesignMatrix x, double[] sqrtS, double[] mean, double[] scale) {
            super(x, sqrtS, mean, scale);
            if (sqrtS == null) {
                s = null;
                sumS = n;
            } else {
                s = new double[n];
                double t = 0;
                for (int i = 0; i < n; i++) {
                    s[i] = sqrtS[i] * sqrtS[i];
                    t += s[i];
                }
                sumS = t;
            }
            squares = x.centeredSquares(s, mean);
        }

        @Override
        void add(int[] add) {
            feature = Arrays.copyOf(feature, m + add.length);
            System.arraycopy(add, 0, feature, m, add.length);
            m += add.length;
        }

        @Override
        void gram(double[] k) {
            x.gram(feature, m, s, null, k, 0, m, null);
            for (int a = 0; a < m; a++) {
                int fa = feature[a];
                for (int b = 0; b < m; b++) {
                    int fb = feature[b];
                    double v = a == b ? squares[fa] : k[a * m + b] - sumS * mean[fa] * mean[fb];
                    k[a * m + b] = v * scale(fa) * scale(fb);
                }
            }
        }

        @Override
        void residual(double[] w, double[] y0, double[] yt, double[] r) {
            System.arraycopy(y0, 0, r, 0, n);
            double o = 0;
            for (int t = 0; t < m; t++) {
                if (w[t] == 0) continue;
                double c = w[t] * scale(feature[t]);
                x.columnAxpy(feature[t], -c, null, r);
                o += c * mean[feature[t]];
            }
            for (int i = 0; i < n; i++) r[i] = sqrtS == null ? r[i] + o : (r[i] + o) * sqrtS[i];
        }
    }
}
