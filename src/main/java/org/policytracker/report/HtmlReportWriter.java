package org.policytracker.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.policytracker.report.chart.ChartData;
import org.policytracker.report.chart.SvgChart;

/**
 * The HTML report: one self-contained page (inline CSS with a print stylesheet for A4, inline SVG
 * charts, no script, nothing fetched), from the Qute template {@code templates/reports/status.html}.
 * Qute escapes every value written into an .html template, so notes and sources typed by users appear
 * as text, never as markup; only the SVG of our own charts is inserted as is.
 */
@ApplicationScoped
public class HtmlReportWriter implements ReportWriter {

    @CheckedTemplate(basePath = "reports")
    static class Templates {

        static native TemplateInstance status(StatusReport report, ReportText text);
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.HTML;
    }

    @Override
    public void write(StatusReport report, OutputStream out) throws IOException {
        out.write(render(report).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    public String render(StatusReport report) {
        return Templates.status(report, report.text()).render();
    }

    /** {@code {row.chart.svg}}: the chart as inline SVG, built by {@link SvgChart}, which escapes its text. */
    @TemplateExtension
    static RawString svg(ChartData chart) {
        return new RawString(SvgChart.render(chart));
    }
}
