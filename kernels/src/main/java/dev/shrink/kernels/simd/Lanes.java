package dev.shrink.kernels.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * Horizontal sums in a fixed order.
 *
 * <p>{@code reduceLanes(ADD)} leaves the order of the additions unspecified, and HotSpot uses that freedom: the
 * interpreted fallback adds lanes left to right while C2's intrinsic adds them as a tree, so the same call gave
 * results one ulp apart before and after compilation (dot of 4099 doubles at 512 bits). A kernel must give the
 * same bits for the same input on every call and every thread — folds run in parallel must equal folds run in
 * sequence — so lanes are summed here left to right; after inlining into a kernel whose species is constant, C2
 * unrolls the loop into lane extracts.
 */
final class Lanes {
    private Lanes() {}

    /** v[0] + v[1] + … + v[L−1], left to right. */
    static double sum(DoubleVector v) {
        double s = v.lane(0);
        for (int i = 1; i < v.length(); i++) s += v.lane(i);
        return s;
    }

    /** v[0] + v[1] + … + v[L−1] in float32, left to right. */
    static float sum(FloatVector v) {
        float s = v.lane(0);
        for (int i = 1; i < v.length(); i++) s += v.lane(i);
        return s;
    }
}
