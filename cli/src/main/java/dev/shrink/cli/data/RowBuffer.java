package dev.shrink.cli.data;

import dev.shrink.kernels.Layout;
import dev.shrink.kernels.MatrixView;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of a fixed width, filled in place one row at a time, that end as one row-major {@link MatrixView} with at most
 * one copy of the data. The first block holds the estimated number of rows (a reader estimates them from the file
 * size), so that a good estimate costs no copy at all: the view then lies in that block, which may be a little longer
 * than n·p. Rows beyond the estimate go to further blocks, joined by one copy at the end.
 */
final class RowBuffer {
    /** Rows per block after the first one (about 8 MB of doubles at p = 100). */
    private static final int BLOCK_ELEMENTS = 1 << 20;

    private final int width;
    private final List<double[]> blocks = new ArrayList<>();
    private double[] block;
    private int offset;   // start of the next row in block
    private long rows;

    RowBuffer(int width, long estimatedRows) {
        this.width = width;
        long first = Math.max(1, Math.min(estimatedRows, maxRows(width))) * width;
        this.block = new double[(int) Math.max(width, first)];
        blocks.add(block);
    }

    private static long maxRows(int width) {
        return (Integer.MAX_VALUE - 8) / Math.max(1, width);
    }

    /** The block that the next row goes to; write its values at {@link #rowOffset()} .. + width, then {@link #endRow()}. */
    double[] block() {
        return block;
    }

    int rowOffset() {
        return offset;
    }

    /** Whether the current block is full; then {@link #newBlock()} before writing. */
    boolean full() {
        return offset + width > block.length;
    }

    void newBlock() {
        block = new double[Math.max(width, BLOCK_ELEMENTS / width * width)];
        blocks.add(block);
        offset = 0;
    }

    /** The row just written is complete. */
    void endRow() {
        offset += width;
        rows++;
    }

    long rows() {
        return rows;
    }

    /** All rows as one row-major view: the first block itself when it holds them all, else one copy. */
    MatrixView view(String file) {
        if (rows * width > Integer.MAX_VALUE - 8) {
            throw DataException.in(file, rows + " rows × " + width + " features = " + rows * width
                    + " values, more than one Java array holds (2³¹ − 8)");
        }
        int n = (int) rows;
        if (blocks.size() == 1) return new MatrixView(blocks.getFirst(), 0, n, width, Math.max(1, width), Layout.ROW_MAJOR);
        double[] all = new double[n * width];
        int at = 0;
        for (int b = 0; b < blocks.size(); b++) {
            double[] src = blocks.get(b);
            // every block but the last was filled to its last whole row
            int len = b == blocks.size() - 1 ? offset : src.length / width * width;
            System.arraycopy(src, 0, all, at, len);
            at += len;
        }
        return MatrixView.rowMajor(all, n, width);
    }
}
