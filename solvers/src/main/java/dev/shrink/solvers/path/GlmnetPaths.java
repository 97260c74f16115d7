package dev.shrink.solvers.path;

import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.glm.GlmProblem;
import dev.shrink.solvers.internal.Inputs;

/**
 * glmnet's path of a prepared GLM ({@code family} binomial, multinomial or Poisson): at each λ, strongest first,
 * minimise {@code (1/n)·Σᵢsᵢ·ℓᵢ + λ·Σⱼpfⱼ(α·dⱼ·|wⱼ| + ½(1 − α)·dⱼ²·wⱼ²)} (the problem carries the row weights sᵢ/Σs, the
 * factors and the scales) from the previous λ's solution, with the sequential strong rule (Tibshirani et al. 2012)
 * choosing the first working set. Grid: explicit, or glmnet's λ_max·r^(k/(K−1)) with
 * λ_max = max over penalised j of |∇ⱼ|/(max(α, 0.001)·pfⱼ·dⱼ) at the fit of the intercept and the unpenalised features,
 * r = lambdaMinRatio (default 1e-4 if n ≥ p, else 0.01).
 */
final class GlmnetPaths {
    private GlmnetPaths() {}

    /** Grid and stopping settings of a path. */
    record Settings(double l1Ratio, double[] lambdas, int nLambdas, double lambdaMinRatio, double tol, int maxIter) {}

    static PathResult run(GlmProblem problem, Settings s, int n, int p) {
        double l1Max = problem.l1Max(); // also leaves the problem at the path's starting point
        double[] grid = s.lambdas();
        if (grid == null) {
            double ratio = Double.isNaN(s.lambdaMinRatio()) ? (n >= p ? 1e-4 : 1e-2) : s.lambdaMinRatio();
            if (l1Max > 0) {
                grid = ElasticNetPath.glmnetGrid(l1Max / Math.max(s.l1Ratio(), 1e-3), s.nLambdas(), ratio);
            } else { // nothing correlates with the response: every penalised coefficient is 0 on any grid
                grid = new double[s.nLambdas()];
                java.util.Arrays.fill(grid, 1e-15);
            }
        }
        int k = problem.classes();
        double[][][] coefs = new double[grid.length][][];
        double[][] intercepts = new double[grid.length][];
        Convergence[] convergence = new Convergence[grid.length];
        double previous = l1Max;
        for (int i = 0; i < grid.length; i++) {
            double l1 = grid[i] * s.l1Ratio();
            double l2 = grid[i] * (1 - s.l1Ratio());
            GlmProblem.Solution r = problem.solve(l1, l2, Math.max(0.0, 2 * l1 - previous), s.tol(), s.maxIter());
            coefs[i] = problem.coef();
            intercepts[i] = problem.intercepts();
            convergence[i] = Convergence.iterative(Convergence.Criterion.RELATIVE_DUALITY_GAP, "Newton steps", r.iterations(), r.gap(), s.tol(),
                    r.converged(), s.maxIter());
            previous = l1;
        }
        return new PathResult(grid, coefs, intercepts, convergence);
    }

    /** Row weights sᵢ/Σs (glmnet's (1/n)·Σᵢ with weights normalised to sum to n). */
    static double[] rowWeights(double[] sampleWeight, int n) {
        double sum = Inputs.weights(sampleWeight, n);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = (sampleWeight == null ? 1.0 : sampleWeight[i]) / sum;
        return r;
    }

    /** glmnet's lambda.min.ratio: NaN (the default rule) or in (0, 1). */
    static double checkRatio(double r) {
        if (!Double.isNaN(r) && !(r > 0 && r < 1)) throw new IllegalArgumentException("lambdaMinRatio must be in (0, 1), got " + r);
        return r;
    }
}
