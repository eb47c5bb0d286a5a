package org.policytracker.observation.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns an import file may have. The names are those of the JSON fields of single entry, so
 * that {@link org.policytracker.observation.ObservationRules}' field names are the column names.
 */
enum ImportColumn {

    INDICATOR("indicator", Use.REQUIRED),
    PERIOD("period", Use.REQUIRED),
    VALUE("value", Use.REQUIRED),
    FORM("form", Use.OPTIONAL),
    SOURCE("source", Use.OPTIONAL),
    NOTE("note", Use.OPTIONAL),
    SERIES_BREAK("seriesBreak", Use.OPTIONAL),
    // The template's descriptive columns: there to help whoever fills it in, ignored on import.
    NAME_ZH("nameZh", Use.IGNORED),
    NAME_EN("nameEn", Use.IGNORED),
    UNIT("unit", Use.IGNORED);

    enum Use {
        REQUIRED,
        OPTIONAL,
        IGNORED
    }

    private final String header;
    private final Use use;

    ImportColumn(String header, Use use) {
        this.header = header;
        this.use = use;
    }

    String header() {
        return header;
    }

    Use use() {
        return use;
    }

    /** The column a header cell names, ignoring case and surrounding spaces. */
    static Optional<ImportColumn> ofHeader(String cell) {
        String name = cell.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.header.toLowerCase(Locale.ROOT).equals(name)).findFirst();
    }

    /** "indicator, period, value, form, source, note, seriesBreak (nameZh, nameEn, unit are ignored)". */
    static String allowed() {
        String used = Arrays.stream(values()).filter(c -> c.use != Use.IGNORED).map(ImportColumn::header)
                .collect(Collectors.joining(", "));
        String ignored = Arrays.stream(values()).filter(c -> c.use == Use.IGNORED).map(ImportColumn::header)
                .collect(Collectors.joining(", "));
        return used + " (" + ignored + " are allowed and ignored)";
    }
}
