package dev.shrink.cli.data;

import java.util.Arrays;

/** A growable list of doubles (a response or weight column while its length is unknown). */
final class DoubleList {
    private double[] values = new double[1024];
    private int size;

    void add(double v) {
        if (size == values.length) values = Arrays.copyOf(values, values.length * 2);
        values[size++] = v;
    }

    int size() {
        return size;
    }

    double get(int i) {
        return values[i];
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
