package org.policytracker.report.chart;

import java.util.Locale;
import org.policytracker.report.chart.ChartDrawing.Box;
import org.policytracker.report.chart.ChartDrawing.Dot;
import org.policytracker.report.chart.ChartDrawing.Label;
import org.policytracker.report.chart.ChartDrawing.Line;
import org.policytracker.report.chart.ChartDrawing.Path;
import org.policytracker.report.chart.ChartDrawing.Shape;

/** Draws a chart as an inline SVG element for the HTML report: no script, no browser on the server. */
public final class SvgChart {

    public static final double WIDTH = 240;
    public static final double HEIGHT = 100;
    public static final double FONT_SIZE = 9;

    private SvgChart() {
    }

    public static String render(ChartData data) {
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(n(WIDTH))
                .append(' ').append(n(HEIGHT)).append("\" width=\"").append(n(WIDTH)).append("\" height=\"")
                .append(n(HEIGHT)).append("\" role=\"img\" aria-label=\"").append(escape(data.title()))
                .append("\" font-family=\"sans-serif\"><title>").append(escape(data.title())).append("</title>");
        for (Shape shape : ChartDrawing.layout(data, WIDTH, HEIGHT, FONT_SIZE)) {
            if (shape instanceof Line l) {
                svg.append("<line x1=\"").append(n(l.x1())).append("\" y1=\"").append(n(l.y1()))
                        .append("\" x2=\"").append(n(l.x2())).append("\" y2=\"").append(n(l.y2()))
                        .append("\" stroke=\"").append(l.stroke()).append("\" stroke-width=\"").append(n(l.width()))
                        .append('"').append(dash(l.dash())).append("/>");
            } else if (shape instanceof Path p) {
                svg.append("<polyline fill=\"none\" stroke=\"").append(p.stroke()).append("\" stroke-width=\"")
                        .append(n(p.width())).append("\" stroke-linejoin=\"round\" points=\"");
                for (int i = 0; i < p.xy().length; i += 2) {
                    svg.append(i == 0 ? "" : " ").append(n(p.xy()[i])).append(',').append(n(p.xy()[i + 1]));
                }
                svg.append("\"/>");
            } else if (shape instanceof Dot d) {
                svg.append("<circle cx=\"").append(n(d.x())).append("\" cy=\"").append(n(d.y()))
                        .append("\" r=\"").append(n(d.r())).append("\" fill=\"")
                        .append(d.fill() == null ? "#FFFFFF" : d.fill()).append("\" stroke=\"").append(d.stroke())
                        .append("\" stroke-width=\"1\"/>");
            } else if (shape instanceof Box b) {
                svg.append("<rect x=\"").append(n(b.x())).append("\" y=\"").append(n(b.y()))
                        .append("\" width=\"").append(n(b.w())).append("\" height=\"").append(n(b.h()))
                        .append("\" fill=\"").append(b.fill()).append("\"/>");
            } else if (shape instanceof Label t) {
                String anchor = switch (t.anchor()) {
                    case START -> "start";
                    case MIDDLE -> "middle";
                    case END -> "end";
                };
                svg.append("<text x=\"").append(n(t.x())).append("\" y=\"").append(n(t.y()))
                        .append("\" font-size=\"").append(n(t.size())).append("\" fill=\"").append(t.colour())
                        .append("\" text-anchor=\"").append(anchor).append("\">").append(escape(t.text()))
                        .append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String dash(double[] dash) {
        if (dash == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(" stroke-dasharray=\"");
        for (int i = 0; i < dash.length; i++) {
            b.append(i == 0 ? "" : " ").append(n(dash[i]));
        }
        return b.append('"').toString();
    }

    private static String n(double value) {
        String s = String.format(Locale.ROOT, "%.2f", value);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    /** Escapes text for XML content and attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
