package dev.shrink.solvers.cv;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.solvers.DenseDesign;
import dev.shrink.solvers.matrix.DesignMatrix;
import dev.shrink.solvers.path.ElasticNetPath;
import dev.shrink.solvers.path.PathResult;

/**
 * Folds as row subsets of the design (for p &gt; n): each fold's training rows and validation rows are copied once
 * into their own designs, and the path runs on the training rows.
 */
final class FoldRows implements FoldData {
    private final DenseDesign x;
    private final double[] y;
    private final Folds folds;
    private final boolean fitIntercept;
    private final DenseDesign[] training;
    private final double[][] trainingY;
    private final DenseDesign[] validation;
    private final double[][] validationY;
    private final KernelProvider kernels;

    FoldRows(DenseDesign x, double[] y, Folds folds, boolean fitIntercept, KernelProvider kernels) {
        this.x = x;
        this.y = y.clone();
        this.folds = folds;
        this.fitIntercept = fitIntercept;
        this.kernels = kernels;
        int k = folds.count();
        training = new DenseDesign[k];
        trainingY = new double[k][];
        validation = new DenseDesign[k];
        validationY = new double[k][];
        for (int f = 0; f < k; f++) {
            int[] train = folds.trainingRows(f);
            int[] valid = folds.validationRows(f);
            training[f] = x.rows(train);
            validation[f] = x.rows(valid);
            trainingY[f] = pick(y, train);
            validationY[f] = pick(y, valid);
        }
    }

    private static double[] pick(double[] y, int[] rows) {
        double[] out = new double[rows.length];
        for (int t = 0; t < rows.length; t++) out[t] = y[rows[t]];
        return out;
    }

    @Override
    public Folds folds() {
        return folds;
    }

    @Override
    public PathResult trainingPath(int fold, ElasticNetPath path) {
        return fold < 0 ? path.fit(x, y) : path.fit(training[fold], trainingY[fold]);
    }

    @Override
    public double validationMse(int fold, double[] w, double b, double[] scratch) {
        DenseDesign v = validation[fold];
        kernels.matrixVector().multiply(v.view(), w, 0, scratch, 0);
        double sum = 0;
        for (int r = 0; r < v.n(); r++) {
            double e = validationY[fold][r] - b - scratch[r];
            sum += e * e;
        }
        return sum / v.n();
    }

    @Override
    public double originalIntercept(double[] w, double b) {
        return b;
    }

    @Override
    public double alphaMax(double l1Ratio) {
        return FoldMasks.alphaMax(DesignMatrix.of(x.view(), 1), y, fitIntercept, l1Ratio);
    }
}
