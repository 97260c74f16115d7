package dev.shrink.solvers;

/**
 * How a fit ended: never silent about non-convergence.
 *
 * @param criterion  what {@code value} measures
 * @param iterations number of passes (coordinate-descent sweeps, Newton steps, proximal-gradient steps; 0 for a
 *                   direct solve)
 * @param value      the stopping quantity in the units of {@code tolerance} (see {@link Criterion})
 * @param tolerance  the value {@code value} had to reach
 * @param converged  whether it reached it
 * @param message    one line saying what happened, with both numbers
 */
public record Convergence(Criterion criterion, int iterations, double value, double tolerance, boolean converged, String message) {

    /** The stopping quantity of a solver. */
    public enum Criterion {
        /**
         * The duality gap of lasso / elastic net (and of the group lasso and the multi-task elastic net), an upper bound
         * on the distance of the objective from its minimum, in scikit-learn's scaling (compared with
         * {@code tol·‖y − ȳ‖²}; the logistic group lasso with tol times its intercept-only loss).
         */
        DUALITY_GAP("duality gap"),
        /**
         * The duality gap of a penalised GLM (logistic, multinomial, Poisson; proximal Newton) divided by the scale of
         * its loss: {@code C·Σsᵢ} in scikit-learn's logistic objectives, 1 where the loss is already a weighted mean
         * (glmnet's {@code (1/n)·Σᵢ}, scikit-learn's Poisson {@code (1/S)·Σᵢsᵢ}). An upper bound on the objective's
         * distance from its minimum in the same units, compared with tol.
         */
        RELATIVE_DUALITY_GAP("duality gap / loss scale"),
        /**
         * The largest absolute gradient element of {@code Σsᵢℓᵢ + ‖w‖²/(2C)}, the objective scikit-learn's lbfgs and
         * newton-cg minimise (logistic regression, binary or multinomial, ‖W‖² over all classes; the same test at every C).
         */
        GRADIENT("max|gradient of Σsℓ + ‖w‖²/(2C)|"),
        /**
         * The largest absolute gradient element of the estimator's documented objective (scikit-learn's lbfgs stop for
         * its GLMs, e.g. {@code PoissonRegressor}).
         */
        OBJECTIVE_GRADIENT("max|gradient of the objective|"),
        /** The largest absolute gradient element of the objective divided by {@code C·Σsᵢ} (scikit-learn's newton-cholesky). */
        SCALED_GRADIENT("max|gradient|/(C·Σs)"),
        /**
         * The largest absolute element of the normal equations' residual {@code X̃ᵀS(ỹ − X̃w) − αw} (half the ridge
         * objective's gradient), computed in float64: ridge solved in mixed precision (float32 factor, float64
         * refinement), against LAPACK dsposv's tolerance √p·‖A‖_F·‖w‖∞·ε plus the gradient's own rounding.
         */
        NORMAL_EQUATIONS("max|X̃ᵀS(ỹ − X̃w) − αw|"),
        /** The gradient mapping {@code L·‖w⁺ − w‖∞} of a proximal-gradient method. */
        GRADIENT_MAPPING("gradient mapping"),
        /**
         * The relative residual {@code ‖b − Aw‖₂/‖b‖₂} of the normal equations of a ridge problem solved by conjugate
         * gradients (sparse designs with many columns).
         */
        RELATIVE_RESIDUAL("relative residual"),
        /** Σⱼ|wⱼ − wⱼ_previous| between two iterations (scikit-learn's stop for {@code BayesianRidge} and {@code ARDRegression}). */
        COEFFICIENT_CHANGE("Σ|w − w_previous|"),
        /** A closed-form solve: nothing to converge ({@code value} and {@code tolerance} are 0). */
        DIRECT("direct solve");

        private final String description;

        Criterion(String description) {
            this.description = description;
        }

        /** A few words for messages, e.g. "duality gap". */
        public String description() {
            return description;
        }
    }

    /** A direct (closed-form) solve: nothing to converge. */
    public static Convergence direct(String what) {
        return new Convergence(Criterion.DIRECT, 0, 0.0, 0.0, true, what);
    }

    /**
     * An iterative solve, with its message: converged, stopped at {@code maxIter}, or stopped earlier because the steps
     * no longer change anything (the rounding floor).
     *
     * @param steps what one iteration is, plural ("sweeps", "Newton steps")
     */
    public static Convergence iterative(Criterion criterion, String steps, int iterations, double value, double tolerance,
                                        boolean converged, int maxIter) {
        String what = criterion.description() + " " + value;
        String message = converged
                ? "converged after " + iterations + " " + steps + ": " + what + " ≤ " + tolerance
                : iterations >= maxIter
                ? "not converged after maxIter = " + maxIter + " " + steps + ": " + what + " > tolerance " + tolerance
                : "stopped after " + iterations + " " + steps + " at the rounding floor: " + what + " > tolerance " + tolerance;
        return new Convergence(criterion, iterations, value, tolerance, converged, message);
    }

    /** Throws {@link ConvergenceException} unless converged. */
    public Convergence requireConverged() {
        if (!converged) throw new ConvergenceException(this);
        return this;
    }
}
