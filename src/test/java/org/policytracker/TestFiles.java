package org.policytracker;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reading back the files the tracker writes, as their readers would: CSV records, entries of a zip (XLSX). */
public final class TestFiles {

    private TestFiles() {
    }

    /**
     * The records of a CSV whose first character must be the byte order mark; the first line that is not a
     * comment ({@code #}, as the status report's lines about itself) is the header.
     */
    public static List<CSVRecord> csv(byte[] body) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get()
                .parse(new StringReader(withoutByteOrderMark(body))).getRecords();
    }

    /** The comment lines at the top of a CSV, without their {@code "# "}. */
    public static List<String> csvComments(byte[] body) {
        return withoutByteOrderMark(body).lines().takeWhile(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^# ?", "")).toList();
    }

    private static String withoutByteOrderMark(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.startsWith("\uFEFF")) {
            throw new AssertionError("the CSV does not start with a byte order mark");
        }
        return text.substring(1);
    }

    /** An entry of a zip file, read through its central directory (as Excel does); null when absent. */
    public static String zipEntry(byte[] zip, String name) throws IOException {
        Path file = Files.createTempFile("tracker", ".zip");
        try {
            Files.write(file, zip);
            try (ZipFile zf = new ZipFile(file.toFile())) {
                ZipEntry entry = zf.getEntry(name);
                if (entry == null) {
                    return null;
                }
                try (InputStream in = zf.getInputStream(entry)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
