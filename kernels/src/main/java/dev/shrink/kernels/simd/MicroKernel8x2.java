package dev.shrink.kernels.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import java.lang.invoke.MethodHandles;

/**
 * The register tile of 8 rows by 2 vectors (8×8 at 256 bits, 8×16 at 512): 8·2 accumulators, 2 vector loads and 8
 * broadcasts per step for 16 FMAs (BLIS micro-kernel, Van Zee &amp; van de Geijn, TOMS 2015). Written out
 * straight so that C2 keeps every accumulator in a register. A template specialized per width by
 * {@link Specialization} (see {@link MicroKernel#forBits}), so the species is a constant and every vector intrinsifies.
 */
final class MicroKernel8x2 extends MicroKernel {
    private static final VectorSpecies<Double> S = Specialization.species(MethodHandles.lookup());
    private static final int L = S.length();
    private static final int MR = 8;
    private static final int NR = 2 * L;

    MicroKernel8x2() {
        super(MR, NR, S.vectorBitSize());
    }

    @Override
    void update(int kb, double[] a, int aOff, int aStride, double[] b, int bOff, double[] c, int cOff, int ldc, boolean subtract) {
        DoubleVector c00 = DoubleVector.zero(S); DoubleVector c01 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S); DoubleVector c11 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S); DoubleVector c21 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S); DoubleVector c31 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S); DoubleVector c41 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S); DoubleVector c51 = DoubleVector.zero(S);
        DoubleVector c60 = DoubleVector.zero(S); DoubleVector c61 = DoubleVector.zero(S);
        DoubleVector c70 = DoubleVector.zero(S); DoubleVector c71 = DoubleVector.zero(S);
        for (int k = 0; k < kb; k++) {
            int ai = aOff + k * aStride;
            int bi = bOff + k * NR;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bi + L);
            DoubleVector a0 = DoubleVector.broadcast(S, a[ai + 0]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ai + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ai + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ai + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31);
            DoubleVector a4 = DoubleVector.broadcast(S, a[ai + 4]);
            c40 = a4.fma(b0, c40); c41 = a4.fma(b1, c41);
            DoubleVector a5 = DoubleVector.broadcast(S, a[ai + 5]);
            c50 = a5.fma(b0, c50); c51 = a5.fma(b1, c51);
            DoubleVector a6 = DoubleVector.broadcast(S, a[ai + 6]);
            c60 = a6.fma(b0, c60); c61 = a6.fma(b1, c61);
            DoubleVector a7 = DoubleVector.broadcast(S, a[ai + 7]);
            c70 = a7.fma(b0, c70); c71 = a7.fma(b1, c71);
        }
        if (subtract) {
            int r0 = cOff;
            DoubleVector.fromArray(S, c, r0).sub(c00).intoArray(c, r0);
            DoubleVector.fromArray(S, c, r0 + L).sub(c01).intoArray(c, r0 + L);
            int r1 = cOff + 1 * ldc;
            DoubleVector.fromArray(S, c, r1).sub(c10).intoArray(c, r1);
            DoubleVector.fromArray(S, c, r1 + L).sub(c11).intoArray(c, r1 + L);
            int r2 = cOff + 2 * ldc;
            DoubleVector.fromArray(S, c, r2).sub(c20).intoArray(c, r2);
            DoubleVector.fromArray(S, c, r2 + L).sub(c21).intoArray(c, r2 + L);
            int r3 = cOff + 3 * ldc;
            DoubleVector.fromArray(S, c, r3).sub(c30).intoArray(c, r3);
            DoubleVector.fromArray(S, c, r3 + L).sub(c31).intoArray(c, r3 + L);
            int r4 = cOff + 4 * ldc;
            DoubleVector.fromArray(S, c, r4).sub(c40).intoArray(c, r4);
            DoubleVector.fromArray(S, c, r4 + L).sub(c41).intoArray(c, r4 + L);
            int r5 = cOff + 5 * ldc;
            DoubleVector.fromArray(S, c, r5).sub(c50).intoArray(c, r5);
            DoubleVector.fromArray(S, c, r5 + L).sub(c51).intoArray(c, r5 + L);
            int r6 = cOff + 6 * ldc;
            DoubleVector.fromArray(S, c, r6).sub(c60).intoArray(c, r6);
            DoubleVector.fromArray(S, c, r6 + L).sub(c61).intoArray(c, r6 + L);
            int r7 = cOff + 7 * ldc;
            DoubleVector.fromArray(S, c, r7).sub(c70).intoArray(c, r7);
            DoubleVector.fromArray(S, c, r7 + L).sub(c71).intoArray(c, r7 + L);
        } else {
            int r0 = cOff;
            DoubleVector.fromArray(S, c, r0).add(c00).intoArray(c, r0);
            DoubleVector.fromArray(S, c, r0 + L).add(c01).intoArray(c, r0 + L);
            int r1 = cOff + 1 * ldc;
            DoubleVector.fromArray(S, c, r1).add(c10).intoArray(c, r1);
            DoubleVector.fromArray(S, c, r1 + L).add(c11).intoArray(c, r1 + L);
            int r2 = cOff + 2 * ldc;
            DoubleVector.fromArray(S, c, r2).add(c20).intoArray(c, r2);
            DoubleVector.fromArray(S, c, r2 + L).add(c21).intoArray(c, r2 + L);
            int r3 = cOff + 3 * ldc;
            DoubleVector.fromArray(S, c, r3).add(c30).intoArray(c, r3);
            DoubleVector.fromArray(S, c, r3 + L).add(c31).intoArray(c, r3 + L);
            int r4 = cOff + 4 * ldc;
            DoubleVector.fromArray(S, c, r4).add(c40).intoArray(c, r4);
            DoubleVector.fromArray(S, c, r4 + L).add(c41).intoArray(c, r4 + L);
            int r5 = cOff + 5 * ldc;
            DoubleVector.fromArray(S, c, r5).add(c50).intoArray(c, r5);
            DoubleVector.fromArray(S, c, r5 + L).add(c51).intoArray(c, r5 + L);
            int r6 = cOff + 6 * ldc;
            DoubleVector.fromArray(S, c, r6).add(c60).intoArray(c, r6);
            DoubleVector.fromArray(S, c, r6 + L).add(c61).intoArray(c, r6 + L);
            int r7 = cOff + 7 * ldc;
            DoubleVector.fromArray(S, c, r7).add(c70).intoArray(c, r7);
            DoubleVector.fromArray(S, c, r7 + L).add(c71).intoArray(c, r7 + L);
        }
    }

    @Override
    void packRow(double[] src, int s, int panels, int pw, double w, double[] dst, int d, int panelStride) {
        DoubleVector scale = DoubleVector.broadcast(S, w);
        for (int q = 0; q < panels; q++, s += pw, d += panelStride) {
            for (int v = 0; v < pw; v += L) DoubleVector.fromArray(S, src, s + v).mul(scale).intoArray(dst, d + v);
        }
    }
}
