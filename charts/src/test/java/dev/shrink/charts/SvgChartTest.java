package dev.shrink.charts;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SvgChartTest {

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void lineChartHasOneLinePerSeriesAPointPerValueAndHonestHeights() throws Exception {
        String svg = SvgChart.lines("gram <GFLOP/s>", "GFLOP/s", List.of("100", "500", "2000"),
                List.of(new SvgChart.Series("vector-512", new double[] {10, 40, 20}),
                        new SvgChart.Series("openblas-SkylakeX", new double[] {30, Double.NaN, 35})),
                50, "measured peak");
        Document doc = parse(svg);   // well-formed XML, so the title's '<' was escaped
        assertEquals("svg", doc.getDocumentElement().getLocalName());

        NodeList series = doc.getElementsByTagName("g");
        int seriesGroups = 0;
        for (int i = 0; i < series.getLength(); i++) {
            if ("series".equals(((Element) series.item(i)).getAttribute("class"))) seriesGroups++;
        }
        assertEquals(2, seriesGroups);
        NodeList lines = doc.getElementsByTagName("polyline");
        assertEquals(2, lines.getLength());
        assertEquals(3, ((Element) lines.item(0)).getAttribute("points").split(" ").length);
        assertEquals(2, ((Element) lines.item(1)).getAttribute("points").split(" ").length, "NaN is a gap, not a zero");

        NodeList circles = doc.getElementsByTagName("circle");
        assertEquals(5, circles.getLength());
        // The axis runs from 0 to 50 (the reference): a value v sits at TOP + plotH·(1 − v/50).
        int plotH = SvgChart.HEIGHT - SvgChart.TOP - SvgChart.BOTTOM;
        Element forty = (Element) circles.item(1);
        assertEquals("40.00", forty.getAttribute("data-value"));
        assertEquals(SvgChart.TOP + plotH * (1 - 40.0 / 50), Double.parseDouble(forty.getAttribute("cy")), 0.06);
        double x0 = Double.parseDouble(((Element) circles.item(0)).getAttribute("cx"));
        double x1 = Double.parseDouble(((Element) circles.item(1)).getAttribute("cx"));
        assertTrue(x1 > x0, "categories run left to right in the given order");

        NodeList refs = doc.getElementsByTagName("line");
        boolean reference = false;
        for (int i = 0; i < refs.getLength(); i++) {
            Element e = (Element) refs.item(i);
            if ("reference".equals(e.getAttribute("class"))) {
                reference = true;
                assertEquals(SvgChart.TOP, Double.parseDouble(e.getAttribute("y1")), 0.06, "the peak is the top of the axis");
            }
        }
        assertTrue(reference);
        assertTrue(svg.contains(">vector-512</text>") && svg.contains(">openblas-SkylakeX</text>"), "legend names every series");
        assertTrue(svg.contains(">2000</text>"), "x tick labels");
    }

    @Test
    void barChartHasOneBarPerFiniteValue() throws Exception {
        String svg = SvgChart.bars("time", "s", List.of("ridge", "lasso"),
                List.of(new SvgChart.Series("shrink", new double[] {0.1, 0.2}),
                        new SvgChart.Series("sklearn", new double[] {0.4, Double.NaN})));
        Document doc = parse(svg);
        NodeList rects = doc.getElementsByTagName("rect");
        int bars = 0;
        double tallest = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.hasAttribute("data-value")) {
                bars++;
                tallest = Math.max(tallest, Double.parseDouble(r.getAttribute("height")));
            }
        }
        assertEquals(3, bars);
        int plotH = SvgChart.HEIGHT - SvgChart.TOP - SvgChart.BOTTOM;
        assertEquals(plotH * 0.4 / 0.5, tallest, 0.1, "axis top is the nice ceiling 0.5 of the largest value 0.4");
    }

    @Test
    void niceCeilingAndBadInput() {
        assertEquals(50, SvgChart.niceCeiling(41));
        assertEquals(100, SvgChart.niceCeiling(100));
        assertEquals(0.25, SvgChart.niceCeiling(0.21), 1e-15);
        assertEquals(1, SvgChart.niceCeiling(0));
        assertThrows(IllegalArgumentException.class, () -> SvgChart.lines("t", "y", List.of("a"),
                List.of(new SvgChart.Series("s", new double[] {1, 2})), Double.NaN, null));
    }
}
