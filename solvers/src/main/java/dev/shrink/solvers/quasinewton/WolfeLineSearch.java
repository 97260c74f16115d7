package dev.shrink.solvers.quasinewton;

import dev.shrink.kernels.KernelProvider;
import dev.shrink.solvers.internal.Thresholds;

/**
 * A line search for the Wolfe conditions (Nocedal &amp; Wright, Numerical Optimization, Alg. 3.5 and 3.6: bracketing,
 * then zoom by safeguarded cubic interpolation), accepting a step when
 * <ul>
 *   <li>f(x + αd) ≤ f(x) + c₁·α·∇f(x)ᵀd (sufficient decrease), or — where that difference is below the rounding of f
 *   — Hager &amp; Zhang's approximate Wolfe condition (2005, "A new conjugate gradient method with guaranteed descent
 *   and an efficient line search", §4): f(x + αd) ≤ f(x) + ε·|f(x)| and φ'(α) ≤ (2c₁ − 1)·φ'(0), a decrease test
 *   on the derivative, which is exact to far more digits than f near a minimum;</li>
 *   <li>|φ'(α)| ≤ c₂·|φ'(0)| (strong curvature condition), φ(α) = f(x + αd).</li>
 * </ul>
 * Every trial evaluates f and ∇f together (one pass over the data for the engines' objectives); on return the
 * trial point, its value and its gradient are the accepted ones.
 */
public final class WolfeLineSearch {
    private final DifferentiableFunction f;
    private final double[] trial;
    private final double[] trialGradient;
    private final double[] bestPoint;
    private final double[] bestGradient;
    private int evaluations;

    /** Outcome: the step length (0 when no acceptable step was found), φ(α) and whether the search succeeded. */
    public record Step(double alpha, double value, boolean accepted) {}

    public WolfeLineSearch(DifferentiableFunction f) {
        this.f = f;
        this.trial = new double[f.dimension()];
        this.trialGradient = new double[f.dimension()];
        this.bestPoint = new double[f.dimension()];
        this.bestGradient = new double[f.dimension()];
    }

    /** Function evaluations so far (every trial). */
    public int evaluations() {
        return evaluations;
    }

    /** The accepted point after {@link #search} (valid when the step was accepted). */
    public double[] point() {
        return trial;
    }

    /** The gradient at {@link #point()}. */
    public double[] gradient() {
        return trialGradient;
    }

    /**
     * Searches along d from x (value f0, gradient g0, ∇f(x)ᵀd &lt; 0) starting with step alpha0; at most
     * {@link Thresholds#LINE_SEARCH_EVALUATIONS} evaluations. When it fails, the last step that decreased f (if any)
     * is returned as not accepted, with its point and gradient in {@link #point()} and {@link #gradient()}; else α = 0.
     */
    public Step search(double[] x, double f0, double[] g0, double[] d, double alpha0) {
        int m = x.length;
        double slope0 = dot(g0, d);
        if (!(slope0 < 0)) return new Step(0, f0, false);
        double c1 = Thresholds.ARMIJO;
        double c2 = Thresholds.WOLFE_CURVATURE;
        double roundingOfF = Thresholds.VALUE_ROUNDING * Math.abs(f0);
        // lo: the best step so far that decreases f (0 at first); hi: the other end of the bracket, once there is one
        double lo = 0;
        double fLo = f0;
        double slopeLo = slope0;
        double hi = Double.POSITIVE_INFINITY;
        double fHi = Double.NaN;
        double slopeHi = Double.NaN;
        double alpha = alpha0;
        boolean kept = false;
        for (int k = 0; k < Thresholds.LINE_SEARCH_EVALUATIONS; k++) {
            for (int i = 0; i < m; i++) trial[i] = x[i] + alpha * d[i];
            double value = f.valueAndGradient(trial, trialGradient);
            evaluations++;
            double slope = dot(trialGradient, d);
            boolean armijo = value <= f0 + c1 * alpha * slope0 && value <= fLo;
            boolean approximate = value <= f0 + roundingOfF && slope <= (2 * c1 - 1) * slope0;
            if (!Double.isFinite(value) || !Double.isFinite(slope) || !(armijo || approximate)) {
                hi = alpha;
                fHi = value;
                slopeHi = slope;
            } else {
                if (Math.abs(slope) <= -c2 * slope0) return new Step(alpha, value, true);
                if (Double.isInfinite(hi) ? slope >= 0 : slope * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    slopeHi = slopeLo;
                }
                lo = alpha;
                fLo = value;
                slopeLo = slope;
                System.arraycopy(trial, 0, bestPoint, 0, m);
                System.arraycopy(trialGradient, 0, bestGradient, 0, m);
                kept = true;
            }
            if (Double.isInfinite(hi)) {
                alpha = Thresholds.EXTRAPOLATION * lo;
            } else {
                if (!(Math.abs(hi - lo) > Thresholds.STEP_RESOLUTION * Math.max(lo, hi))) break;
                alpha = interpolate(lo, fLo, slopeLo, hi, fHi, slopeHi);
            }
        }
        if (!kept) return new Step(0, f0, false);
        System.arraycopy(bestPoint, 0, trial, 0, m);
        System.arraycopy(bestGradient, 0, trialGradient, 0, m);
        return new Step(lo, fLo, false);
    }

    /**
     * The minimiser of the cubic through (a, fa, ga) and (b, fb, gb) (Nocedal &amp; Wright eq. 3.59), kept at least a
     * tenth of the interval away from either end; bisection when the cubic has no minimiser there or a value is not
     * finite.
     */
    static double interpolate(double a, double fa, double ga, double b, double fb, double gb) {
        double lo = Math.min(a, b);
        double width = Math.abs(b - a);
        double mid = 0.5 * (a + b);
        if (!Double.isFinite(fb) || !Double.isFinite(gb)) return a + 0.1 * (b - a);
        double d1 = ga + gb - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - ga * gb;
        if (!(disc >= 0)) return mid;
        double d2 = Math.copySign(Math.sqrt(disc), b - a);
        double t = b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
        if (!Double.isFinite(t)) return mid;
        return Math.min(lo + 0.9 * width, Math.max(lo + 0.1 * width, t));
    }

    static double dot(double[] a, double[] b) {
        return KernelProvider.get().level1().dot(a.length, a, 0, b, 0);
    }
}
