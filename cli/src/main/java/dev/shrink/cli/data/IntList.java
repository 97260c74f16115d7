package dev.shrink.cli.data;

import java.util.Arrays;

/** A growable list of ints (indices of sparse entries while their number is unknown). */
final class IntList {
    private int[] values = new int[1024];
    private int size;

    void add(int v) {
        if (size == values.length) values = Arrays.copyOf(values, values.length * 2);
        values[size++] = v;
    }

    int size() {
        return size;
    }

    int get(int i) {
        return values[i];
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
