package dev.shrink.solvers;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.MatrixVector;

import java.util.Arrays;

/**
 * Gram columns of the centred, weighted, scaled design, computed on first use (all at once when centring is safe, see
 * below; otherwise only the columns of variables that become nonzero, as glmnet's covariance mode): column j is
 * {@code gⱼ = D⁻¹(Xᵀu − x̄·Σuᵢ)} with {@code uᵢ = sᵢ(xᵢⱼ − x̄ⱼ)/dⱼ}, one matrix–vector pass over X per column.
 * Centring one side exactly keeps the accuracy of a fully centred product without copying X.
 *
 * <p>Each lazy column is one memory-bound pass over X (two for row-major X: the column is gathered first); the whole
 * Gram matrix through the blocked SYRK kernel costs about as much as p/25–p/20 such passes (measured). Single fits
 * use {@link WorkingSetProblem} instead; the users left (paths, cross-validation, explicit covariance mode) end up
 * needing most columns, so all p are computed at the first request ({@code XᵀSX − n·x̄x̄ᵀ}, scaled), unless a
 * column's mean is so large against its spread ({@code n·x̄ⱼ² > 1e6·Σsᵢ(xᵢⱼ − x̄ⱼ)²}) that the subtraction would lose
 * more than six digits: then columns stay lazy, centred exactly one by one.
 */
final class LazyGramColumns implements GramColumns {
    private final Design x;
    private final double[] s;
    private final double[] mean;
    private final double[] scale;
    private final int p;
    private final int[] slot;
    private final double[] u;
    private final double[] v;
    private final MatrixVector mv = KernelProvider.get().matrixVector();
    private double[] cache;
    private int used;
    private final int denseAfter;
    private boolean dense;

    /**
     * @param s     weights (normalised) or null
     * @param mean  column means subtracted (zeros when no intercept)
     * @param scale multipliers 1/dⱼ or null
     */
    LazyGramColumns(Design x, double[] s, double[] mean, double[] scale, double[] centredSquares) {
        this.x = x;
        this.s = s;
        this.mean = mean;
        this.scale = scale;
        this.p = x.p();
        this.slot = new int[p];
        Arrays.fill(slot, -1);
        this.u = new double[x.n()];
        this.v = new double[p];
        this.cache = new double[p * Math.min(p, 8)];
        boolean safe = true;
        int n = x.n();
        for (int j = 0; j < p; j++) {
            double ss = scale == null || scale[j] == 0 ? centredSquares[j] : centredSquares[j] / (scale[j] * scale[j]);
            if (n * mean[j] * mean[j] > 1e6 * ss) safe = false;
        }
        this.denseAfter = safe ? 0 : Integer.MAX_VALUE;
    }

    @Override
    public int offset(int j) {
        int k = slot[j];
        if (k >= 0) return k * p;
        if (used >= denseAfter && !dense) {
            computeAll();
            return slot[j] * p;
        }
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


    /** All columns at once: the SYRK kernel on X, then centring and scaling; column j goes to slot j. */
    private void computeAll() {
        double[] g = new double[p * p];
        KernelProvider.get().gram().gram(x.view(), s, null, g, 0, p, null, 0);
        double sumS = x.n(); // weights are normalised to sum to n
        for (int i = 0; i < p; i++) {
            double mi = sumS * mean[i];
            double si = scale == null ? 1.0 : scale[i];
            for (int j = 0; j < p; j++) {
                double v = g[i * p + j] - mi * mean[j];
                g[i * p + j] = scale == null ? v : v * si * scale[j];
            }
        }
        // keep the columns computed one by one (identical up to rounding; keeps the state consistent with H)
        for (int j = 0; j < p; j++) {
            if (slot[j] >= 0) System.arraycopy(cache, slot[j] * p, g, j * p, p);
        }
        for (int j = 0; j < p; j++) slot[j] = j;
        cache = g;
        used = p;
        dense = true;
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
        mv.multiplyTransposed(x.view(), u, 0, v, 0);
        for (int k = 0; k < p; k++) {
            double g = v[k] - mean[k] * sumU;
            cache[at + k] = scale == null ? g : g * scale[k];
        }
    }
}
