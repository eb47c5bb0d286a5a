package org.policytracker.report;

import java.util.List;
import org.policytracker.system.Problems;

/** The formats a status report is written in. */
public enum ReportFormat {

    CSV("csv", "text/csv; charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PDF("pdf", "application/pdf"),
    HTML("html", "text/html; charset=UTF-8");

    public static final String CSV_TYPE = "text/csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF_TYPE = "application/pdf";
    public static final String HTML_TYPE = "text/html";

    private final String extension;
    private final String mediaType;

    ReportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The query parameter {@code format}; required, one of the given formats. */
    public static ReportFormat param(String value, ReportFormat... allowed) {
        return Problems.requiredChoice("format", value, List.of(allowed), ReportFormat::extension);
    }
}
