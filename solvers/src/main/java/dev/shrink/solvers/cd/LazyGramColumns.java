package dev.shrink.solvers.cd;

import dev.shrink.kernels.Checks;
import dev.shrink.solvers.matrix.DesignMatrix;

import java.util.Arrays;

/**
 * Gram columns of the centred, weighted, scaled design, computed on first use, only for the variables that become
 * nonzero (glmnet's covariance mode): column j is {@code gⱼ = D⁻¹(Xᵀu − x̄·Σuᵢ)} with
 * {@code uᵢ = sᵢ(xᵢⱼ − x̄ⱼ)/dⱼ}, one matrix–vector pass over X per column. Centring one side exactly keeps the accuracy
 * of a fully centred product without copying X.
 *
 * <p>Covariance mode computes the whole Gram matrix through the SYRK kernel instead (about as costly as p/25–p/20 such
 * passes) unless a column's mean is so large against its spread that {@code XᵀSX − n·x̄x̄ᵀ} would lose more than six
 * digits ({@link LeastSquaresProblem}); then it uses these columns.
 */
final class LazyGramColumns implements GramColumns {
    private final DesignMatrix x;
    private final double[] s;
    private final double[] mean;
    private final double[] scale;
    private final int p;
    private final int[] slot;
    private final double[] u;
    private final double[] v;
    private double[] cache;
    private int used;

    /**
     * @param s     weights (normalised) or null
     * @param mean  column means subtracted (zeros when no intercept)
     * @param scale multipliers 1/dⱼ or null
     */
    LazyGramColumns(DesignMatrix x, double[] s, double[] mean, double[] scale) {
        this.x = x;
        this.s = s;
        this.mean = mean;
        this.scale = scale;
        this.p = x.cols();
        this.slot = new int[p];
        Arrays.fill(slot, -1);
        this.u = new double[x.rows()];
        this.v = new double[p];
        this.cache = new double[Checks.elements("the Gram column cache", p, Math.min(p, 8))];
    }

    @Override
    public int offset(int j) {
        int k = slot[j];
        if (k >= 0) return k * p;
        if ((long) (used + 1) * p > cache.length) {
            long grown = Math.min((long) p * p, Math.max((long) (used + 1) * p, 2L * cache.length));
            cache = Arrays.copyOf(cache, (int) grown);
        }
        compute(j, used * p);
        slot[j] = used;
        return used++ * p;
    }

    @Override
    public double[] data() {
        return cache;
    }

    private void compute(int j, int at) {
        x.column(j, u);
        double mj = mean[j];
        double sj = scale == null ? 1.0 : scale[j];
        double sumU = 0;
        for (int i = 0; i < u.length; i++) {
            double ui = (u[i] - mj) * sj;
            if (s != null) ui *= s[i];
            u[i] = ui;
            sumU += ui;
        }
        x.multiplyTransposed(u, v);
        for (int k = 0; k < p; k++) {
            double g = v[k] - mean[k] * sumU;
            cache[at + k] = scale == null ? g : g * scale[k];
        }
    }
}
