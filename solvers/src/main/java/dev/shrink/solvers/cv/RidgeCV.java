package dev.shrink.solvers.cv;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.internal.Inputs;
import dev.shrink.solvers.internal.Threads;

import java.util.List;

/**
 * Ridge regression with α chosen by exact leave-one-out cross-validation over a grid, as scikit-learn's
 * {@code RidgeCV} (default {@code cv=None}, efficient leave-one-out): minimises
 * {@code sum_i s_i*(y_i - x_i.w - b)^2 + alpha*sum_j w_j^2} (b unpenalised, refitted in every leave-one-out fit).
 *
 * <p>Every α of the grid comes from one symmetric eigendecomposition, of ZᵀZ when n ≥ p or of ZZᵀ when p &gt; n
 * (Z the centred, √s-scaled design; see {@link RidgeSpectrum}). The score of α is the mean squared leave-one-out
 * error {@code (1/n)·Σᵢ(yᵢ − ŷ₍₋ᵢ₎)²}, weighted as {@code Σᵢ sᵢ(yᵢ − ŷ₍₋ᵢ₎)²/Σᵢ sᵢ} with sample weights (scikit-learn
 * divides by n instead: the same choice of α), with its standard error over the n one-row folds; the chosen α has the
 * smallest score (the first on ties), and glmnet's one-standard-error α is reported too. The model is the fit on all
 * rows at the chosen α.
 *
 * <pre>{@code
 * CvResult<LinearModel> r = RidgeCV.builder().alphas(0.1, 1, 10).build().fit(x, y);
 * r.valueMin(); r.value1se(); r.scores().mean(); r.model().coef();
 * }</pre>
 */
public final class RidgeCV {
    private final double[] alphas;
    private final boolean fitIntercept;
    private final int threads;

    private RidgeCV(Builder b) {
        this.alphas = CvInputs.positiveGrid("alphas", b.alphas);
        this.fitIntercept = b.fitIntercept;
        this.threads = Threads.check(b.threads);
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

    public int threads() {
        return threads;
    }

    /** Fits on rows of {@code x} (n×p) and responses {@code y}. */
    public CvResult<LinearModel> fit(double[][] x, double[] y) {
        return fit(Design.of(x), y, null);
    }

    /** Fits with sample weights (null: all ones). */
    public CvResult<LinearModel> fit(double[][] x, double[] y, double[] sampleWeight) {
        return fit(Design.of(x), y, sampleWeight);
    }

    /** Fits on a validated design of either layout (read, never written). */
    public CvResult<LinearModel> fit(Design x, double[] y) {
        return fit(x, y, null);
    }

    /** Fits on a validated design of either layout (read, never written), with optional sample weights. */
    public CvResult<LinearModel> fit(Design x, double[] y, double[] sampleWeight) {
        Inputs.response(y, x.n());
        double[] w = CvInputs.weights(sampleWeight, x.n());
        if (x.n() < 2) throw new IllegalArgumentException("leave-one-out needs at least 2 rows, X has " + x.n());
        RidgeSpectrum spectrum = RidgeSpectrum.of(x, y, w, fitIntercept, KernelProvider.get(), Threads.kernels(threads));
        CvScores scores = spectrum.leaveOneOut(alphas);
        double alpha = scores.valueMin();
        double[] coef = spectrum.coefficients(alpha);
        LinearModel model = new LinearModel(coef, spectrum.intercept(coef),
                Convergence.direct("direct solve: one eigendecomposition (rank " + spectrum.rank() + ") for every alpha"));
        return new CvResult<>(new double[] {0.0}, List.of(scores), 0, model, true);
    }

    @Override
    public String toString() {
        return "RidgeCV[alphas=" + java.util.Arrays.toString(alphas) + ", fitIntercept=" + fitIntercept + ", threads=" + threads + "]";
    }

    /** Builder with scikit-learn's defaults: alphas {0.1, 1, 10}, fitIntercept. */
    public static final class Builder {
        private double[] alphas = {0.1, 1.0, 10.0};
        private boolean fitIntercept = true;
        private int threads = Threads.defaultCount();

        private Builder() {}

        /** Penalty grid, each finite and &gt; 0, any order (default {0.1, 1, 10} as scikit-learn). */
        public Builder alphas(double... alphas) {
            this.alphas = alphas == null ? null : alphas.clone();
            return this;
        }

        /** Fit an unpenalised intercept (default true). */
        public Builder fitIntercept(boolean fitIntercept) {
            this.fitIntercept = fitIntercept;
            return this;
        }

        /** Row chunks (threads) of the Gram pass, ≥ 1; default all processors; results depend on the count only. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** @throws IllegalArgumentException if the grid is empty or holds a value that is not finite and &gt; 0 */
        public RidgeCV build() {
            return new RidgeCV(this);
        }
    }
}
