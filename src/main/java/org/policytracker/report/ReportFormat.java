package org.policytracker.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
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
        String list = Arrays.stream(allowed).map(ReportFormat::extension).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            throw Problems.badRequest("format", "is required; use one of: " + list);
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(allowed).filter(f -> f.extension.equals(v)).findFirst()
                .orElseThrow(
                        () -> Problems.badRequest("format", "'" + value + "' is not allowed; use one of: " + list));
    }
}
