package org.policytracker.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.policytracker.report.StatusReport.ObservationRow;
import org.policytracker.report.StatusReport.Row;
import org.policytracker.report.StatusReport.Section;
import org.policytracker.report.StatusReport.StatusCount;
import org.policytracker.report.chart.PdfChart;

/**
 * The PDF report: A4 portrait; on every page a header with the title and the as-of date and a footer
 * "page X of Y"; a summary with the counts per status; a section per theme with a card per target
 * (its fields, a vector chart, the explanation) that is never split over two pages; and the values
 * behind the report. Statuses are coloured labels with their words. All text is set in the embedded
 * Chinese font ({@link CjkFont}), so the file reads the same on any machine.
 */
@ApplicationScoped
public class PdfReportWriter implements ReportWriter {

    static final Color INK = new Color(0x1F2328);
    static final Color MUTED = new Color(0x57606A);
    static final Color RULE = new Color(0xD0D7DE);
    static final Color HEAD = new Color(0xEAEEF2);

    private final CjkFont cjk;

    PdfReportWriter(CjkFont cjk) {
        this.cjk = cjk;
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.PDF;
    }

    @Override
    public void write(StatusReport report, OutputStream out) throws IOException {
        BaseFont base = cjk.get();
        Fonts f = new Fonts(base);
        Document doc = new Document(PageSize.A4, 36, 36, 54, 46);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new Frame(report, base));
            doc.addTitle(report.title() + " " + report.asOf());
            doc.addAuthor(report.generatedBy());
            doc.addCreator("Policy Target Tracker");
            doc.open();
            front(doc, report, f);
            for (Section section : report.sections()) {
                section(doc, writer, section, report.text(), f, base);
            }
            observations(doc, report, f);
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("The PDF could not be written: " + e.getMessage(), e);
        }
    }

    /** The fonts of the report, all from the one embedded face. */
    private record Fonts(Font title, Font heading, Font body, Font bold, Font small, Font muted) {

        Fonts(BaseFont base) {
            this(new Font(base, 17, Font.BOLD, INK), new Font(base, 12.5f, Font.BOLD, INK),
                    new Font(base, 8.5f, Font.NORMAL, INK), new Font(base, 9, Font.BOLD, INK),
                    new Font(base, 7, Font.NORMAL, INK), new Font(base, 7.5f, Font.NORMAL, MUTED));
        }
    }

    // ------------------------------------------------------------------ front page

    private static void front(Document doc, StatusReport report, Fonts f) throws DocumentException {
        ReportText t = report.text();
        Paragraph title = new Paragraph(report.title(), f.title());
        title.setSpacingAfter(8);
        doc.add(title);

        PdfPTable meta = new PdfPTable(new float[]{22, 78});
        meta.setWidthPercentage(100);
        metaRow(meta, t.asOfLabel(), report.asOf().toString(), f);
        metaRow(meta, t.knownAtLabel(),
                report.knownAt() == null ? t.knownAtNow() : t.preciseDateTime(report.knownAt()), f);
        metaRow(meta, t.generatedAtLabel(), t.dateTime(report.generatedAt()), f);
        metaRow(meta, t.generatedByLabel(), report.generatedBy(), f);
        metaRow(meta, t.filtersLabel(), report.filters().isEmpty() ? t.noFilters() : String.join("；", report.filters()),
                f);
        meta.setSpacingAfter(10);
        doc.add(meta);

        doc.add(heading(t.summaryHeading(), f));
        Paragraph sentence = new Paragraph(report.countsSentence(), f.body());
        sentence.setSpacingAfter(6);
        doc.add(sentence);

        List<StatusCount> counts = report.statusCounts();
        PdfPTable table = new PdfPTable(counts.size());
        table.setWidthPercentage(100);
        for (StatusCount s : counts) {
            table.addCell(statusCell(s.label(), s.colour(), s.textColour(), f, 4));
        }
        for (StatusCount s : counts) {
            PdfPCell cell = new PdfPCell(new Phrase(String.valueOf(s.count()), f.heading()));
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            cell.setPadding(5);
            cell.setBorderColor(RULE);
            table.addCell(cell);
        }
        table.setSpacingAfter(8);
        doc.add(table);

        if (report.sections().size() > 1) {
            PdfPTable themes = new PdfPTable(new float[]{34, 11, 11, 11, 11, 11, 11, 11});
            themes.setWidthPercentage(100);
            themes.addCell(headCell(t.themeHeader(), f));
            themes.addCell(headCell(t.totalLabel(), f));
            counts.forEach(s -> themes.addCell(headCell(s.label(), f)));
            for (Section section : report.sections()) {
                themes.addCell(bodyCell(section.title(), f.body()));
                themes.addCell(numberCell(section.rows().size(), f));
                section.counts().values().forEach(n -> themes.addCell(numberCell(n, f)));
            }
            themes.setSpacingAfter(8);
            doc.add(themes);
        }
        Paragraph method = new Paragraph(report.method(), f.muted());
        method.setSpacingAfter(2);
        doc.add(method);
        doc.add(new Paragraph(t.chartCaption(), f.muted()));
    }

    private static void metaRow(PdfPTable table, String label, String value, Fonts f) {
        PdfPCell l = new PdfPCell(new Phrase(label, f.muted()));
        l.setBorder(Rectangle.NO_BORDER);
        l.setPadding(1.5f);
        PdfPCell v = new PdfPCell(new Phrase(value == null ? "" : value, f.body()));
        v.setBorder(Rectangle.NO_BORDER);
        v.setPadding(1.5f);
        table.addCell(l);
        table.addCell(v);
    }

    private static Paragraph heading(String text, Fonts f) {
        Paragraph p = new Paragraph(text, f.heading());
        p.setSpacingBefore(6);
        p.setSpacingAfter(4);
        return p;
    }

    // ------------------------------------------------------------------ themes and targets

    private static void section(Document doc, PdfWriter writer, Section section, ReportText t, Fonts f, BaseFont base)
            throws DocumentException {
        doc.newPage();
        doc.add(heading(section.title(), f));
        Paragraph counts = new Paragraph(section.countsSentence(), f.muted());
        counts.setSpacingAfter(6);
        doc.add(counts);
        for (Row row : section.rows()) {
            doc.add(card(writer, row, t, f, base));
        }
    }

    /** One target: name and status; its fields beside its chart; the explanation. Never split over pages. */
    private static PdfPTable card(PdfWriter writer, Row row, ReportText t, Fonts f, BaseFont base)
            throws DocumentException {
        PdfPTable card = new PdfPTable(new float[]{70, 30});
        card.setWidthPercentage(100);
        card.setKeepTogether(true);
        card.setSpacingAfter(7);

        Phrase name = new Phrase();
        name.add(new Chunk(row.indicatorName(), f.bold()));
        name.add(new Chunk("   " + row.targetId(), f.muted()));
        PdfPCell top = new PdfPCell(name);
        top.setBorder(Rectangle.TOP | Rectangle.LEFT);
        top.setBorderColor(RULE);
        top.setPadding(5);
        top.setBackgroundColor(HEAD);
        card.addCell(top);
        PdfPCell status = statusCell(row.statusLabel(), row.statusColour(), row.statusTextColour(), f, 5);
        status.setBorder(Rectangle.TOP | Rectangle.RIGHT);
        status.setBorderColor(RULE);
        card.addCell(status);

        PdfPTable fields = new PdfPTable(new float[]{24, 76});
        fields.setWidthPercentage(100);
        field(fields, t.targetHeader(), row.targetWording(), f);
        field(fields, t.baselineHeader(), row.baselineText(), f);
        if (!row.unconfirmed().isEmpty()) {
            field(fields, t.unconfirmedHeader(), row.unconfirmed(), f);
        }
        field(fields, t.latestHeader(), row.latestText(), f);
        field(fields, t.progressHeader(), row.progressText(), f);
        field(fields, t.projectedShortHeader(), row.projectedText(), f);
        field(fields, t.bindingHeader(), row.bindingLabel(), f);
        field(fields, t.sourceHeader(), row.sourceText(), f);
        PdfPCell left = new PdfPCell(fields);
        left.setBorder(Rectangle.LEFT);
        left.setBorderColor(RULE);
        left.setPadding(4);
        card.addCell(left);

        PdfPCell chart;
        if (row.chart() != null && row.chart().drawable()) {
            Image image = Image.getInstance(PdfChart.render(writer.getDirectContent(), row.chart(), base));
            chart = new PdfPCell(image, false);
        } else {
            chart = new PdfPCell(new Phrase("—", f.muted()));
        }
        chart.setBorder(Rectangle.RIGHT);
        chart.setBorderColor(RULE);
        chart.setPadding(4);
        chart.setHorizontalAlignment(Element.ALIGN_CENTER);
        chart.setVerticalAlignment(Element.ALIGN_MIDDLE);
        card.addCell(chart);

        Phrase why = new Phrase();
        why.add(new Chunk(t.explanationLabel(), f.muted()));
        why.add(new Chunk(row.explanation(), f.body()));
        if (row.judgementShown()) {
            // The analyst's judgement, beside the computed verdict and marked as the analyst's (or that one is needed).
            why.add(new Chunk("\n" + t.judgementLabel(), f.muted()));
            why.add(new Chunk((row.judgementLabel() + " " + row.judgementText()).strip(), f.body()));
        }
        PdfPCell explanation = new PdfPCell(why);
        explanation.setColspan(2);
        explanation.setBorder(Rectangle.LEFT | Rectangle.RIGHT | Rectangle.BOTTOM);
        explanation.setBorderColor(RULE);
        explanation.setPadding(5);
        explanation.setPaddingTop(2);
        explanation.setLeading(0, 1.3f);
        card.addCell(explanation);
        return card;
    }

    private static void field(PdfPTable table, String label, String value, Fonts f) {
        PdfPCell l = new PdfPCell(new Phrase(label, f.muted()));
        l.setBorder(Rectangle.NO_BORDER);
        l.setPadding(1.5f);
        PdfPCell v = new PdfPCell(new Phrase(value == null ? "—" : value, f.body()));
        v.setBorder(Rectangle.NO_BORDER);
        v.setPadding(1.5f);
        table.addCell(l);
        table.addCell(v);
    }

    private static PdfPCell statusCell(String label, String colour, String textColour, Fonts f, float padding) {
        Font font = new Font(f.bold());
        font.setColor(PdfChart.color(textColour));
        PdfPCell cell = new PdfPCell(new Phrase(label, font));
        cell.setBackgroundColor(PdfChart.color(colour));
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(padding);
        cell.setBorderColor(Color.WHITE);
        return cell;
    }

    private static PdfPCell headCell(String text, Fonts f) {
        PdfPCell cell = new PdfPCell(new Phrase(text, f.small()));
        cell.setBackgroundColor(HEAD);
        cell.setBorderColor(RULE);
        cell.setPadding(3);
        return cell;
    }

    private static PdfPCell bodyCell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setBorderColor(RULE);
        cell.setPadding(3);
        return cell;
    }

    private static PdfPCell numberCell(Number n, Fonts f) {
        PdfPCell cell = bodyCell(String.valueOf(n), f.body());
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    // ------------------------------------------------------------------ the values behind the report

    private static void observations(Document doc, StatusReport report, Fonts f) throws DocumentException {
        ReportText t = report.text();
        doc.newPage();
        doc.add(heading(t.observationsHeading(), f));
        if (report.observations().isEmpty()) {
            doc.add(new Paragraph(t.noObservations(), f.body()));
            return;
        }
        PdfPTable table = new PdfPTable(new float[]{24, 7, 10, 9, 12, 18, 12, 8});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : List.of(t.indicatorHeader(), t.periodHeader(), t.valueHeader(), t.unitHeader(),
                t.formHeader(), t.dataSourceHeader(), t.noteHeader(), t.recordedByHeader())) {
            table.addCell(headCell(h, f));
        }
        for (ObservationRow o : report.observations()) {
            table.addCell(bodyCell((report.lang().zh() ? o.indicatorNameZh() : o.indicatorNameEn()) + "\n"
                    + o.indicatorCode(), f.small()));
            table.addCell(bodyCell(o.period(), f.small()));
            PdfPCell value = bodyCell(
                    o.valueNotes().isEmpty() ? o.valueText() : o.valueText() + "\n" + o.valueNotes(),
                    f.small());
            value.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.addCell(value);
            table.addCell(bodyCell(o.unit(), f.small()));
            table.addCell(bodyCell(o.formLabel(), f.small()));
            table.addCell(bodyCell(o.source(), f.small()));
            table.addCell(bodyCell(o.note(), f.small()));
            table.addCell(bodyCell(o.recordedBy() + "\n" + o.recordedAtText(), f.small()));
        }
        doc.add(table);
    }

    // ------------------------------------------------------------------ header and footer

    /** Draws the header (title, as-of date) and the footer (page X of Y) on every page. */
    static final class Frame extends PdfPageEventHelper {

        private static final float SIZE = 7.5f;

        private final StatusReport report;
        private final BaseFont font;
        private PdfTemplate total;

        Frame(StatusReport report, BaseFont font) {
            this.report = report;
            this.font = font;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(60, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            ReportText t = report.text();
            PdfContentByte cb = writer.getDirectContent();
            Rectangle page = document.getPageSize();
            float left = document.left();
            float right = document.right();
            float top = page.getTop() - 30;

            cb.saveState();
            cb.setColorFill(MUTED);
            cb.beginText();
            cb.setFontAndSize(font, SIZE);
            cb.showTextAligned(PdfContentByte.ALIGN_LEFT, report.title(), left, top, 0);
            cb.showTextAligned(PdfContentByte.ALIGN_RIGHT, t.asOfLabel() + " " + report.asOf(), right, top, 0);
            cb.endText();
            if (report.sampleNote() != null) {
                // Sample data says so on every page, where nobody can miss it.
                cb.setColorFill(new Color(0xB3, 0x26, 0x1E));
                cb.beginText();
                cb.setFontAndSize(font, SIZE + 1);
                cb.showTextAligned(PdfContentByte.ALIGN_CENTER, report.sampleNote(), (left + right) / 2, top + 12, 0);
                cb.endText();
                cb.setColorFill(MUTED);
            }
            cb.setColorStroke(RULE);
            cb.setLineWidth(0.5f);
            cb.moveTo(left, top - 5);
            cb.lineTo(right, top - 5);
            cb.stroke();

            String text = t.pageLabel(writer.getPageNumber());
            String of = report.lang().zh() ? "，共 " : " of ";
            float y = page.getBottom() + 24;
            float width = font.getWidthPoint(text + of, SIZE) + font.getWidthPoint("00 页", SIZE);
            float x = (left + right) / 2 - width / 2;
            cb.beginText();
            cb.setFontAndSize(font, SIZE);
            cb.showTextAligned(PdfContentByte.ALIGN_LEFT, text + of, x, y, 0);
            cb.endText();
            cb.addTemplate(total, x + font.getWidthPoint(text + of, SIZE), y - 3);
            cb.beginText();
            cb.setFontAndSize(font, SIZE);
            cb.showTextAligned(PdfContentByte.ALIGN_RIGHT,
                    t.generatedAtLabel() + " " + t.dateTime(report.generatedAt()),
                    right, y, 0);
            cb.endText();
            cb.restoreState();
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            int pages = writer.getPageNumber() - 1;
            total.saveState();
            total.setColorFill(MUTED);
            total.beginText();
            total.setFontAndSize(font, SIZE);
            total.showTextAligned(PdfContentByte.ALIGN_LEFT, pages + (report.lang().zh() ? " 页" : ""), 0, 3, 0);
            total.endText();
            total.restoreState();
        }
    }
}
