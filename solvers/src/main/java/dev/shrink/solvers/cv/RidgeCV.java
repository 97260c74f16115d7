package dev.shrink.solvers.cv;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.kernels.SymmetricEigen;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.Inputs;

import java.util.Arrays;

/**
 * Ridge regression with α chosen by exact leave-one-out cross-validation over a grid, as scikit-learn's
 * {@code RidgeCV} (default {@code cv=None}, efficient leave-one-out): minimises
 * {@code sum_i s_i*(y_i - x_i.w - b)^2 + alpha*sum_j w_j^2} (b unpenalised, refitted in every leave-one-out fit).
 *
 * <p>Every α of the grid comes from one symmetric eigendecomposition, of ZᵀZ when n ≥ p or of ZZᵀ when p &gt; n
 * (Z the centred, √s-scaled design; see {@link RidgeSpectrum}). The score of α is the mean squared leave-one-out
 * error {@code (1/n)·Σᵢ(yᵢ − ŷ₍₋ᵢ₎)²}, weighted as {@code Σᵢ sᵢ(yᵢ − ŷ₍₋ᵢ₎)²/Σᵢ sᵢ} with sample weights (scikit-learn
 * divides by n instead: the same choice of α). The chosen α has the smallest score, the first one on ties; the
 * returned model is the fit on all rows at that α.
 *
 * <pre>{@code
 * RidgeCV.Result r = RidgeCV.builder().alphas(0.1, 1, 10).build().fit(x, y);
 * r.alpha(); r.cvMse(); r.coef(); r.intercept();
 * }</pre>
 */
public final class RidgeCV {
    private final double[] alphas;
    private final boolean fitIntercept;
    private final KernelProvider kernels;
    private final SymmetricEigen eigen;

    private RidgeCV(Builder b) {
        this.alphas = CvInputs.positiveGrid("alphas", b.alphas);
        this.fitIntercept = b.fitIntercept;
        this.kernels = b.kernels;
        this.eigen = b.eigen;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The grid, in the order given. */
    public double[] alphas() {
        return alphas.clone();
    }

    public boolean fitIntercept() {
        return fitIntercept;
    }

    /** Fits on rows of {@code x} (n×p, copied once) and responses {@code y}. */
    public Result fit(double[][] x, double[] y) {
        return fit(Design.of(x), y, null);
    }

    /** Fits with sample weights (null: all ones). */
    public Result fit(double[][] x, double[] y, double[] sampleWeight) {
        return fit(Design.of(x), y, sampleWeight);
    }

    /** Fits on a validated design of either layout (read, never written), with optional sample weights. */
    public Result fit(Design x, double[] y, double[] sampleWeight) {
        Inputs.response(y, x.n());
        double[] w = CvInputs.weights(sampleWeight, x.n());
        if (x.n() < 2) throw new IllegalArgumentException("leave-one-out needs at least 2 rows, X has " + x.n());
        RidgeSpectrum spectrum = new RidgeSpectrum(x.view(), y, w, fitIntercept, kernels, eigen);
        double[] scores = spectrum.leaveOneOutScores(alphas);
        int best = CvScores.argMin(scores);
        double[] coef = spectrum.coefficients(alphas[best]);
        return new Result(alphas.clone(), scores, best, alphas[best], coef, spectrum.intercept(coef));
    }

    /**
     * What {@link #fit} found.
     *
     * @param alphas    the grid, in the order given
     * @param cvMse     leave-one-out mean squared error per α
     * @param bestIndex index of the chosen α (smallest cvMse, first on ties)
     * @param alpha     the chosen α
     * @param coef      coefficients of the fit on all rows at α
     * @param intercept its intercept (0 without intercept)
     */
    public record Result(double[] alphas, double[] cvMse, int bestIndex, double alpha, double[] coef, double intercept) {
        /** Prediction x·w + b for one row. */
        public double predict(double[] x) {
            if (x.length != coef.length) throw new IllegalArgumentException("x has " + x.length + " columns, the model " + coef.length);
            double s = intercept;
            for (int j = 0; j < coef.length; j++) s += coef[j] * x[j];
            return s;
        }

        @Override
        public String toString() {
            return "RidgeCV.Result[alpha=" + alpha + " (index " + bestIndex + "), cvMse=" + Arrays.toString(cvMse) + "]";
        }
    }

    public static final class Builder {
        private double[] alphas = {0.1, 1.0, 10.0}; // scikit-learn's default grid
        private boolean fitIntercept = true;
        private KernelProvider kernels = KernelProvider.get();
        private SymmetricEigen eigen = SymmetricEigen.preferred();

        private Builder() {}

        /** Penalty grid (each finite and > 0, any order); default {0.1, 1, 10} as scikit-learn. */
        public Builder alphas(double... alphas) {
            this.alphas = alphas == null ? null : alphas.clone();
            return this;
        }

        public Builder fitIntercept(boolean fitIntercept) {
            this.fitIntercept = fitIntercept;
            return this;
        }

        /** Kernels for the Gram matrix and products (default {@link KernelProvider#get()}). */
        public Builder kernels(KernelProvider kernels) {
            if (kernels == null) throw new IllegalArgumentException("kernels must not be null");
            this.kernels = kernels;
            return this;
        }

        /** The eigendecomposition (default {@link SymmetricEigen#preferred()}). */
        public Builder eigen(SymmetricEigen eigen) {
            if (eigen == null) throw new IllegalArgumentException("eigen must not be null");
            this.eigen = eigen;
            return this;
        }

        /** @throws IllegalArgumentException if the grid is empty or holds a value that is not finite and &gt; 0 */
        public RidgeCV build() {
            return new RidgeCV(this);
        }
    }
}
