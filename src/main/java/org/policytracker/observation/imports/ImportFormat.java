package org.policytracker.observation.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file formats an import accepts, each named by the Content-Type of the upload. */
public enum ImportFormat {

    CSV("text/csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String mediaType;

    ImportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format of a Content-Type header; parameters such as charset are ignored. */
    public static Optional<ImportFormat> ofContentType(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String bare = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(bare)).findFirst();
    }
}
