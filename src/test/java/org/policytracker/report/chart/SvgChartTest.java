package org.policytracker.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.policytracker.report.chart.ChartDrawing.Box;
import org.policytracker.report.chart.ChartDrawing.Dot;
import org.policytracker.report.chart.ChartDrawing.Line;
import org.policytracker.report.chart.ChartDrawing.Path;
import org.policytracker.report.chart.ChartDrawing.Shape;

/** The chart model: one layout, drawn as SVG (and PDF) without a browser. Plain JUnit. */
class SvgChartTest {

    private static final ChartData SHARE = new ChartData(2020, 2025, 2025,
            List.of(new ChartData.Point(2020, 15.9), new ChartData.Point(2021, 16.6), new ChartData.Point(2022, 17.5)),
            new ChartData.Point(2025, 19.9), 20.0, 19.5, 20.5, "#2DA44E", "目标 20", "非化石能源消费比重 <20%>");

    @Test
    void shouldLayOutThePathTheProjectionTheTargetAndItsBandInsideTheBox() {
        List<Shape> shapes = ChartDrawing.layout(SHARE, 240, 100, 9);
        assertEquals(1, shapes.stream().filter(s -> s instanceof Path).count(), "the observed path");
        assertEquals(1, shapes.stream().filter(s -> s instanceof Box).count(), "the band of a 左右 target");
        assertEquals(3, shapes.stream().filter(s -> s instanceof Dot d && d.fill() != null).count(), "a dot per value");
        assertEquals(1, shapes.stream().filter(s -> s instanceof Dot d && d.fill() == null).count(),
                "the projection's end");
        assertTrue(shapes.stream().anyMatch(s -> s instanceof Line l && l.dash() != null && l.y1() == l.y2()),
                "a dashed target line");
        Path path = (Path) shapes.stream().filter(s -> s instanceof Path).findFirst().orElseThrow();
        for (int i = 0; i < path.xy().length; i += 2) {
            assertTrue(path.xy()[i] >= 0 && path.xy()[i] <= 240 && path.xy()[i + 1] >= 0 && path.xy()[i + 1] <= 100);
        }
        assertTrue(path.xy()[1] > path.xy()[5], "a rising value is drawn higher up");
    }

    @Test
    void shouldWriteAnSvgElementWithItsTextEscaped() {
        String svg = SvgChart.render(SHARE);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(svg.endsWith("</svg>"));
        assertTrue(svg.contains("<title>非化石能源消费比重 &lt;20%&gt;</title>"));
        assertFalse(svg.contains("<20%>"));
        assertTrue(svg.contains("<polyline") && svg.contains("stroke-dasharray") && svg.contains(">目标 20</text>"));
    }

    @Test
    void shouldDrawATargetAloneWhenThereIsNoValueYet() {
        ChartData none = new ChartData(2020, 2025, 2025, List.of(), null, 12.0, null, null, "#6E7781", "target 12",
                "x");
        assertTrue(none.drawable());
        String svg = SvgChart.render(none);
        assertFalse(svg.contains("<polyline"));
        assertTrue(svg.contains("target 12"));
    }
}
