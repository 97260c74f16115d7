package dev.shrink.cli.model;

import dev.shrink.cli.data.DataSet;
import dev.shrink.solvers.cv.Folds;

/** Options that several models read the same way: penalty grids, folds, the mixing parameter, glmnet's λ. */
final class Choices {
    private Choices() {}

    /** A penalty grid: explicit values, or a count to be laid out once the data are known. */
    record Grid(double[] values, int count) {
        boolean explicit() {
            return values != null;
        }
    }

    /** --{listOption} values, or --n-alphas count (default {@code defaultCount}); not both. */
    static Grid grid(Params p, String listOption, int defaultCount) {
        if (p.has(listOption)) {
            if (p.has("n-alphas")) throw new UsageException("--" + listOption + " and --n-alphas: give one of them");
            return new Grid(p.numbers(listOption, null), 0);
        }
        p.consume(listOption);
        return new Grid(null, p.integer("n-alphas", defaultCount));
    }

    /**
     * The settings of a coordinate-descent CV over (alpha, l1 ratio): the l1 ratios (fixed by the model, else
     * --l1-ratio, default 0.5), the alpha grid, the folds, the intercept, max-iter, tol and threads.
     */
    record CdCv(double[] l1Ratios, Grid grid, double eps, FoldChoice folds, boolean intercept, int maxIter, double tol, int threads) {}

    static CdCv cdCv(Params p, Double fixedL1) {
        double[] l1Ratios = fixedL1 != null ? new double[] {fixedL1} : p.numbers("l1-ratio", new double[] {0.5});
        Grid grid = grid(p, "alphas", 100);
        double eps = grid.explicit() ? Double.NaN : p.number("eps", 1e-3);
        FoldChoice folds = folds(p);
        return new CdCv(l1Ratios, grid, eps, folds, p.fitIntercept(), p.integer("max-iter", 1000), p.number("tol", 1e-4), p.threads());
    }

    /** Validation folds: a column of fold ids (--fold-col) or K contiguous folds (--folds, default 5); not both. */
    record FoldChoice(int count) {
        /** The folds for a data set: its fold column when it has one, else K contiguous blocks. */
        Folds of(DataSet d) {
            return d.folds() != null ? Folds.of(d.folds()) : Folds.contiguous(d.n(), count);
        }
    }

    static FoldChoice folds(Params p) {
        if (p.has("fold-col")) {
            if (p.has("folds")) throw new UsageException("--folds and --fold-col: give one of them");
            p.consume("fold-col");
            p.consume("folds");
            return new FoldChoice(0);
        }
        p.consume("fold-col");
        int k = p.integer("folds", 5);
        if (k < 2) throw new UsageException("--folds must be at least 2, got " + k);
        return new FoldChoice(k);
    }

    /** The L1 share: fixed by the model (lasso: 1), else --l1-ratio (scikit-learn) or --alpha (glmnet), default 0.5. */
    static double mixing(Params p, Double fixed) {
        String option = p.dialect() == Dialect.GLMNET ? "alpha" : "l1-ratio";
        if (fixed != null) return fixed;
        return p.number(option, 0.5);
    }

    /** glmnet's λ of a single fit: --lambda, one value, required. */
    static double lambda(Params p, String model) {
        if (!p.has("lambda")) {
            throw new UsageException("fit " + model + " --dialect glmnet needs --lambda (glmnet fits one λ here; './shrink path' fits the whole path)");
        }
        return p.number("lambda", Double.NaN);
    }

    /** Sample weights are read by the data reader; a model that takes them marks the option as used. */
    static void acceptWeights(Params p) {
        p.consume("weights");
    }
}
