package dev.shrink.solvers.newton;

import dev.shrink.kernels.MatrixView;
import dev.shrink.solvers.internal.DesignPasses;
import dev.shrink.solvers.internal.Thresholds;
import dev.shrink.solvers.quasinewton.Lbfgs;

/**
 * The L2-penalised logistic fit, by the method the shape of the problem calls for ({@link #choose}) or the one asked
 * for: L-BFGS (one fused pass over X per iteration), Newton–Cholesky (a weighted Gram per step; through the n×n
 * kernel XXᵀ when p &gt; n), Newton-CG (Hessian-vector products only).
 */
public final class LogisticSolver {
    private LogisticSolver() {}

    /** The methods, named as scikit-learn's {@code solver} values (AUTO: {@link #choose}). */
    public enum Method {
        AUTO("auto"), LBFGS("lbfgs"), NEWTON_CHOLESKY("newton-cholesky"), NEWTON_CG("newton-cg");

        private final String sklearnName;

        Method(String sklearnName) {
            this.sklearnName = sklearnName;
        }

        /** scikit-learn's name, e.g. "newton-cholesky". */
        public String sklearnName() {
            return sklearnName;
        }

        /** The method of a scikit-learn name; IllegalArgumentException listing the names for anything else. */
        public static Method of(String name) {
            for (Method m : values()) if (m.sklearnName.equals(name)) return m;
            throw new IllegalArgumentException("solver must be one of auto, lbfgs, newton-cholesky, newton-cg, got " + (name == null ? "null" : "'" + name + "'"));
        }
    }

    /** What ran (a concrete method; "dual" when Newton–Cholesky went through XXᵀ), iterations, max|∇F|, converged, why not. */
    public record Result(Method method, boolean dual, int iterations, double gradientNorm, boolean converged, String reason) {
        /** What one iteration of the method was, plural, for messages. */
        public String steps() {
            return switch (method) {
                case LBFGS -> "L-BFGS iterations";
                case NEWTON_CG -> "Newton-CG steps";
                default -> dual ? "Newton steps (through XXᵀ)" : "Newton steps";
            };
        }
    }

    /**
     * The method for an n×p problem: Newton–Cholesky through XXᵀ when p &gt; n and the n×n system is small
     * (n ≤ {@value Thresholds#DUAL_MAX_ROWS}); Newton–Cholesky on the Hessian when p ≤
     * {@value Thresholds#NEWTON_MAX_FEATURES} (its Gram, n·p² flops a step, then costs less than the L-BFGS passes its
     * few steps save); L-BFGS otherwise.
     */
    public static Method choose(int n, int p) {
        if (p > n && n <= Thresholds.DUAL_MAX_ROWS) return Method.NEWTON_CHOLESKY;
        if (p <= Thresholds.NEWTON_MAX_FEATURES) return Method.NEWTON_CHOLESKY;
        return Method.LBFGS;
    }

    /**
     * L-BFGS on f, with the Hessian of {@code sampleRows} evenly spaced rows as its initial matrix (0: none). When
     * {@code rough} is given (f on a float32 copy of X, {@link DesignPasses#float32()}), L-BFGS first minimises it to
     * the same tolerance, then goes on from there on f with the pairs it learned: the stopping test is always on f's
     * own gradient, so the answer and its certificate are f's.
     */
    public static Lbfgs.Result lbfgs(LogisticObjective f, LogisticObjective rough, double[] y01, double[] s, double[] theta, double gradientTol,
                                     int maxIter, int sampleRows) {
        SampledHessian h0 = null;
        if (sampleRows > 0) {
            h0 = new SampledHessian(f, DesignPasses.evenlySpaced(f.n(), sampleRows), y01, s);
            h0.build(theta);
            if (!h0.informative()) h0 = null;
        }
        Lbfgs.Result r = Lbfgs.minimize(rough, f, theta, gradientTol, maxIter, Thresholds.LBFGS_MEMORY, h0);
        if (Boolean.getBoolean("shrink.trace")) {
            System.err.println("lbfgs: " + (rough == null ? "" : "float32 first, ") + r + (h0 == null ? "" : " builds " + h0.builds()));
        }
        return r;
    }

    /**
     * Minimises {@code ½‖w‖² + C·Σsᵢ(log(1 + e^{zᵢ}) − yᵢzᵢ)} from θ = (w, b) (b only with an intercept) in place,
     * until max|∇| ≤ gradientTol (in those units).
     */
    public static Result solve(MatrixView x, double[] y01, double[] s, boolean intercept, double c, int threads, Method method,
                               double[] theta, double gradientTol, int maxIter) {
        LogisticObjective f = new LogisticObjective(new DesignPasses(x, threads), y01, s, c, intercept);
        Method m = method == Method.AUTO ? choose(x.rows(), x.cols()) : method;
        return switch (m) {
            case LBFGS -> {
                int rows = (int) Math.min(x.rows(), (long) Thresholds.PRECONDITIONER_ROWS_PER_FEATURE * x.cols());
                DesignPasses float32 = f.design().float32IfLarge();
                LogisticObjective rough = float32 == null ? null : new LogisticObjective(float32, y01, s, c, intercept);
                Lbfgs.Result r = lbfgs(f, rough, y01, s, theta, gradientTol, maxIter, Integer.getInteger("shrink.sample", rows));
                yield new Result(m, false, r.iterations(), r.gradientNorm(), r.converged(), r.reason());
            }
            case NEWTON_CG -> {
                NewtonCg.Result r = new NewtonCg(f).solve(theta, gradientTol, maxIter);
                yield new Result(m, false, r.iterations(), r.gradientNorm(), r.converged(), r.reason());
            }
            default -> {
                if (x.cols() > x.rows()) {
                    DualNewton.Result r = new DualNewton(f).solve(theta, gradientTol, maxIter);
                    yield new Result(Method.NEWTON_CHOLESKY, true, r.iterations(), r.gradientNorm(), r.converged(), r.reason());
                }
                NewtonLogistic.Result r = new NewtonLogistic(f).solve(theta, gradientTol, maxIter);
                yield new Result(Method.NEWTON_CHOLESKY, false, r.iterations(), r.gradientNorm(), r.converged(), r.reason());
            }
        };
    }
}
