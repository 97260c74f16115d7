package dev.shrink.kernels;

import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Generated inputs shared by the property tests: vector widths, awkward lengths, value regimes, and the checks every
 * property repeats (NaN/Inf agreement, error bounds, guard cells).
 *
 * <p>QuickTheories draws the shape of a case (width, lengths, offsets, strides, regime) so that failures shrink to
 * the smallest shape; the values come from a drawn seed, because shrinking thousands of doubles one by one would
 * tell us nothing more.
 */
final class Inputs {
    private Inputs() {}

    /** Unit roundoff of double precision, ε = 2⁻⁵³. */
    static final double EPS = 0x1p-53;
    /** Examples per property: enough to reach every tail length at every width, small enough for ~60 s in all. */
    static final int EXAMPLES = 800;
    /** Most lanes of any width tested (512 bits); short lengths run 0 … 4×lanes+3 so every tail case occurs. */
    static final int MAX_LANES = 8;
    static final int SHORT = 4 * MAX_LANES + 3;

    /** How element values are drawn. */
    enum Regime {
        /** uniform in [-1, 1) */
        UNIT,
        /** sign · [1, 2) · 2ᵉ with e over the whole normal range: 1e-300 … 1e300 */
        WIDE,
        /** subnormals mixed with the smallest normals */
        SUBNORMAL,
        /** unit values with NaN, +Inf, -Inf, +0 and -0 sprinkled in */
        SPECIAL
    }

    /** How a generated matrix is stored: the three {@link DenseMatrix} kinds. */
    enum Storage {
        /** a {@link MatrixView} of a flat double[] */
        FLAT,
        /** {@link RowArrays}: one double[] per row (row-major only) */
        ROWS,
        /** a {@link FloatMatrixView} of a flat float[] (values rounded to float32) */
        FLOAT32
    }

    static Storage storage(RandomnessSource in) {
        return Storage.values()[draw(in, 0, Storage.values().length - 1)];
    }

    /**
     * A rows×cols matrix of the regime's values in the given storage: flat storages sit in a larger array at offset
     * with ldPadding extra cells per line and three random guards after; row arrays ignore layout, padding and offset.
     * FLOAT32 values are drawn with binary exponents in [max(minExp, −126), min(maxExp, 100)] and rounded to float.
     */
    static DenseMatrix matrix(SplittableRandom random, Storage storage, int rows, int cols, Layout layout, int ldPadding, int offset,
                              Regime regime, int minExp, int maxExp) {
        int minor = layout == Layout.ROW_MAJOR ? cols : rows;
        int major = layout == Layout.ROW_MAJOR ? rows : cols;
        int ld = Math.max(1, minor + ldPadding);
        return switch (storage) {
            case FLAT -> new MatrixView(padded(random, values(random, major * ld, regime, minExp, maxExp), offset, 3), offset, rows, cols,
                    ld, layout);
            case ROWS -> {
                double[][] x = new double[rows][];
                for (int i = 0; i < rows; i++) x[i] = values(random, cols, regime, minExp, maxExp);
                yield new RowArrays(x, cols);
            }
            case FLOAT32 -> {
                double[] v = padded(random, values(random, major * ld, regime, Math.max(minExp, -126), Math.min(maxExp, 100)), offset, 3);
                float[] data = new float[v.length];
                for (int i = 0; i < v.length; i++) data[i] = (float) v[i];
                yield new FloatMatrixView(data, offset, rows, cols, ld, layout);
            }
        };
    }

    /** Every cell of the matrix's backing storage (guards and padding included) as doubles, for "unchanged" checks. */
    static double[] storageOf(DenseMatrix m) {
        return switch (m) {
            case MatrixView v -> v.data().clone();
            case FloatMatrixView f -> {
                double[] d = new double[f.data().length];
                for (int i = 0; i < d.length; i++) d[i] = f.data()[i];
                yield d;
            }
            case RowArrays r -> Arrays.stream(r.arrays()).flatMapToDouble(Arrays::stream).toArray();
        };
    }

    /** The widths this CPU runs, among 128, 256 and 512 bits: every one of them is drawn. */
    static final List<Integer> WIDTHS = supportedWidths();

    private static List<Integer> supportedWidths() {
        List<Integer> widths = new ArrayList<>();
        for (int bits : new int[] {128, 256, 512}) {
            try {
                KernelProvider.vector(bits);
                widths.add(bits);
            } catch (UnsupportedOperationException e) {
                // this CPU has narrower vectors: the property runs at the widths it has
            }
        }
        if (widths.isEmpty()) throw new IllegalStateException("no vector width available; tests need --add-modules jdk.incubator.vector");
        return widths;
    }

    static int draw(RandomnessSource in, int min, int max) {
        return (int) in.next(Constraint.between(min, max));
    }

    static int width(RandomnessSource in) {
        return WIDTHS.get(draw(in, 0, WIDTHS.size() - 1));
    }

    /** 0 … 35 most of the time (every tail at every width), sometimes up to {@code large}. */
    static int length(RandomnessSource in, int large) {
        return draw(in, 0, 9) < 8 ? draw(in, 0, SHORT) : draw(in, SHORT + 1, large);
    }

    static Regime regime(RandomnessSource in) {
        return Regime.values()[draw(in, 0, Regime.values().length - 1)];
    }

    static long seed(RandomnessSource in) {
        return in.next(Constraint.none());
    }

    /**
     * count values of the regime; WIDE values have binary exponents in [minExp, maxExp] (at most [-1022, 1023]), so a
     * property can rule out overflow where the order of operations would decide whether it happens.
     */
    static double[] values(SplittableRandom random, int count, Regime regime, int minExp, int maxExp) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = switch (regime) {
                case UNIT -> random.nextDouble(-1, 1);
                case WIDE -> sign(random) * Math.scalb(random.nextDouble(1, 2), random.nextInt(minExp, maxExp + 1));
                case SUBNORMAL -> sign(random) * (random.nextBoolean()
                        ? Double.MIN_VALUE * random.nextLong(1, 1L << 52)
                        : Double.MIN_NORMAL * random.nextDouble(1, 4));
                case SPECIAL -> switch (random.nextInt(16)) {
                    case 0 -> Double.NaN;
                    case 1 -> Double.POSITIVE_INFINITY;
                    case 2 -> Double.NEGATIVE_INFINITY;
                    case 3 -> 0.0;
                    case 4 -> -0.0;
                    default -> random.nextDouble(-1, 1);
                };
            };
        }
        return v;
    }

    static double[] values(SplittableRandom random, int count, Regime regime) {
        return values(random, count, regime, -997, 997); // |v| < 2^998 ≈ 2.7e300
    }

    private static double sign(SplittableRandom random) {
        return random.nextBoolean() ? 1 : -1;
    }

    /** A scalar parameter ≥ 0: zero, unit-sized, tiny or huge. */
    static double nonNegative(RandomnessSource in) {
        return switch (draw(in, 0, 5)) {
            case 0 -> 0.0;
            case 1 -> Math.scalb(1.0, draw(in, -1022, 1000));
            case 2 -> draw(in, 1, 1000) * 1e-3;
            default -> draw(in, 0, 2000) * 1e-3;
        };
    }

    /** Both implementations must agree on NaN and on each infinity; finite results must lie within bound. */
    static void agree(String what, double expected, double actual, double bound) {
        if (Double.isNaN(expected) || Double.isNaN(actual) || Double.isInfinite(expected) || Double.isInfinite(actual)) {
            assertEquals(expected, actual, 0.0, what + ": NaN/Inf must agree");
            return;
        }
        if (!(Math.abs(expected - actual) <= bound)) {
            fail(what + ": scalar " + expected + " vs vector " + actual + ", |Δ| = " + Math.abs(expected - actual)
                    + " exceeds the bound " + bound);
        }
    }

    /** Bit for bit (Double.compare: NaN equals NaN, -0 differs from +0). */
    static void identical(String what, double[] expected, double[] actual) {
        for (int i = 0; i < expected.length; i++) {
            if (Double.compare(expected[i], actual[i]) != 0) {
                fail(what + ": element " + i + " scalar " + expected[i] + " vs vector " + actual[i]);
            }
        }
    }

    /** Cells of {@code after} outside [offset, offset + n) equal those of {@code before}, bit for bit. */
    static void guardsUntouched(String what, double[] before, double[] after, int offset, int n) {
        assertEquals(before.length, after.length);
        for (int i = 0; i < before.length; i++) {
            if ((i < offset || i >= offset + n) && Double.doubleToRawLongBits(before[i]) != Double.doubleToRawLongBits(after[i])) {
                fail(what + ": guard cell " + i + " changed from " + before[i] + " to " + after[i]
                        + " (output range [" + offset + ", " + (offset + n) + "))");
            }
        }
    }

    static void unchanged(String what, double[] before, double[] after) {
        assertTrue(Arrays.equals(before, after), what + " must not be modified");
    }

    /** An array of offset + n + guard cells: random guards around the range [offset, offset + n). */
    static double[] padded(SplittableRandom random, double[] values, int offset, int guard) {
        double[] a = new double[offset + values.length + guard];
        for (int i = 0; i < a.length; i++) a[i] = random.nextDouble(100, 200);
        System.arraycopy(values, 0, a, offset, values.length);
        return a;
    }
}
