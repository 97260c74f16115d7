package dev.shrink.cli.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV reader's two ways through a file (plain bytes, FastCSV from the first quoted line) and what it decides. */
class CsvTableReaderTest {
    @TempDir
    Path dir;

    private DataSet read(String content, String target) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.write(f, content.getBytes(StandardCharsets.UTF_8));
        return DataReader.read(new DataSpec(f, null, target, null, null, null, null, true), b -> {});
    }

    @Test
    void aQuotedCellWithTheSeparatorIsOneCell() throws IOException {
        DataException e = assertThrows(DataException.class, () -> read("a,b,y\n1,2,3\n4,5,6\n\"7\",\"8,5\",9\n10,x,12\n", "y"));
        assertEquals(dir.resolve("t.csv") + ":4:2: '8,5' is not a number in column 'b'", e.getMessage());
        DataException later = assertThrows(DataException.class, () -> read("a,b,y\n1,2,3\n\"4\",5,6\n10,x,12\n", "y"));
        assertEquals(dir.resolve("t.csv") + ":4:2: 'x' is not a number in column 'b'", later.getMessage(), "line numbers go on after FastCSV takes over");
    }

    @Test
    void byteOrderMarkQuotedHeaderCrlfAndBlankLines() throws IOException {
        DataSet d = read("\uFEFF\"a\",\"b c\",\"y\"\r\n1,2,3\r\n\r\n4,5,6\r\n", "y");
        assertEquals(List.of("a", "b c"), d.features());
        assertEquals(2, d.n());
        assertArrayEquals(new double[] {3, 6}, d.target().values());
        assertEquals(5.0, d.x().get(1, 1));
    }

    @Test
    void textColumnsAreLeftOutWithANoteAndTextTargetsAreLabels() throws IOException {
        DataSet d = read("id,x,label\nr1,0.5,yes\nr2,1.5,no\nr3,2.5,yes\n", "label");
        assertEquals(List.of("x"), d.features());
        assertEquals(1, d.notes().size());
        assertTrue(d.notes().getFirst().contains("column 'id' is not numeric ('r1' on line 2): left out"), d.notes().getFirst());
        assertEquals(List.of("no", "yes"), d.target().labels());
        assertArrayEquals(new double[] {1, 0, 1}, d.target().values());
    }

    @Test
    void aLineLongerThanTheBuffer() throws IOException {
        int p = 150_000; // about 1.3 MB per line
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < p; j++) s.append('x').append(j).append(',');
        s.append("y\n");
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < p; j++) s.append(i * 0.5 + j).append(',');
            s.append(i).append('\n');
        }
        DataSet d = read(s.toString(), "y");
        assertEquals(2, d.n());
        assertEquals(p, d.p());
        assertEquals(0.5 + (p - 1), d.x().get(1, p - 1));
    }

    @Test
    void noFinalLineBreakAndNoTarget() throws IOException {
        DataSet d = read("a,b\n1,2\n3,4", null);
        assertEquals(2, d.n());
        assertEquals(4.0, d.x().get(1, 1));
        assertNull(d.target());
    }
}
