package org.policytracker.report.chart;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import org.policytracker.report.chart.ChartDrawing.Box;
import org.policytracker.report.chart.ChartDrawing.Dot;
import org.policytracker.report.chart.ChartDrawing.Label;
import org.policytracker.report.chart.ChartDrawing.Line;
import org.policytracker.report.chart.ChartDrawing.Path;
import org.policytracker.report.chart.ChartDrawing.Shape;

/**
 * Draws a chart as PDF vector paths into a template (an XObject that can be placed in a table cell):
 * sharp at any zoom and in print, a few hundred bytes per chart. Text uses the report's embedded font.
 */
public final class PdfChart {

    public static final float WIDTH = 150;
    public static final float HEIGHT = 66;
    public static final float FONT_SIZE = 6;

    private PdfChart() {
    }

    public static PdfTemplate render(PdfContentByte canvas, ChartData data, BaseFont font) {
        PdfTemplate t = canvas.createTemplate(WIDTH, HEIGHT);
        for (Shape shape : ChartDrawing.layout(data, WIDTH, HEIGHT, FONT_SIZE)) {
            if (shape instanceof Box b) {
                t.setColorFill(color(b.fill()));
                t.rectangle(x(b.x()), y(b.y() + b.h()), (float) b.w(), (float) b.h());
                t.fill();
            } else if (shape instanceof Line l) {
                t.saveState();
                t.setColorStroke(color(l.stroke()));
                t.setLineWidth((float) l.width());
                if (l.dash() != null) {
                    t.setLineDash((float) l.dash()[0], (float) l.dash()[1], 0);
                }
                t.moveTo(x(l.x1()), y(l.y1()));
                t.lineTo(x(l.x2()), y(l.y2()));
                t.stroke();
                t.restoreState();
            } else if (shape instanceof Path p) {
                t.saveState();
                t.setColorStroke(color(p.stroke()));
                t.setLineWidth((float) p.width());
                t.setLineJoin(PdfContentByte.LINE_JOIN_ROUND);
                t.moveTo(x(p.xy()[0]), y(p.xy()[1]));
                for (int i = 2; i < p.xy().length; i += 2) {
                    t.lineTo(x(p.xy()[i]), y(p.xy()[i + 1]));
                }
                t.stroke();
                t.restoreState();
            } else if (shape instanceof Dot d) {
                t.saveState();
                t.setLineWidth(0.7f);
                t.setColorStroke(color(d.stroke()));
                t.setColorFill(d.fill() == null ? Color.WHITE : color(d.fill()));
                t.circle(x(d.x()), y(d.y()), (float) d.r());
                t.fillStroke();
                t.restoreState();
            } else if (shape instanceof Label label) {
                int align = switch (label.anchor()) {
                    case START -> PdfContentByte.ALIGN_LEFT;
                    case MIDDLE -> PdfContentByte.ALIGN_CENTER;
                    case END -> PdfContentByte.ALIGN_RIGHT;
                };
                t.beginText();
                t.setFontAndSize(font, (float) label.size());
                t.setColorFill(color(label.colour()));
                t.showTextAligned(align, label.text(), x(label.x()), y(label.y()), 0);
                t.endText();
            }
        }
        return t;
    }

    private static float x(double x) {
        return (float) x;
    }

    /** Drawing coordinates run down from the top; PDF coordinates run up from the bottom. */
    private static float y(double y) {
        return (float) (HEIGHT - y);
    }

    public static Color color(String hex) {
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }
}
