package dev.shrink.kernels.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import java.lang.invoke.MethodHandles;

/**
 * The register tile of 4 rows by 4 vectors (4×8 at 128 bits): 4·4 accumulators, 4 vector loads and 4
 * broadcasts per step for 16 FMAs (BLIS micro-kernel, Van Zee &amp; van de Geijn, TOMS 2015). Written out
 * straight so that C2 keeps every accumulator in a register. The 128-bit kernel: with two lanes the 8-row tile of
 * {@code MicroKernel8x2} would be 8×4, and the Gram needs MR to divide NR. A template specialized by
 * {@link Specialization} (see {@link MicroKernel#forBits}), so the species is a constant and every vector intrinsifies.
 */
final class MicroKernel4x4 extends MicroKernel {
    private static final VectorSpecies<Double> S = Specialization.species(MethodHandles.lookup());
    private static final int L = S.length();
    private static final int MR = 4;
    private static final int NR = 4 * L;

    MicroKernel4x4() {
        super(MR, NR, S.vectorBitSize());
    }

    @Override
    void update(int kb, double[] a, int aOff, int aStride, double[] b, int bOff, double[] c, int cOff, int ldc, boolean subtract) {
        DoubleVector c00 = DoubleVector.zero(S); DoubleVector c01 = DoubleVector.zero(S); DoubleVector c02 = DoubleVector.zero(S); DoubleVector c03 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S); DoubleVector c11 = DoubleVector.zero(S); DoubleVector c12 = DoubleVector.zero(S); DoubleVector c13 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S); DoubleVector c21 = DoubleVector.zero(S); DoubleVector c22 = DoubleVector.zero(S); DoubleVector c23 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S); DoubleVector c31 = DoubleVector.zero(S); DoubleVector c32 = DoubleVector.zero(S); DoubleVector c33 = DoubleVector.zero(S);
        for (int k = 0; k < kb; k++) {
            int ai = aOff + k * aStride;
            int bi = bOff + k * NR;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bi + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bi + 2 * L);
            DoubleVector b3 = DoubleVector.fromArray(S, b, bi + 3 * L);
            DoubleVector a0 = DoubleVector.broadcast(S, a[ai + 0]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01); c02 = a0.fma(b2, c02); c03 = a0.fma(b3, c03);
            DoubleVector a1 = DoubleVector.broadcast(S, a[ai + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11); c12 = a1.fma(b2, c12); c13 = a1.fma(b3, c13);
            DoubleVector a2 = DoubleVector.broadcast(S, a[ai + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21); c22 = a2.fma(b2, c22); c23 = a2.fma(b3, c23);
            DoubleVector a3 = DoubleVector.broadcast(S, a[ai + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31); c32 = a3.fma(b2, c32); c33 = a3.fma(b3, c33);
        }
        if (subtract) {
            int r0 = cOff;
            DoubleVector.fromArray(S, c, r0).sub(c00).intoArray(c, r0);
            DoubleVector.fromArray(S, c, r0 + L).sub(c01).intoArray(c, r0 + L);
            DoubleVector.fromArray(S, c, r0 + 2 * L).sub(c02).intoArray(c, r0 + 2 * L);
            DoubleVector.fromArray(S, c, r0 + 3 * L).sub(c03).intoArray(c, r0 + 3 * L);
            int r1 = cOff + 1 * ldc;
            DoubleVector.fromArray(S, c, r1).sub(c10).intoArray(c, r1);
            DoubleVector.fromArray(S, c, r1 + L).sub(c11).intoArray(c, r1 + L);
            DoubleVector.fromArray(S, c, r1 + 2 * L).sub(c12).intoArray(c, r1 + 2 * L);
            DoubleVector.fromArray(S, c, r1 + 3 * L).sub(c13).intoArray(c, r1 + 3 * L);
            int r2 = cOff + 2 * ldc;
            DoubleVector.fromArray(S, c, r2).sub(c20).intoArray(c, r2);
            DoubleVector.fromArray(S, c, r2 + L).sub(c21).intoArray(c, r2 + L);
            DoubleVector.fromArray(S, c, r2 + 2 * L).sub(c22).intoArray(c, r2 + 2 * L);
            DoubleVector.fromArray(S, c, r2 + 3 * L).sub(c23).intoArray(c, r2 + 3 * L);
            int r3 = cOff + 3 * ldc;
            DoubleVector.fromArray(S, c, r3).sub(c30).intoArray(c, r3);
            DoubleVector.fromArray(S, c, r3 + L).sub(c31).intoArray(c, r3 + L);
            DoubleVector.fromArray(S, c, r3 + 2 * L).sub(c32).intoArray(c, r3 + 2 * L);
            DoubleVector.fromArray(S, c, r3 + 3 * L).sub(c33).intoArray(c, r3 + 3 * L);
        } else {
            int r0 = cOff;
            DoubleVector.fromArray(S, c, r0).add(c00).intoArray(c, r0);
            DoubleVector.fromArray(S, c, r0 + L).add(c01).intoArray(c, r0 + L);
            DoubleVector.fromArray(S, c, r0 + 2 * L).add(c02).intoArray(c, r0 + 2 * L);
            DoubleVector.fromArray(S, c, r0 + 3 * L).add(c03).intoArray(c, r0 + 3 * L);
            int r1 = cOff + 1 * ldc;
            DoubleVector.fromArray(S, c, r1).add(c10).intoArray(c, r1);
            DoubleVector.fromArray(S, c, r1 + L).add(c11).intoArray(c, r1 + L);
            DoubleVector.fromArray(S, c, r1 + 2 * L).add(c12).intoArray(c, r1 + 2 * L);
            DoubleVector.fromArray(S, c, r1 + 3 * L).add(c13).intoArray(c, r1 + 3 * L);
            int r2 = cOff + 2 * ldc;
            DoubleVector.fromArray(S, c, r2).add(c20).intoArray(c, r2);
            DoubleVector.fromArray(S, c, r2 + L).add(c21).intoArray(c, r2 + L);
            DoubleVector.fromArray(S, c, r2 + 2 * L).add(c22).intoArray(c, r2 + 2 * L);
            DoubleVector.fromArray(S, c, r2 + 3 * L).add(c23).intoArray(c, r2 + 3 * L);
            int r3 = cOff + 3 * ldc;
            DoubleVector.fromArray(S, c, r3).add(c30).intoArray(c, r3);
            DoubleVector.fromArray(S, c, r3 + L).add(c31).intoArray(c, r3 + L);
            DoubleVector.fromArray(S, c, r3 + 2 * L).add(c32).intoArray(c, r3 + 2 * L);
            DoubleVector.fromArray(S, c, r3 + 3 * L).add(c33).intoArray(c, r3 + 3 * L);
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
