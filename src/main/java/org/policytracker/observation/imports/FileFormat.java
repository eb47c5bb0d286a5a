package org.policytracker.observation.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.policytracker.system.Problems;

/** The formats of a value file, for import and export alike, each with its media type and file extension. */
public enum FileFormat {

    CSV(FileFormat.CSV_TYPE, "csv"),
    XLSX(FileFormat.XLSX_TYPE, "xlsx");

    public static final String CSV_TYPE = "text/csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final String mediaType;
    private final String extension;

    FileFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format of a Content-Type header; parameters such as charset are ignored. */
    public static Optional<FileFormat> ofContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String bare = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(bare)).findFirst();
    }

    /** The query parameter {@code format}: required, csv or xlsx; anything else is a 400 naming the allowed ones. */
    public static FileFormat param(String value) {
        return Problems.requiredChoice("format", value, List.of(values()), FileFormat::extension);
    }
}
