package dev.shrink.bench.data;

import java.util.SplittableRandom;

/** Deterministic (seeded) benchmark inputs: the same seed gives the same bits on every JVM and machine. */
public final class Matrices {
    private Matrices() {}

    /** {@code count} standard normal values from {@code seed}. */
    public static double[] gaussian(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[count];
        for (int i = 0; i < count; i++) v[i] = normal(random);
        return v;
    }

    /**
     * A well-conditioned symmetric positive definite p×p matrix, row-major, both triangles: a random symmetric matrix
     * that is strictly diagonally dominant (|off-diagonal| &lt; 1/p, diagonal in [1, 2)), hence positive definite.
     */
    public static double[] spd(long seed, int p) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                double v = (random.nextDouble() * 2 - 1) / Math.max(1, p);
                a[i * p + j] = v;
                a[j * p + i] = v;
            }
            a[i * p + i] = 1 + random.nextDouble();
        }
        return a;
    }

    /** A standard normal value by Box–Muller (Knuth TAOCP 3.4.1); one of the pair is dropped for simplicity. */
    static double normal(SplittableRandom random) {
        double u = 1 - random.nextDouble();   // (0, 1]: log is finite
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
