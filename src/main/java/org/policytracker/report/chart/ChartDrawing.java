package org.policytracker.report.chart;

import java.util.ArrayList;
import java.util.List;
import org.policytracker.system.Numbers;

/**
 * Lays out a {@link ChartData} in a box of the given size as a list of primitive shapes with
 * coordinates measured from the top left. The SVG and PDF renderers only translate shapes, so the
 * picture is decided here once.
 */
public final class ChartDrawing {

    static final String AXIS = "#8C959F";
    static final String TARGET = "#57606A";
    static final String BAND = "#E6F4EA";
    static final String LABEL = "#57606A";

    /** A shape of the drawing. */
    public sealed interface Shape permits Line, Path, Dot, Box, Label {
    }

    /** A straight line; {@code dash} null for solid. */
    public record Line(double x1, double y1, double x2, double y2, String stroke, double width, double[] dash)
            implements
                Shape {
    }

    /** An open polyline through points (x0, y0, x1, y1, …). */
    public record Path(double[] xy, String stroke, double width) implements Shape {
    }

    /** A dot; {@code fill} null for a hollow one. */
    public record Dot(double x, double y, double r, String fill, String stroke) implements Shape {
    }

    /** A filled rectangle. */
    public record Box(double x, double y, double w, double h, String fill) implements Shape {
    }

    /** A text at (x, y) on its baseline, anchored at its start, middle or end. */
    public record Label(double x, double y, String text, double size, String colour, Anchor anchor)
            implements
                Shape {
    }

    public enum Anchor {
        START,
        MIDDLE,
        END
    }

    private ChartDrawing() {
    }

    /** The shapes of the chart in a {@code width} × {@code height} box, with text of {@code fontSize}. */
    public static List<Shape> layout(ChartData data, double width, double height, double fontSize) {
        List<Shape> shapes = new ArrayList<>();
        double left = fontSize * 4.2;
        double right = fontSize * 0.8;
        double top = fontSize * 1.4;
        double bottom = fontSize * 1.6;
        double plotW = width - left - right;
        double plotH = height - top - bottom;

        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<Double> values = new ArrayList<>();
        data.observed().forEach(p -> values.add(p.value()));
        if (data.indication() != null) {
            values.add(data.indication().value());
        }
        if (data.projected() != null) {
            values.add(data.projected().value());
        }
        for (Double v : new Double[]{data.target(), data.bandLow(), data.bandHigh()}) {
            if (v != null) {
                values.add(v);
            }
        }
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (values.isEmpty()) {
            lo = 0;
            hi = 1;
        }
        double dataLo = lo;
        double dataHi = hi;
        double span = hi - lo;
        if (span == 0) {
            double pad = Math.max(1, Math.abs(hi) * 0.1);
            lo -= pad;
            hi += pad;
        } else {
            lo -= span * 0.08;
            hi += span * 0.08;
        }
        int x0 = data.fromYear();
        int x1 = Math.max(data.toYear(), x0 + 1);
        Scale sx = new Scale(x0, x1, left, left + plotW);
        Scale sy = new Scale(lo, hi, top + plotH, top);

        if (data.bandLow() != null && data.bandHigh() != null) {
            double yTop = sy.at(data.bandHigh());
            double yBottom = sy.at(data.bandLow());
            shapes.add(new Box(left, yTop, plotW, Math.max(0.5, yBottom - yTop), BAND));
        }
        shapes.add(new Line(left, top + plotH, left + plotW, top + plotH, AXIS, 0.6, null));
        shapes.add(new Line(left, top, left, top + plotH, AXIS, 0.6, null));
        // The deadline, as a faint vertical tick on the axis.
        if (data.targetYear() > x0 && data.targetYear() < x1) {
            double xt = sx.at(data.targetYear());
            shapes.add(new Line(xt, top + plotH, xt, top + plotH + fontSize * 0.4, AXIS, 0.6, null));
        }
        if (data.target() != null) {
            double yt = sy.at(data.target());
            shapes.add(new Line(left, yt, left + plotW, yt, TARGET, 0.8, new double[]{3, 2}));
            // At the left end, where the path starts away from the target; below the line when it runs at the top.
            boolean labelBelow = yt - top < fontSize * 1.1;
            shapes.add(new Label(left + fontSize * 0.4, labelBelow ? yt + fontSize * 1.05 : yt - fontSize * 0.3,
                    data.targetLabel(), fontSize, TARGET, Anchor.START));
        }
        List<ChartData.Point> observed = data.observed();
        if (observed.size() > 1) {
            double[] xy = new double[observed.size() * 2];
            for (int i = 0; i < observed.size(); i++) {
                xy[2 * i] = sx.at(observed.get(i).year());
                xy[2 * i + 1] = sy.at(observed.get(i).value());
            }
            shapes.add(new Path(xy, data.colour(), 1.4));
        }
        if (data.projected() != null && !observed.isEmpty()) {
            ChartData.Point last = observed.get(observed.size() - 1);
            ChartData.Point end = data.projected();
            shapes.add(new Line(sx.at(last.year()), sy.at(last.value()), sx.at(end.year()), sy.at(end.value()),
                    data.colour(), 1.1, new double[]{2.5, 2}));
            shapes.add(new Dot(sx.at(end.year()), sy.at(end.value()), fontSize * 0.3, null, data.colour()));
        }
        for (ChartData.Point p : observed) {
            shapes.add(new Dot(sx.at(p.year()), sy.at(p.value()), fontSize * 0.28, data.colour(), data.colour()));
        }
        if (data.indication() != null) {
            // Hollow: a month's or a quarter's value beside the annual path, not a point of it.
            shapes.add(new Dot(sx.at(data.indication().at()), sy.at(data.indication().value()), fontSize * 0.3, null,
                    data.colour()));
        }
        // The highest and lowest values drawn, at their heights.
        double labelX = left - fontSize * 0.35;
        if (!values.isEmpty()) {
            shapes.add(new Label(labelX, sy.at(dataHi) + fontSize * 0.3, Numbers.format(dataHi), fontSize * 0.9,
                    LABEL, Anchor.END));
            if (sy.at(dataLo) - sy.at(dataHi) > fontSize) {
                shapes.add(new Label(labelX, sy.at(dataLo) + fontSize * 0.3, Numbers.format(dataLo), fontSize * 0.9,
                        LABEL, Anchor.END));
            }
        }
        double yearY = top + plotH + fontSize * 1.25;
        shapes.add(new Label(left, yearY, String.valueOf(x0), fontSize * 0.9, LABEL, Anchor.START));
        shapes.add(new Label(left + plotW, yearY, String.valueOf(x1), fontSize * 0.9, LABEL, Anchor.END));
        return shapes;
    }

    /** A linear map from data to drawing coordinates. */
    private record Scale(double from, double to, double start, double end) {

        double at(double value) {
            return start + (value - from) / (to - from) * (end - start);
        }
    }
}
