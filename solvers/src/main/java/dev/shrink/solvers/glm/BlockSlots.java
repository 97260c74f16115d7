package dev.shrink.solvers.glm;

import java.util.Arrays;

/**
 * The slot bookkeeping every {@link ColumnBlock} shares: which feature sits in which slot (slots in the order the
 * features were added, each batch ascending), and the batch of new features an {@link ColumnBlock#add} brings.
 */
abstract class BlockSlots implements ColumnBlock {
    final int n;
    private final int[] slotOf;
    int[] features = new int[0];
    int m;

    BlockSlots(int n, int p) {
        this.n = n;
        this.slotOf = new int[p];
        Arrays.fill(slotOf, -1);
    }

    @Override
    public final int rows() {
        return n;
    }

    @Override
    public final int size() {
        return m;
    }

    @Override
    public final int feature(int slot) {
        return features[slot];
    }

    @Override
    public final int slot(int feature) {
        return slotOf[feature];
    }

    /** The features of {@code add[0 .. count)} not in the block yet, ascending (empty: nothing to add). */
    final int[] fresh(int[] add, int count) {
        int[] todo = new int[count];
        int fresh = 0;
        for (int t = 0; t < count; t++) if (slotOf[add[t]] < 0) todo[fresh++] = add[t];
        todo = Arrays.copyOf(todo, fresh);
        Arrays.sort(todo);
        return todo;
    }

    /** Gives the features {@code todo} the next slots (the caller has stored their columns). */
    final void assign(int[] todo) {
        if (m + todo.length > features.length) features = Arrays.copyOf(features, Math.max(m + todo.length, 2 * features.length));
        for (int j : todo) {
            features[m] = j;
            slotOf[j] = m++;
        }
    }
}
