package dev.shrink.solvers.cv;

import dev.shrink.solvers.Design;
import dev.shrink.solvers.matrix.DesignMatrix;
import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.PathResult;

/**
 * Folds as row masks on the whole design (a sparse X, which is never copied): the path of fold f runs on all rows
 * with weight 1 on its training rows and 0 on its validation rows — the same problem as on the training rows alone,
 * since the weights are normalised to sum to n and the penalty scales with them (the objective is that of
 * {@link ElasticNetPath} on the training rows times n/n_train) — and the validation error comes from Xw restricted to
 * the fold's rows (the product skips the zero coefficients, so it costs the entries of the support's columns).
 */
final class FoldMasks implements FoldData {
    private final Design x;
    private final DesignMatrix matrix;
    private final double[] y;
    private final Folds folds;
    private final boolean fitIntercept;

    FoldMasks(Design x, double[] y, Folds folds, boolean fitIntercept) {
        this.x = x;
        this.matrix = DesignMatrix.of(x.matrix(), 1);
        this.y = y.clone();
        this.folds = folds;
        this.fitIntercept = fitIntercept;
    }

    /** Weight 1 on the training rows of the fold, 0 on its validation rows. */
    static double[] trainingMask(Folds folds, int fold, int n) {
        double[] mask = new double[n];
        for (int i : folds.trainingRows(fold)) mask[i] = 1.0;
        return mask;
    }

    @Override
    public Folds folds() {
        return folds;
    }

    @Override
    public PathResult trainingPath(int fold, ElasticNetPath path) {
        return fold < 0 ? path.fit(x, y) : path.fit(x, y, trainingMask(folds, fold, x.n()));
    }

    @Override
    public double validationMse(int fold, double[] w, double b, double[] scratch) {
        double[] xw = new double[x.n()];
        matrix.multiply(w, xw);
        int[] rows = folds.validationRows(fold);
        double sum = 0;
        for (int i : rows) {
            double e = y[i] - b - xw[i];
            sum += e * e;
        }
        return sum / rows.length;
    }

    @Override
    public double originalIntercept(double[] w, double b) {
        return b;
    }

    @Override
    public double alphaMax(double l1Ratio) {
        return alphaMax(matrix, y, fitIntercept, l1Ratio);
    }

    /** scikit-learn's α_max on all rows of X (see {@link FoldData#alphaMax}). */
    static double alphaMax(DesignMatrix x, double[] y, boolean fitIntercept, double l1Ratio) {
        int n = x.rows();
        double mean = 0;
        if (fitIntercept) {
            for (double v : y) mean += v;
            mean /= n;
        }
        double[] centred = new double[n];
        for (int i = 0; i < n; i++) centred[i] = y[i] - mean;
        double[] c = new double[x.cols()];
        // Σᵢ(xᵢⱼ − x̄ⱼ)(yᵢ − ȳ) = Σᵢxᵢⱼ(yᵢ − ȳ): centring y alone suffices.
        x.multiplyTransposed(centred, c);
        double max = 0;
        for (double v : c) max = Math.max(max, Math.abs(v));
        return max / (n * l1Ratio);
    }
}
