package dev.shrink.cli.model;

import dev.shrink.cli.model.Entry.Fitter;
import dev.shrink.cli.model.Entry.PathRunner;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.GroupLasso;
import dev.shrink.solvers.LinearModel;
import dev.shrink.solvers.LogisticGroupLasso;
import dev.shrink.solvers.LogisticModel;
import dev.shrink.solvers.path.GroupLassoPath;
import dev.shrink.solvers.path.PathResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The group lasso and sparse-group lasso (squared and logistic loss) for the registry. The groups come from
 * {@code --groups FILE} (one group id 0 .. G−1 per feature, in column order, separated by commas, spaces or line
 * breaks: the conformance cases' groups.csv) or {@code --group-sizes N,N,…} (consecutive columns); {@code --group-weights}
 * overrides the default weights √p_g; {@code --l1-ratio} adds the L1 term inside groups (sparse-group lasso, default 0).
 */
final class GroupModels {
    private GroupModels() {}

    /** The group settings, read before the data (so that a wrong file costs no reading). */
    record Groups(int[] ids, double[] weights, double l1Ratio) {}

    static Groups groups(Params p) {
        int[] ids;
        if (p.has("groups")) {
            if (p.has("group-sizes")) throw new UsageException("--groups and --group-sizes: give one of them");
            p.consume("group-sizes");
            String file = p.text("groups");
            ids = readIds(Path.of(file), file);
        } else if (p.has("group-sizes")) {
            p.consume("groups");
            double[] sizes = p.numbers("group-sizes", null);
            ids = fromSizes(sizes);
        } else {
            throw new UsageException("group models need the groups: --groups FILE (one group id 0..G-1 per feature) or --group-sizes N,N,... "
                    + "(consecutive columns)");
        }
        double[] weights = p.numbers("group-weights", null);
        double l1Ratio = p.number("l1-ratio", 0.0);
        return new Groups(ids, weights, l1Ratio);
    }

    /** Consecutive groups of the given sizes: sizes 2,3 → ids 0,0,1,1,1. */
    static int[] fromSizes(double[] sizes) {
        int total = 0;
        for (int g = 0; g < sizes.length; g++) {
            if (sizes[g] != Math.rint(sizes[g]) || sizes[g] < 1) {
                throw new UsageException("--group-sizes: size " + (g + 1) + " is " + sizes[g] + " (a whole number ≥ 1 is expected)");
            }
            total += (int) sizes[g];
        }
        int[] ids = new int[total];
        int j = 0;
        for (int g = 0; g < sizes.length; g++) for (int k = 0; k < sizes[g]; k++) ids[j++] = g;
        return ids;
    }

    private static int[] readIds(Path file, String name) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("--groups " + name + ": no such file");
        } catch (IOException e) {
            throw new UsageException("--groups " + name + ": cannot read: " + e.getMessage());
        }
        List<Integer> ids = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            for (String cell : lines[l].split("[,;\\s]+")) {
                if (cell.isEmpty()) continue;
                double v;
                try {
                    v = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
                if (!(v == Math.rint(v) && v >= 0 && v < Integer.MAX_VALUE)) {
                    throw new UsageException("--groups " + name + ": line " + (l + 1) + ": '" + cell + "' is not a group id (a whole number ≥ 0)");
                }
                ids.add((int) v);
            }
        }
        if (ids.isEmpty()) throw new UsageException("--groups " + name + ": empty file (one group id per feature is expected)");
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    // ---- squared loss ----

    static Fitter groupLasso(Params p) {
        Groups g = groups(p);
        double alpha = p.number("alpha", 1.0);
        GroupLasso est = GroupLasso.builder().groups(g.ids()).groupWeights(g.weights()).l1Ratio(g.l1Ratio()).alpha(alpha).fitIntercept(p.fitIntercept())
                .maxIter(p.integer("max-iter", 1000)).tol(p.number("tol", 1e-4)).threads(p.threads()).build();
        Choices.acceptWeights(p);
        return d -> {
            double[] y = Labels.numeric(d);
            LinearModel m = est.fit(d.x(), y, d.weights());
            return Fitted.linear(m, objective(d.x(), y, d.weights(), g, m.coef(), m.intercept(), alpha, false));
        };
    }

    static PathRunner groupLassoPath(Params p) {
        return path(p, false);
    }

    // ---- logistic loss ----

    static Fitter logisticGroupLasso(Params p) {
        Groups g = groups(p);
        double alpha = p.number("alpha", 1.0);
        LogisticGroupLasso est = LogisticGroupLasso.builder().groups(g.ids()).groupWeights(g.weights()).l1Ratio(g.l1Ratio()).alpha(alpha)
                .fitIntercept(p.fitIntercept()).maxIter(p.integer("max-iter", 100)).tol(p.number("tol", 1e-6)).threads(p.threads()).build();
        Choices.acceptWeights(p);
        return d -> {
            Labels.Binary b = Labels.binary(d);
            LogisticModel m = est.fit(d.x(), b.y01(), d.weights());
            return Fitted.logistic(m, b.classes(), objective(d.x(), b.y01(), d.weights(), g, m.coef(), m.intercept(), alpha, true));
        };
    }

    static PathRunner logisticGroupLassoPath(Params p) {
        return path(p, true);
    }

    // ---- shared ----

    private static PathRunner path(Params p, boolean logistic) {
        Groups g = groups(p);
        GroupLassoPath.Builder b = GroupLassoPath.builder().groups(g.ids()).groupWeights(g.weights()).l1Ratio(g.l1Ratio()).logistic(logistic);
        Choices.Grid grid = Choices.grid(p, "alphas", 100);
        if (grid.explicit()) b.alphas(grid.values());
        else b.nAlphas(grid.count()).eps(p.number("eps", 1e-3));
        GroupLassoPath path = b.fitIntercept(p.fitIntercept()).maxIter(p.integer("max-iter", logistic ? 100 : 1000))
                .tol(p.number("tol", logistic ? 1e-6 : 1e-4)).threads(p.threads()).build();
        Choices.acceptWeights(p);
        return d -> {
            if (!logistic) return LeastSquaresModels.points("alpha", path.fit(d.x(), Labels.numeric(d), d.weights()));
            Labels.Binary labels = Labels.binary(d);
            PathResult r = path.fit(d.x(), labels.y01(), d.weights());
            List<Fitted> points = new ArrayList<>();
            for (int k = 0; k < r.size(); k++) {
                points.add(new Fitted(Link.LOGIT, new double[][] {r.coef(k)}, new double[] {r.intercept(k)}, labels.classes(), null, Double.NaN,
                        r.convergence(k)));
            }
            return new PathFitted("alpha", r.penalties(), points);
        };
    }

    /**
     * The minimised objective: (1/(2S))·Σᵢsᵢ(yᵢ − xᵢ·w − b)² (squared) or (1/S)·Σᵢsᵢ·log(1 + exp(−tᵢ(xᵢ·w + b)))
     * (logistic, tᵢ = 2yᵢ − 1), S = Σsᵢ (n without weights), plus alpha·(1 − l1Ratio)·Σ_g ω_g‖w_g‖₂ + alpha·l1Ratio·‖w‖₁.
     */
    static double objective(Design x, double[] y, double[] s, Groups g, double[] w, double b, double alpha, boolean logistic) {
        int n = x.n();
        double[] eta = new LinearModel(w, b, dev.shrink.solvers.Convergence.direct("")).predict(x);
        double loss = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double si = s == null ? 1 : s[i];
            double z = eta[i];
            double li = logistic ? softplus(-(2 * y[i] - 1) * z) : 0.5 * (y[i] - z) * (y[i] - z);
            loss += si * li;
            total += si;
        }
        int count = 0;
        for (int id : g.ids()) count = Math.max(count, id + 1);
        double[] squares = new double[count];
        int[] sizes = new int[count];
        double l1 = 0;
        for (int j = 0; j < w.length; j++) {
            squares[g.ids()[j]] += w[j] * w[j];
            sizes[g.ids()[j]]++;
            l1 += Math.abs(w[j]);
        }
        double group = 0;
        for (int k = 0; k < count; k++) group += (g.weights() != null ? g.weights()[k] : Math.sqrt(sizes[k])) * Math.sqrt(squares[k]);
        return loss / total + alpha * ((1 - g.l1Ratio()) * group + g.l1Ratio() * l1);
    }

    private static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
}
