package dev.shrink.spark;

/**
 * How Spark ML scales the problem it solves: each feature by its weighted standard deviation σⱼ (features with σⱼ = 0
 * are left out and get coefficient 0), and, for least squares, the label by its standard deviation σ_y. Spark uses two
 * conventions for σ: its normal-equation solver ({@code WeightedLeastSquares}) the population deviation
 * √(Σw(x − x̄)²/Σw); its L-BFGS path and {@code LogisticRegression} the sample deviation of its {@code Summarizer},
 * √(Σw(x − x̄)²/(Σw − Σw²/Σw)). Both are computed here from raw sums, as {@code WeightedLeastSquares} does.
 *
 * @param kept         the features that take part (σⱼ &gt; 0), increasing
 * @param scale        the factor for each kept feature: 1/σⱼ when standardising, else 1
 * @param std          σⱼ of every feature (0 for the left-out ones)
 * @param labelMean    weighted mean of the label (of t)
 * @param labelStd     σ_y in the same convention (0 for a constant label)
 */
record Standardization(int[] kept, double[] scale, double[] std, double labelMean, double labelStd) {

    /** Which standard deviation. */
    enum Deviation {
        /** Σw(x − x̄)²/Σw: Spark's normal-equation solver. */
        POPULATION,
        /** Σw(x − x̄)²/(Σw − Σw²/Σw): Spark's {@code Summarizer} (L-BFGS, logistic regression). */
        SAMPLE
    }

    /**
     * A variance at most this multiple of the squared mean is rounding noise of raw sums (Σwx²/Σw − x̄² cancels to about
     * ε·x̄²): the column (or label) is constant. Spark tests σ = 0 exactly and then divides by that noise.
     */
    static final double CONSTANT_RATIO = 4 * Math.ulp(1.0);

    /** Spark's scales of the features (and of t, the label) of these sums. */
    static Standardization of(MomentSums m, boolean standardizeFeatures, Deviation deviation) {
        int p = m.p();
        double sumW = m.sumWeights();
        double correction = correction(sumW, m.sumSquaredWeights(), deviation);
        double[] std = new double[p];
        int[] kept = new int[p];
        double[] scale = new double[p];
        int k = 0;
        for (int j = 0; j < p; j++) {
            double mean = m.xSum(j) / sumW;
            double variance = variance(m.xSquares(j) / sumW, mean) * correction;
            if (variance == 0) continue;
            std[j] = Math.sqrt(variance);
            kept[k] = j;
            scale[k] = standardizeFeatures ? 1 / std[j] : 1.0;
            k++;
        }
        double yMean = m.tSum() / sumW;
        double yStd = Math.sqrt(variance(m.tSquares() / sumW, yMean) * correction);
        return new Standardization(java.util.Arrays.copyOf(kept, k), java.util.Arrays.copyOf(scale, k), std, yMean, yStd);
    }

    /** Population variance from the mean square and the mean; 0 when it is at the rounding level of the raw sums. */
    private static double variance(double meanSquare, double mean) {
        double v = meanSquare - mean * mean;
        return v > CONSTANT_RATIO * mean * mean ? v : 0.0;
    }

    /** Factor from the population to the requested variance; 0 when the sample variance is undefined (as Spark). */
    private static double correction(double sumW, double sumSquaredWeights, Deviation deviation) {
        if (deviation == Deviation.POPULATION) return 1.0;
        double denominator = sumW - sumSquaredWeights / sumW;
        return denominator > 0 ? sumW / denominator : 0.0;
    }

    /** Number of kept features. */
    int size() {
        return kept.length;
    }

    /** Coefficients of all p features on the original scale from those of the kept, scaled features, times {@code factor}. */
    double[] originalCoefficients(double[] scaledCoef, double factor) {
        double[] w = new double[std.length];
        for (int a = 0; a < kept.length; a++) w[kept[a]] = scaledCoef[a] * scale[a] * factor;
        return w;
    }
}
