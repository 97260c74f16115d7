package dev.shrink.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The cross-validation curve of {@link ShrinkLinearRegressionCV}: for each elasticNetParam α (index a) and each regParam
 * λ of its grid (index i, strongest first) the validation metric averaged over the folds, its standard error
 * (standard deviation over the folds / √K, as glmnet's cvsd), and the non-zero coefficients of the fit on all rows.
 * The selected point is the best mean ({@code min} rule) or the strongest λ of the best α whose mean is within one
 * standard error of the best ({@code 1se} rule, glmnet's lambda.1se). Immutable; arrays are copied out.
 *
 * @param metricName   rmse, mse or r2 (r2: larger is better)
 * @param numFolds     K
 * @param bestAlpha    index a of the best mean
 * @param bestIndex    index i of the best mean
 * @param oneSeIndex   index i (within bestAlpha's grid) chosen by the one-standard-error rule
 * @param selectedRule which of the two the model uses: min or 1se
 */
public record CvCurve(String metricName, int numFolds, double[] elasticNetParams, double[][] regParams, double[][] mean,
                      double[][] stdError, int[][] nonZeros, int bestAlpha, int bestIndex, int oneSeIndex, String selectedRule)
        implements Serializable {

    public CvCurve {
        elasticNetParams = elasticNetParams.clone();
        regParams = deepCopy(regParams);
        mean = deepCopy(mean);
        stdError = deepCopy(stdError);
        int[][] nz = new int[nonZeros.length][];
        for (int a = 0; a < nz.length; a++) nz[a] = nonZeros[a].clone();
        nonZeros = nz;
    }

    /** Columns of {@link #toDataFrame}. */
    static final StructType SCHEMA = new StructType()
            .add("elasticNetParam", DataTypes.DoubleType)
            .add("regParam", DataTypes.DoubleType)
            .add("log10RegParam", DataTypes.DoubleType)
            .add("metric", DataTypes.DoubleType)
            .add("stdError", DataTypes.DoubleType)
            .add("lower", DataTypes.DoubleType)
            .add("upper", DataTypes.DoubleType)
            .add("nonZeros", DataTypes.IntegerType)
            .add("isMin", DataTypes.BooleanType)
            .add("is1se", DataTypes.BooleanType);

    /** The regParam of the selected point. */
    public double selectedRegParam() {
        return regParams[bestAlpha][selectedIndex()];
    }

    /** The elasticNetParam of the selected point. */
    public double selectedElasticNetParam() {
        return elasticNetParams[bestAlpha];
    }

    /** regParam with the best mean metric (glmnet's lambda.min). */
    public double regParamMin() {
        return regParams[bestAlpha][bestIndex];
    }

    /** The strongest regParam of the best α within one standard error of the best mean (glmnet's lambda.1se). */
    public double regParam1se() {
        return regParams[bestAlpha][oneSeIndex];
    }

    private int selectedIndex() {
        return selectedRule.equals("1se") ? oneSeIndex : bestIndex;
    }

    public double[] elasticNetParams() { return elasticNetParams.clone(); }
    public double[][] regParams() { return deepCopy(regParams); }
    public double[][] mean() { return deepCopy(mean); }
    public double[][] stdError() { return deepCopy(stdError); }

    public int[][] nonZeros() {
        int[][] nz = new int[nonZeros.length][];
        for (int a = 0; a < nz.length; a++) nz[a] = nonZeros[a].clone();
        return nz;
    }

    /** The curve as rows for plotting: one per (elasticNetParam, regParam), metric ± one standard error, the two choices marked. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int a = 0; a < elasticNetParams.length; a++) {
            for (int i = 0; i < regParams[a].length; i++) {
                double m = mean[a][i];
                double se = stdError[a][i];
                rows.add(RowFactory.create(elasticNetParams[a], regParams[a][i], Math.log10(regParams[a][i]), m, se, m - se, m + se,
                        nonZeros[a][i], a == bestAlpha && i == bestIndex, a == bestAlpha && i == oneSeIndex));
            }
        }
        return rows;
    }

    /** {@link #rows()} as a DataFrame ({@link #SCHEMA}), e.g. to plot or to save as CSV. */
    public Dataset<Row> toDataFrame(SparkSession spark) {
        return spark.createDataFrame(rows(), SCHEMA);
    }

    /** The curve back from {@link #rows()} (Spark ML persistence of the CV model). */
    static CvCurve fromRows(List<Row> rows, String metricName, int numFolds, String selectedRule) {
        List<Double> alphas = new ArrayList<>();
        List<List<Row>> byAlpha = new ArrayList<>();
        for (Row r : rows) {
            double alpha = r.getDouble(0);
            if (alphas.isEmpty() || alphas.getLast() != alpha) {
                alphas.add(alpha);
                byAlpha.add(new ArrayList<>());
            }
            byAlpha.getLast().add(r);
        }
        int n = alphas.size();
        double[] en = new double[n];
        double[][] reg = new double[n][];
        double[][] mean = new double[n][];
        double[][] se = new double[n][];
        int[][] nz = new int[n][];
        int bestAlpha = 0;
        int best = 0;
        int oneSe = 0;
        for (int a = 0; a < n; a++) {
            List<Row> part = byAlpha.get(a);
            en[a] = alphas.get(a);
            reg[a] = new double[part.size()];
            mean[a] = new double[part.size()];
            se[a] = new double[part.size()];
            nz[a] = new int[part.size()];
            for (int i = 0; i < part.size(); i++) {
                Row r = part.get(i);
                reg[a][i] = r.getDouble(1);
                mean[a][i] = r.getDouble(3);
                se[a][i] = r.getDouble(4);
                nz[a][i] = r.getInt(7);
                if (r.getBoolean(8)) {
                    bestAlpha = a;
                    best = i;
                }
                if (r.getBoolean(9)) oneSe = i;
            }
        }
        return new CvCurve(metricName, numFolds, en, reg, mean, se, nz, bestAlpha, best, oneSe, selectedRule);
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int a = 0; a < m.length; a++) c[a] = m[a].clone();
        return c;
    }
}
