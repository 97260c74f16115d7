package dev.shrink.kernels.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.lang.invoke.MethodHandles;

/**
 * The float32 register tile of 8 rows by 2 float vectors (8×8 at 128 bits, 8×16 at 256, 8×32 at 512): 8·2
 * accumulators, 2 vector loads and 8 broadcasts per step for 16 FMAs, as {@code MicroKernel8x2} on float lanes (MR = 8
 * divides NR at every width, so one template serves all three). A template specialized per width by
 * {@link Specialization} from the double species of that width.
 */
final class FloatMicroKernel8x2 extends FloatMicroKernel {
    private static final VectorSpecies<Double> S = Specialization.species(MethodHandles.lookup());
    private static final VectorSpecies<Float> F = S.withLanes(float.class);
    private static final int L = F.length();
    /** Float lanes of half the width: as many as the double lanes, the target of one double vector narrowed. */
    private static final VectorSpecies<Float> HALF = S.vectorBitSize() >= 256
            ? VectorSpecies.of(float.class, VectorShape.forBitSize(S.vectorBitSize() / 2)) : null;
    private static final int DL = S.length();
    private static final int MR = 8;
    private static final int NR = 2 * L;

    FloatMicroKernel8x2() {
        super(MR, NR);
    }

    @Override
    void update(int kb, float[] a, int aOff, int aStride, float[] b, int bOff, float[] c, int cOff, int ldc) {
        FloatVector c00 = FloatVector.zero(F); FloatVector c01 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F); FloatVector c11 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F); FloatVector c21 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F); FloatVector c31 = FloatVector.zero(F);
        FloatVector c40 = FloatVector.zero(F); FloatVector c41 = FloatVector.zero(F);
        FloatVector c50 = FloatVector.zero(F); FloatVector c51 = FloatVector.zero(F);
        FloatVector c60 = FloatVector.zero(F); FloatVector c61 = FloatVector.zero(F);
        FloatVector c70 = FloatVector.zero(F); FloatVector c71 = FloatVector.zero(F);
        for (int k = 0; k < kb; k++) {
            int ai = aOff + k * aStride;
            int bi = bOff + k * NR;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + L);
            FloatVector a0 = FloatVector.broadcast(F, a[ai + 0]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(F, a[ai + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(F, a[ai + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(F, a[ai + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(F, a[ai + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(F, a[ai + 5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(F, a[ai + 6]);
            c60 = a6.fma(b0, c60); c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(F, a[ai + 7]);
            c70 = a7.fma(b0, c70); c71 = a7.fma(b1, c71);
        }
        // Written out: a helper taking the accumulators would not be inlined in a method this large (C2's node-count
        // cutoff), and passing vectors to a call boxes them (measured: the float32 Gram ran 4× slower).
        int r0 = cOff;
        FloatVector.fromArray(F, c, r0).add(c00).intoArray(c, r0);
        FloatVector.fromArray(F, c, r0 + L).add(c01).intoArray(c, r0 + L);
        int r1 = cOff + 1 * ldc;
        FloatVector.fromArray(F, c, r1).add(c10).intoArray(c, r1);
        FloatVector.fromArray(F, c, r1 + L).add(c11).intoArray(c, r1 + L);
        int r2 = cOff + 2 * ldc;
        FloatVector.fromArray(F, c, r2).add(c20).intoArray(c, r2);
        FloatVector.fromArray(F, c, r2 + L).add(c21).intoArray(c, r2 + L);
        int r3 = cOff + 3 * ldc;
        FloatVector.fromArray(F, c, r3).add(c30).intoArray(c, r3);
        FloatVector.fromArray(F, c, r3 + L).add(c31).intoArray(c, r3 + L);
        int r4 = cOff + 4 * ldc;
        FloatVector.fromArray(F, c, r4).add(c40).intoArray(c, r4);
        FloatVector.fromArray(F, c, r4 + L).add(c41).intoArray(c, r4 + L);
        int r5 = cOff + 5 * ldc;
        FloatVector.fromArray(F, c, r5).add(c50).intoArray(c, r5);
        FloatVector.fromArray(F, c, r5 + L).add(c51).intoArray(c, r5 + L);
        int r6 = cOff + 6 * ldc;
        FloatVector.fromArray(F, c, r6).add(c60).intoArray(c, r6);
        FloatVector.fromArray(F, c, r6 + L).add(c61).intoArray(c, r6 + L);
        int r7 = cOff + 7 * ldc;
        FloatVector.fromArray(F, c, r7).add(c70).intoArray(c, r7);
        FloatVector.fromArray(F, c, r7 + L).add(c71).intoArray(c, r7 + L);
    }

    @Override
    void packRow(double[] src, int s0, int panels, int pw, double s, double[] center, float[] dst, int d, int panelStride) {
        if (HALF == null) { // 128 bits: two-lane float vectors are not worth it; plain loop
            for (int q = 0; q < panels; q++, d += panelStride) {
                for (int j = 0; j < pw; j++) {
                    int col = q * pw + j;
                    dst[d + j] = (float) (s * (src[s0 + col] - (center == null ? 0.0 : center[col])));
                }
            }
            return;
        }
        DoubleVector scale = DoubleVector.broadcast(S, s);
        for (int q = 0; q < panels; q++, d += panelStride) {
            for (int j = 0; j < pw; j += DL) {
                int col = q * pw + j;
                DoubleVector v = DoubleVector.fromArray(S, src, s0 + col);
                if (center != null) v = v.sub(DoubleVector.fromArray(S, center, col));
                ((FloatVector) v.mul(scale).convertShape(VectorOperators.D2F, HALF, 0)).intoArray(dst, d + j);
            }
        }
    }
}
