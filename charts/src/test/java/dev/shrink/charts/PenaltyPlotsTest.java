package dev.shrink.charts;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The coefficient path and the CV curve: what is drawn where, read back from the SVG. */
class PenaltyPlotsTest {

    private static List<Element> byClass(Document d, String tag, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = d.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("class").equals(cls)) out.add(e);
        }
        return out;
    }

    private static double[][] points(Element polyline) {
        String[] pairs = polyline.getAttribute("points").trim().split(" ");
        double[][] p = new double[pairs.length][2];
        for (int i = 0; i < pairs.length; i++) {
            String[] xy = pairs[i].split(",");
            p[i][0] = Double.parseDouble(xy[0]);
            p[i][1] = Double.parseDouble(xy[1]);
        }
        return p;
    }

    /** A lasso-like path: coefficient j enters at point j and grows; the last feature is never in. */
    private static double[][] path(int k, int p) {
        double[][] c = new double[k][p];
        for (int i = 0; i < k; i++) for (int j = 0; j < p - 1; j++) c[i][j] = i > j ? (j % 2 == 0 ? 1 : -1) * (i - j) * 0.5 : 0;
        return c;
    }

    @Test
    void pathHasALinePerCoefficientThatIsEverNonZeroAndTheCountsOnTop() throws Exception {
        int k = 20;
        int p = 6;
        double[] penalties = new double[k];
        for (int i = 0; i < k; i++) penalties[i] = Math.pow(10, 1 - 3.0 * i / (k - 1)); // strongest first
        List<String> names = List.of("a", "b<&>", "c", "d", "e", "never");
        Document d = SvgChartTest.parse(PathPlot.svg("lasso <path>", "λ", penalties, path(k, p), names));
        List<Element> lines = byClass(d, "polyline", "coef");
        assertEquals(p - 1, lines.size(), "no line for the coefficient that is always 0");
        assertEquals("b<&>", lines.get(1).getAttribute("data-feature"));
        double zeroY = Double.parseDouble(byClass(d, "line", "zero").getFirst().getAttribute("y1"));
        for (Element line : lines) {
            double[][] pts = points(line);
            assertEquals(k, pts.length);
            // x grows with the penalty: the grid is strongest first, so x falls along the polyline
            for (int i = 1; i < k; i++) assertTrue(pts[i][0] < pts[i - 1][0]);
            assertEquals(zeroY, pts[0][1], 0.05, "at the strongest penalty every coefficient is 0");
        }
        // coefficient 0 is positive (above the zero line), coefficient 1 negative (below)
        assertTrue(points(lines.get(0))[k - 1][1] < zeroY);
        assertTrue(points(lines.get(1))[k - 1][1] > zeroY);
        List<Element> counts = byClass(d, "text", "nonzero");
        assertTrue(counts.size() >= 5);
        double[][] c = path(k, p);
        for (Element t : counts) {
            int i = Integer.parseInt(t.getAttribute("data-index"));
            long expected = java.util.Arrays.stream(c[i]).filter(v -> v != 0).count();
            assertEquals(String.valueOf(expected), t.getTextContent());
        }
        assertThrows(IllegalArgumentException.class, () -> PathPlot.svg("x", "λ", penalties, path(k - 1, p), names));
    }

    @Test
    void cvCurveHasAPointAndABarPerPenaltyAndDottedLinesAtBothChoices() throws Exception {
        int k = 15;
        double[] strength = new double[k];
        double[] mean = new double[k];
        double[] se = new double[k];
        int[] nonZero = new int[k];
        for (int i = 0; i < k; i++) {
            strength[i] = Math.exp(3 - 0.5 * i);
            double x = Math.log(strength[i]);
            mean[i] = 1 + (x + 1) * (x + 1) * 0.2; // smallest at log(strength) = −1
            se[i] = 0.3;
            nonZero[i] = i;
        }
        int min = 8; // log strength −1
        int oneSe = 6;
        Document d = SvgChartTest.parse(CvPlot.svg("cv", "α", "mean squared error", strength, mean, se, min, oneSe, nonZero));
        List<Element> dots = byClass(d, "circle", "mean");
        assertEquals(k, dots.size());
        assertEquals(k, byClass(d, "path", "error-bar").size());
        double yMin = Double.parseDouble(dots.get(min).getAttribute("cy"));
        for (Element dot : dots) assertTrue(Double.parseDouble(dot.getAttribute("cy")) <= yMin + 1e-9, "the minimum is the lowest point");
        Element minLine = (Element) byClass(d, "g", "choice-min").getFirst().getElementsByTagName("line").item(0);
        Element seLine = (Element) byClass(d, "g", "choice-1se").getFirst().getElementsByTagName("line").item(0);
        assertEquals(Double.parseDouble(dots.get(min).getAttribute("cx")), Double.parseDouble(minLine.getAttribute("x1")), 0.05);
        assertEquals(Double.parseDouble(dots.get(oneSe).getAttribute("cx")), Double.parseDouble(seLine.getAttribute("x1")), 0.05);
        assertEquals("2 3", minLine.getAttribute("stroke-dasharray"));
        assertTrue(Double.parseDouble(seLine.getAttribute("x1")) > Double.parseDouble(minLine.getAttribute("x1")), "1se is the stronger penalty");
        assertTrue(byClass(d, "text", "nonzero").size() >= 5);
        // without non-zero counts (ridge), no top axis
        Document ridge = SvgChartTest.parse(CvPlot.svg("cv", "α", "mse", strength, mean, se, min, oneSe, null));
        assertEquals(0, byClass(ridge, "text", "nonzero").size());
    }

    @Test
    void ticksAreRoundAndInside() {
        assertEquals(List.of(-6.0, -4.0, -2.0, 0.0), PenaltyAxes.ticks(-6.3, 0.8, 5));
        assertEquals(List.of(0.0, 0.25, 0.5, 0.75, 1.0), PenaltyAxes.ticks(-0.01, 1.01, 6));
        assertEquals("2.5", PenaltyAxes.label(2.5));
        assertEquals("-4", PenaltyAxes.label(-4.0));
    }
}
