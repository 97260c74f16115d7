package dev.shrink.cli.output;

import dev.shrink.cli.model.Classes;
import dev.shrink.cli.model.Fitted;
import dev.shrink.solvers.Convergence;
import dev.shrink.solvers.Design;
import dev.shrink.solvers.LinearModel;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Predictions as CSV, one line per row after a header: {@code prediction} for a regression; {@code class} and one
 * probability per class for a classifier ({@code class,probability_<c0>,probability_<c1>}); {@code rate} for counts;
 * {@code prediction_<task>} per task of a multi-task model.
 * Numbers are written in Java's shortest form that parses back to the same double (fast for millions of rows).
 */
public final class Predictions {
    private Predictions() {}

    /** The linear predictors η, one row per output. */
    static double[][] linearPredictors(Fitted f, Design x) {
        double[][] eta = new double[f.coef().length][];
        for (int k = 0; k < eta.length; k++) eta[k] = new LinearModel(f.coef()[k], f.intercept()[k], Convergence.direct("")).predict(x);
        return eta;
    }

    public static void write(Fitted f, Design x, OutputStream out) throws IOException {
        double[][] eta = linearPredictors(f, x);
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        int n = x.n();
        switch (f.link()) {
            case IDENTITY -> {
                if (eta.length == 1) {
                    w.write("prediction\n");
                    for (int i = 0; i < n; i++) w.append(Double.toString(eta[0][i])).append('\n');
                } else { // one column per task
                    for (int t = 0; t < eta.length; t++) w.append(t == 0 ? "" : ",").append(csv("prediction_" + f.tasks().get(t)));
                    w.append('\n');
                    for (int i = 0; i < n; i++) {
                        for (int t = 0; t < eta.length; t++) w.append(t == 0 ? "" : ",").append(Double.toString(eta[t][i]));
                        w.append('\n');
                    }
                }
            }
            case LOG -> {
                w.write("rate\n");
                for (int i = 0; i < n; i++) w.append(Double.toString(Math.exp(eta[0][i]))).append('\n');
            }
            case LOGIT -> {
                Classes c = f.classes();
                w.write(header(c));
                for (int i = 0; i < n; i++) {
                    double p1 = 1 / (1 + Math.exp(-eta[0][i]));
                    // scikit-learn's predict: the second class when the decision value is > 0
                    w.append(csv(c.name(eta[0][i] > 0 ? 1 : 0))).append(',').append(Double.toString(1 - p1)).append(',')
                            .append(Double.toString(p1)).append('\n');
                }
            }
            case SOFTMAX -> {
                Classes c = f.classes();
                w.write(header(c));
                double[] p = new double[eta.length];
                for (int i = 0; i < n; i++) {
                    double max = Double.NEGATIVE_INFINITY;
                    int best = 0;
                    for (int k = 0; k < eta.length; k++) {
                        if (eta[k][i] > max) {
                            max = eta[k][i];
                            best = k;
                        }
                    }
                    double sum = 0;
                    for (int k = 0; k < eta.length; k++) sum += p[k] = Math.exp(eta[k][i] - max);
                    w.append(csv(c.name(best)));
                    for (int k = 0; k < eta.length; k++) w.append(',').append(Double.toString(p[k] / sum));
                    w.append('\n');
                }
            }
        }
        w.flush();
    }

    private static String header(Classes c) {
        StringBuilder h = new StringBuilder("class");
        for (int k = 0; k < c.size(); k++) h.append(',').append(csv("probability_" + c.name(k)));
        return h.append('\n').toString();
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break. */
    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
