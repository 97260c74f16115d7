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

    // ---- layout: axes fitted to the data, labels that never collide ----

    @Test
    void valuesSpanningDecadesGetALogAxisOverWholeDecades() throws Exception {
        Axis axis = Axis.fit(List.of(0.47, 3.2, 46.0, 812.0), Double.NaN);
        assertTrue(axis.log());
        assertEquals(0.1, axis.low(), 1e-15);
        assertEquals(1000, axis.high(), 1e-9);
        assertEquals(0.5, axis.fraction(10), 1e-12, "10 sits at the middle of 0.1 … 1000");
        assertTrue(axis.ticks().containsAll(List.of(0.1, 1.0, 10.0, 100.0, 1000.0)));
        Axis linear = Axis.fit(List.of(2.5, 46.0), 58.6);
        assertEquals(false, linear.log(), "within two decades the axis stays linear from zero");
        assertEquals(0, linear.low());
        assertEquals(100, linear.high());

        String svg = SvgChart.lines("time", "ns", List.of("64", "4096", "262144"),
                List.of(new SvgChart.Series("scalar", new double[] {30, 2000, 150000})), Double.NaN, null);
        Document doc = parse(svg);
        NodeList circles = doc.getElementsByTagName("circle");
        double y0 = cy(circles.item(0)), y1 = cy(circles.item(1)), y2 = cy(circles.item(2));
        assertTrue(y0 > y1 && y1 > y2, "larger values higher");
        assertTrue(svg.contains("(log scale)"), "the axis says it is logarithmic");
        assertTrue(y0 < SvgChart.TOP + (SvgChart.HEIGHT - SvgChart.TOP - SvgChart.BOTTOM) - 20,
                "the smallest value is not squashed onto the axis");
    }

    private static double cy(org.w3c.dom.Node n) {
        return Double.parseDouble(((Element) n).getAttribute("cy"));
    }

    @Test
    void categoryLabelsNeverOverlapHoweverManyOrLong() throws Exception {
        for (int count : new int[] {3, 6, 9, 14, 40}) {
            for (String stem : new String[] {"64", "20000x500", "lasso-path-wide 200x10000"}) {
                List<String> cats = new java.util.ArrayList<>();
                for (int i = 0; i < count; i++) cats.add(stem + "-" + i);
                double[] v = new double[count];
                java.util.Arrays.fill(v, 1);
                for (String svg : List.of(
                        SvgChart.lines("t", "y", cats, List.of(new SvgChart.Series("a", v)), Double.NaN, null),
                        SvgChart.bars("t", "y", cats, List.of(new SvgChart.Series("a", v))))) {
                    long drawn = elements(parse(svg), "text", "xtick").size();
                    assertTrue(drawn >= Math.min(count, 10), count + " × " + stem + ": labels drawn: " + drawn);
                    assertEquals(List.of(), LabelCheck.overlaps(svg), count + " × " + stem);
                    double height = Double.parseDouble(parse(svg).getDocumentElement().getAttribute("height"));
                    for (LabelCheck.Box b : LabelCheck.boxes(svg)) assertTrue(b.y1() <= height, "label inside the picture: " + stem);
                }
            }
        }
    }

    @Test
    void horizontalBarsHaveProportionalLengthsAndLabelsThatFit() throws Exception {
        List<SvgChart.Bar> bars = List.of(
                new SvgChart.Bar("shrink", 0.12, "shrink", "0.120 s · grad 3e-10", false),
                new SvgChart.Bar("scikit-learn · solver=newton-cholesky · SkylakeX (AVX-512)", 0.24, "sklearn", "0.240 s", false),
                new SvgChart.Bar("glmnet · thresh=1e-7", 0.36, "glmnet", "0.360 s · less accurate", true));
        String svg = SvgChart.horizontalBars("ridge 20000x500", "seconds per fit", bars, Double.NaN, null);
        Document doc = parse(svg);
        List<Element> rects = elements(doc, "rect", "bar");
        assertEquals(3, rects.size());
        double w0 = Double.parseDouble(rects.get(0).getAttribute("width"));
        double w1 = Double.parseDouble(rects.get(1).getAttribute("width"));
        assertEquals(2.0, w1 / w0, 0.02, "linear axis from zero: twice the time, twice the length");
        assertEquals("0.35", rects.get(2).getAttribute("fill-opacity"), "muted rows are pale");
        double barStart = Double.parseDouble(rects.get(0).getAttribute("x"));
        for (LabelCheck.Box b : LabelCheck.boxes(svg)) {
            if (bars.stream().anyMatch(x -> x.label().equals(b.text()))) assertTrue(b.x0() >= 0 && b.x1() <= barStart, "labels left of the bars");
        }
        assertEquals(List.of(), LabelCheck.overlaps(svg), "bar labels, notes and ticks apart (and inside the picture)");
    }

    @Test
    void ratioBarsRunFromOneOnALogAxis() throws Exception {
        String svg = SvgChart.ratioBars("shrink against the peers", "speed-up", List.of(
                new SvgChart.Bar("ridge vs scikit-learn", 2.0, "", "2.0× faster", false),
                new SvgChart.Bar("logistic vs scikit-learn", 0.5, "", "2.0× slower", false)), "equal time");
        Document doc = parse(svg);
        List<Element> rects = elements(doc, "rect", "bar");
        double x0 = Double.parseDouble(rects.get(0).getAttribute("x"));
        double x1 = Double.parseDouble(rects.get(1).getAttribute("x"));
        double w0 = Double.parseDouble(rects.get(0).getAttribute("width"));
        double w1 = Double.parseDouble(rects.get(1).getAttribute("width"));
        assertEquals(w0, w1, 0.2, "2× and ½× are equally long on a log axis");
        assertEquals(x0, x1 + w1, 0.2, "both start at the line at 1×");
        assertTrue(!rects.get(0).getAttribute("fill").equals(rects.get(1).getAttribute("fill")), "faster and slower differ in colour");
        assertTrue(svg.contains(">1×</text>") && svg.contains("equal time"));
        assertEquals(List.of(), LabelCheck.overlaps(svg));
    }

    private static List<Element> elements(Document doc, String tag, String cls) {
        List<Element> out = new java.util.ArrayList<>();
        NodeList all = doc.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (cls.equals(e.getAttribute("class"))) out.add(e);
        }
        return out;
    }

    @Test
    void theCheckFindsOverlappingLabels() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"50\">"
                + "<text class=\"xtick\" x=\"50\" y=\"20\" text-anchor=\"middle\">20000x500</text>"
                + "<text class=\"xtick\" x=\"70\" y=\"20\" text-anchor=\"middle\">10000x1000</text>"
                + "<text class=\"xtick\" x=\"150\" y=\"20\" text-anchor=\"middle\" transform=\"rotate(-90 150 20)\">x</text></svg>";
        assertEquals(1, LabelCheck.overlaps(svg).size(), "the first two collide, the upright third does not");
        assertThrows(IllegalStateException.class, () -> LabelCheck.boxes(svg.replace("x=\"150\"", "x=\"199\"")
                .replace(">x<", ">a long label past the edge<").replace("rotate(-90 150 20)", "rotate(0 0 0)")));
    }
}
