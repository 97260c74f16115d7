package dev.shrink.bench.report;

import dev.shrink.charts.SvgChart;

import java.util.ArrayList;
import java.util.List;

/** A small table rendered both as Markdown and as HTML, so the two report files always say the same. */
final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> header) {
        this.header = List.copyOf(header);
    }

    Table add(List<String> row) {
        if (row.size() != header.size()) throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size());
        rows.add(List.copyOf(row));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        sb.append('|');
        for (int i = 0; i < header.size(); i++) sb.append(i == 0 ? "---|" : "---:|");
        sb.append('\n');
        for (List<String> r : rows) line(sb, r);
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String c : cells) sb.append(' ').append(c.replace("|", "\\|")).append(" |");
        sb.append('\n');
    }

    String html() {
        StringBuilder sb = new StringBuilder("<table>\n<thead><tr>");
        for (String h : header) sb.append("<th>").append(SvgChart.escape(h)).append("</th>");
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : rows) {
            sb.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                boolean number = i > 0 && !r.get(i).isEmpty() && "0123456789-–.".indexOf(r.get(i).charAt(0)) >= 0;
                sb.append(number ? "<td class=\"num\">" : "<td>").append(SvgChart.escape(r.get(i))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody></table>\n").toString();
    }
}
