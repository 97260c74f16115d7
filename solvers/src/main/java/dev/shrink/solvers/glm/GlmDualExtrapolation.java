package dev.shrink.solvers.glm;

import dev.shrink.solvers.internal.AndersonWeights;
import dev.shrink.solvers.internal.Thresholds;

/**
 * Dual extrapolation for the GLM engine (Massias, Vaiter, Gramfort &amp; Salmon 2020, "Dual extrapolation for sparse
 * GLMs", JMLR 21, §4): the linear predictors ηₜ = X̃wₜ + bₜ of the last (up to {@value Thresholds#EXTRAPOLATION_DEPTH} + 1)
 * accepted iterates of a solve, combined affinely by Anderson's weights ({@link AndersonWeights}: the combination that cancels
 * their differences best), give η_acc, and ∇F(η_acc) — rescaled into the dual feasible set by {@link ProximalNewton} —
 * is a second dual point beside the plain one. Any feasible point gives a valid gap, so the engine keeps the smaller:
 * extrapolation can only tighten the certificate, never invalidate it.
 */
final class GlmDualExtrapolation {
    /**
     * Whether {@link GlmProblem} attaches it: off unless {@code shrink.glm.extrapolation=true}. On the bench's binomial
     * workloads it never paid (logistic-l1 20000×1000: 58 points formed, none beat the plain gap; logistic-lasso-path:
     * 108 formed, 88 won, no measurable gain beside the extra ∇F and X̃ᵀ passes): proximal Newton's few, superlinear
     * steps leave little for Anderson's combination to cancel.
     */
    static final boolean ENABLED = Boolean.getBoolean("shrink.glm.extrapolation");
    /** Points formed and won by every instance in this JVM, printed at exit under {@code shrink.glm.screening.trace}. */
    private static final java.util.concurrent.atomic.AtomicLongArray TOTALS = new java.util.concurrent.atomic.AtomicLongArray(2);

    static {
        if (Boolean.getBoolean("shrink.glm.screening.trace")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.printf("dual extrapolation: %d points formed, %d gave the smaller gap%n",
                    TOTALS.get(0), TOTALS.get(1))));
        }
    }

    /** Counts a point whose gap beat the plain one. */
    void won() {
        won++;
        TOTALS.incrementAndGet(1);
    }
    private final int size;
    private final int capacity = Thresholds.EXTRAPOLATION_DEPTH + 1;
    private final double[][] etas;
    private final double[] gram = new double[capacity * capacity];
    private final double[] c = new double[capacity];
    private int count;
    private int first;
    /** Extrapolated points formed, and those whose gap beat the plain one (tests and traces). */
    long formed;
    long won;

    /** @param size K·n, the length of the predictors */
    GlmDualExtrapolation(int size) {
        this.size = size;
        this.etas = new double[capacity][size];
    }

    /** Forgets the recorded predictors. */
    void restart() {
        count = 0;
        first = 0;
    }

    /** Records the predictors of an accepted iterate (the oldest of a full history is dropped). */
    void record(double[] eta) {
        int slot;
        if (count == capacity) {
            slot = first;
            first = (first + 1) % capacity;
        } else {
            slot = (first + count) % capacity;
            count++;
        }
        System.arraycopy(eta, 0, etas[slot], 0, size);
    }

    /** Whether at least three iterates are recorded (two differences: proximal Newton seldom takes more steps). */
    boolean ready() {
        return count >= 3;
    }

    /**
     * η_acc = Σₜ cₜ·ηₜ₊₁ over the recorded history (up to {@value Thresholds#EXTRAPOLATION_DEPTH} differences) into out
     * (length K·n); false with fewer than three iterates or when the differences degenerate.
     */
    boolean extrapolate(double[] out) {
        if (!ready()) return false;
        int depth = count - 1;
        double scale = 0;
        for (int a = 0; a < depth; a++) {
            double[] a0 = etas[(first + a) % capacity];
            double[] a1 = etas[(first + a + 1) % capacity];
            for (int b = 0; b <= a; b++) {
                double[] b0 = etas[(first + b) % capacity];
                double[] b1 = etas[(first + b + 1) % capacity];
                double d = 0;
                for (int i = 0; i < size; i++) d += (a1[i] - a0[i]) * (b1[i] - b0[i]);
                gram[a * depth + b] = d;
                gram[b * depth + a] = d;
            }
            scale = Math.max(scale, gram[a * depth + a]);
        }
        if (!AndersonWeights.affine(gram, depth, scale, c)) return false;
        java.util.Arrays.fill(out, 0, size, 0.0);
        for (int t = 0; t < depth; t++) {
            double[] e = etas[(first + t + 1) % capacity];
            for (int i = 0; i < size; i++) out[i] += c[t] * e[i];
        }
        formed++;
        TOTALS.incrementAndGet(0);
        return true;
    }
}
