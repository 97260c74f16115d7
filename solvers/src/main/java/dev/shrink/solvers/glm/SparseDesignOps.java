package dev.shrink.solvers.glm;

import dev.shrink.solvers.matrix.DesignMatrix;

/**
 * {@link DesignOps} of a sparse design (compressed columns, {@link DesignMatrix}): full products read only the stored
 * entries and centre implicitly (X̃w = Xw − (x̄ᵀw)·1, X̃ᵀv = Xᵀv − x̄·Σvᵢ); the working set's columns stay sparse
 * ({@link SparseBlock}: the centring implicit there too, its Gram the sparse one), so nothing beyond O(n + p + m²)
 * is allocated.
 */
final class SparseDesignOps implements DesignOps {
    private final DesignMatrix x;
    private final double[] mean;
    private final int n;
    private final int p;
    private final double[] in;
    private final double[] outN;
    private final double[] inP;
    private final double[] outP;

    /** @param mean column means to subtract (null: none) */
    SparseDesignOps(DesignMatrix x, double[] mean) {
        this.x = x;
        this.mean = mean;
        this.n = x.rows();
        this.p = x.cols();
        this.in = new double[n];
        this.outN = new double[n];
        this.inP = new double[p];
        this.outP = new double[p];
    }

    @Override
    public int rows() {
        return n;
    }

    @Override
    public int cols() {
        return p;
    }

    @Override
    public void multiply(double[] w, int wOffset, double[] out, int outOffset) {
        System.arraycopy(w, wOffset, inP, 0, p);
        x.multiply(inP, outN);
        double shift = 0;
        if (mean != null) for (int j = 0; j < p; j++) shift += mean[j] * inP[j];
        for (int i = 0; i < n; i++) out[outOffset + i] = outN[i] - shift;
    }

    @Override
    public void multiplyTransposed(double[] v, int vOffset, double[] out, int outOffset) {
        System.arraycopy(v, vOffset, in, 0, n);
        x.multiplyTransposed(in, outP);
        double sum = 0;
        if (mean != null) for (int i = 0; i < n; i++) sum += in[i];
        for (int j = 0; j < p; j++) out[outOffset + j] = outP[j] - (mean == null ? 0.0 : mean[j] * sum);
    }

    @Override
    public ColumnBlock newBlock() {
        return new SparseBlock(x, mean);
    }
}
