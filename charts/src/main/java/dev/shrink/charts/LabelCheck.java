package dev.shrink.charts;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a chart as a reader would see it: no two of its labels (axis ticks, category and bar labels, bar notes,
 * legend entries) overlap. Label boxes come from the same width estimate the charts lay out with, turned by each
 * label's rotation, so tests of any chart drawn here, and of pages that embed them, can assert a readable layout.
 */
public final class LabelCheck {
    private LabelCheck() {}

    /** The text classes whose boxes must stay apart (the title and reference labels are placed apart by design). */
    static final List<String> CLASSES = List.of("xtick", "ytick", "bar-label", "bar-note", "legend-label");

    /** A label's text and box {x0, y0, x1, y1} in the chart's pixels. */
    public record Box(String text, double x0, double y0, double x1, double y1) {
        boolean overlaps(Box o) {
            return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
        }
    }

    /** Every pair of overlapping labels of one {@code <svg>} document, described; empty when the layout is clean. */
    public static List<String> overlaps(String svg) {
        List<Box> boxes = boxes(svg);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                if (boxes.get(i).overlaps(boxes.get(j))) out.add("'" + boxes.get(i).text() + "' overlaps '" + boxes.get(j).text() + "'");
            }
        }
        return out;
    }

    /** The label boxes of one {@code <svg>} document, of the classes in {@link #CLASSES}. */
    public static List<Box> boxes(String svg) {
        Document doc = parse(svg);
        double width = Double.parseDouble(doc.getDocumentElement().getAttribute("width"));
        List<Box> boxes = new ArrayList<>();
        NodeList texts = doc.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element t = (Element) texts.item(i);
            if (!CLASSES.contains(t.getAttribute("class"))) continue;
            boxes.add(box(t));
        }
        for (Box b : boxes) {
            if (b.x0() < -0.5 || b.x1() > width + 0.5) {
                throw new IllegalStateException(String.format(Locale.ROOT, "label '%s' leaves the chart: x %.1f … %.1f of %.0f",
                        b.text(), b.x0(), b.x1(), width));
            }
        }
        return boxes;
    }

    private static Box box(Element t) {
        double fs = t.hasAttribute("font-size") ? Double.parseDouble(t.getAttribute("font-size")) : SvgChart.FONT;
        double x = Double.parseDouble(t.getAttribute("x")), y = Double.parseDouble(t.getAttribute("y"));
        double w = TextWidth.of(t.getTextContent(), fs);
        String anchor = t.getAttribute("text-anchor");
        double left = anchor.equals("end") ? x - w : anchor.equals("middle") ? x - w / 2 : x;
        // Ascent 0.8 em above the baseline, descent 0.25 em below.
        double[][] corners = {{left, y - 0.8 * fs}, {left + w, y - 0.8 * fs}, {left, y + 0.25 * fs}, {left + w, y + 0.25 * fs}};
        String transform = t.getAttribute("transform");
        if (transform.startsWith("rotate(")) {
            String[] p = transform.substring(7, transform.length() - 1).trim().split("[ ,]+");
            double a = Math.toRadians(Double.parseDouble(p[0]));
            double cx = p.length > 2 ? Double.parseDouble(p[1]) : 0, cy = p.length > 2 ? Double.parseDouble(p[2]) : 0;
            for (double[] c : corners) {
                double dx = c[0] - cx, dy = c[1] - cy;
                c[0] = cx + dx * Math.cos(a) - dy * Math.sin(a);
                c[1] = cy + dx * Math.sin(a) + dy * Math.cos(a);
            }
        }
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (double[] c : corners) {
            x0 = Math.min(x0, c[0]);
            y0 = Math.min(y0, c[1]);
            x1 = Math.max(x1, c[0]);
            y1 = Math.max(y1, c[1]);
        }
        return new Box(t.getTextContent(), x0, y0, x1, y1);
    }

    static Document parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not a well-formed SVG document: " + e.getMessage(), e);
        }
    }
}
