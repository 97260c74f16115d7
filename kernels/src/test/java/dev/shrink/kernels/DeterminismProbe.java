package dev.shrink.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Prints, one line per width and kernel, the raw bits of reductions on fixed data. {@link DeterminismTest} runs it
 * interpreted in a forked JVM and compares with the bits the test JVM computes once C2 has compiled the kernels.
 */
public final class DeterminismProbe {
    private DeterminismProbe() {}

    static final int N = 1003;
    static final int P = 9;

    public static void main(String[] args) {
        for (String line : fingerprint()) System.out.println(line);
    }

    /**
     * The GLM row terms: their exp and log are the kernels' own (IEEE operations only), not the Vector API's lanewise
     * EXP/LOG, whose results change when C2 compiles the caller.
     */
    static void glmRows(GlmRows rows, int bits, double[] y, List<String> lines) {
        int n = y.length;
        double[] z = new double[n], labels = new double[n], out = new double[n], r = new double[n], h = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = 6 * y[i];
            labels[i] = i % 3;
        }
        rows.exp(0, n, z, out);
        lines.add(bits + " exp " + java.util.Arrays.hashCode(out));
        rows.log1p(0, n, h, out); // h = 0 here: log1p(0)
        rows.log1p(0, n, out, out);
        double[] e = out.clone();
        rows.exp(0, n, z, e);
        rows.log1p(0, n, e, out);
        lines.add(bits + " log1p " + java.util.Arrays.hashCode(out));
        double logistic = rows.logistic(0, n, 0.7, z, labels, null, r, h);
        lines.add(bits + " logistic " + Double.doubleToRawLongBits(logistic) + " " + java.util.Arrays.hashCode(r) + " " + java.util.Arrays.hashCode(h));
        lines.add(bits + " logisticDivergence " + Double.doubleToRawLongBits(rows.logisticDivergence(0, n, z, null, r, h, 0.5)));
        lines.add(bits + " poisson " + Double.doubleToRawLongBits(rows.poisson(0, n, 1.0, z, labels, null, r, h)) + " " + java.util.Arrays.hashCode(r));
        lines.add(bits + " poissonDivergence " + Double.doubleToRawLongBits(rows.poissonDivergence(0, n, z, null, r, h, 0.5)));
        int third = n / 3;
        double softmax = rows.softmax(0, third, 3, third, 1.0, z, labels, null, out, r);
        lines.add(bits + " softmax " + Double.doubleToRawLongBits(softmax) + " " + java.util.Arrays.hashCode(out) + " " + java.util.Arrays.hashCode(r));
        lines.add(bits + " softmaxDivergence " + Double.doubleToRawLongBits(rows.softmaxDivergence(0, third, 3, third, z, null, r, h, 0.5)));
    }

    /** Bits of every reducing kernel, at every width this CPU has. */
    static List<String> fingerprint() {
        SplittableRandom random = new SplittableRandom(20261126);
        double[] x = new double[N * P], y = new double[N];
        for (int i = 0; i < x.length; i++) x[i] = random.nextGaussian() * Math.exp(8 * random.nextGaussian());
        for (int i = 0; i < y.length; i++) y[i] = random.nextGaussian();
        List<String> lines = new ArrayList<>();
        for (int bits : new int[] {128, 256, 512}) {
            KernelProvider k;
            try {
                k = KernelProvider.vector(bits);
            } catch (UnsupportedOperationException e) {
                continue;
            }
            double[] xw = new double[N], xtr = new double[P], xwc = new double[N], xtrc = new double[P];
            double[] w = new double[P];
            java.util.Arrays.fill(w, 0.25);
            k.matrixVector().multiply(MatrixView.rowMajor(x, N, P), w, 0, xw, 0);
            k.matrixVector().multiplyTransposed(MatrixView.rowMajor(x, N, P), y, 0, xtr, 0);
            k.matrixVector().multiply(MatrixView.columnMajor(x, N, P), w, 0, xwc, 0);
            k.matrixVector().multiplyTransposed(MatrixView.columnMajor(x, N, P), y, 0, xtrc, 0);
            double[] g = k.gram().gram(MatrixView.rowMajor(x, N, P));
            lines.add(bits + " dot " + Double.doubleToRawLongBits(k.level1().dot(N, x, 0, y, 0)));
            lines.add(bits + " sum " + Double.doubleToRawLongBits(k.level1().sum(N, x, 0)));
            lines.add(bits + " sumOfSquares " + Double.doubleToRawLongBits(k.level1().sumOfSquares(N, x, 0)));
            lines.add(bits + " norm2 " + Double.doubleToRawLongBits(k.level1().norm2(N, x, 0)));
            lines.add(bits + " xw " + java.util.Arrays.hashCode(xw) + " " + java.util.Arrays.hashCode(xwc));
            lines.add(bits + " xtr " + java.util.Arrays.hashCode(xtr) + " " + java.util.Arrays.hashCode(xtrc));
            lines.add(bits + " gram " + java.util.Arrays.hashCode(g));
            glmRows(k.glmRows(), bits, y, lines);
        }
        return lines;
    }
}
