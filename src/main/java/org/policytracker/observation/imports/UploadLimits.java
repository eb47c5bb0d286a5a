package org.policytracker.observation.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.policytracker.system.BodyLimitGuard;
import org.policytracker.system.Message;
import org.policytracker.system.TrackerConfig;

/**
 * What one uploaded file may cost ({@code tracker.import.max-*}, {@link TrackerConfig.Import}), and the
 * checks that stop reading at the first limit a file exceeds, before anything of it is held in memory:
 * {@link #check} runs on the stored upload before a job is created (the refusal is a 413), and the table
 * readers apply the same limits as they read.
 *
 * <p>
 * An XLSX file is a zip: every part is unpacked through a counter, so neither a declared size nor a lying
 * one lets a part unpack further than {@code max-uncompressed-size} (all parts together) or, once it has
 * unpacked 1 MB, more than {@code max-compression-ratio} times what it was packed in; its XML is scanned as
 * bytes (no parser, nothing kept) for a text or tag longer than {@code max-cell-chars}, more rows than
 * {@code max-rows}, a row of more than {@code max-columns} cells, and a DTD (workbooks never have one; an
 * entity is how the "billion laughs" grows). A CSV file is scanned by the same rules with its quoting
 * understood, so a quoted cell that runs on is counted as one cell.
 */
record UploadLimits(int maxRows, int maxColumns, int maxCellChars, long maxUncompressedBytes,
        int maxCompressionRatio) {

    /** For unit tests of the readers only: nothing is limited. */
    static final UploadLimits NONE = new UploadLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
            Long.MAX_VALUE, Integer.MAX_VALUE);

    /** The compression ratio is judged once a part has unpacked this much (small parts pack unevenly). */
    static final long RATIO_GRACE_BYTES = 1 << 20;

    static final String LIMIT_PREFIX = "file.limit.";

    static UploadLimits of(TrackerConfig.Import config) {
        return new UploadLimits(config.maxRows(), config.maxColumns(), config.maxCellChars(),
                config.maxUncompressedSize().asLongValue(), config.maxCompressionRatio());
    }

    /** Whether a file error is about one of these limits (answered 413) rather than a malformed file. */
    static boolean isLimit(Message message) {
        return message.code().startsWith(LIMIT_PREFIX);
    }

    UnreadableFileException rows(int row) {
        return new UnreadableFileException(row, Message.of("file.limit.rows", "max", maxRows), null);
    }

    UnreadableFileException columns(int row) {
        return new UnreadableFileException(row, Message.of("file.limit.columns", "max", maxColumns, "row", row), null);
    }

    UnreadableFileException cell(int row) {
        return new UnreadableFileException(row, Message.of("file.limit.cell", "max", maxCellChars, "row", row),
                null);
    }

    /** A text or tag of an XLSX part (a shared string has no row). */
    UnreadableFileException text(String part) {
        return new UnreadableFileException(1, Message.of("file.limit.text", "max", maxCellChars, "part", part), null);
    }

    /**
     * The number of entries the zip's end-of-central-directory record declares (the last record signed
     * PK\5\6 in the file's last 64 KB + 22 bytes); ZIP64's marker (0xFFFF) counts as more than any workbook
     * has; 0 when there is no such record (not a zip: the reader refuses it).
     */
    static long declaredEntries(Path file) throws IOException {
        try (java.nio.channels.SeekableByteChannel channel = java.nio.file.Files.newByteChannel(file)) {
            long size = channel.size();
            int tail = (int) Math.min(size, 22 + 0xFFFF);
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(tail).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            channel.position(size - tail);
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // read the whole tail
            }
            for (int i = tail - 22; i >= 0; i--) {
                if (bytes.getInt(i) == 0x06054b50) {
                    int entries = Short.toUnsignedInt(bytes.getShort(i + 10));
                    return entries == 0xFFFF ? Long.MAX_VALUE : entries;
                }
            }
            return 0;
        }
    }

    UnreadableFileException size() {
        return new UnreadableFileException(1,
                Message.of("file.limit.size", "max", BodyLimitGuard.shown(maxUncompressedBytes)),
                null);
    }

    UnreadableFileException ratio(String part) {
        return new UnreadableFileException(1,
                Message.of("file.limit.ratio", "max", maxCompressionRatio, "part", part), null);
    }

    /**
     * Checks a stored upload against the limits, reading it once and keeping nothing; throws the
     * {@link UnreadableFileException} of the first limit exceeded (or of a DTD in a workbook). A file that
     * is malformed in another way passes: the job's reader says what is wrong with it, by row.
     */
    void check(FileFormat format, Path file) throws IOException {
        switch (format) {
            case CSV -> checkCsv(file);
            case XLSX -> checkXlsx(file);
        }
    }

    private void checkCsv(Path file) throws IOException {
        try (Reader reader = csvReader(Files.newInputStream(file))) {
            char[] buffer = new char[1 << 16];
            while (reader.read(buffer) >= 0) {
                // the guard counts
            }
        } catch (CsvGuard.Exceeded e) {
            throw e.error();
        }
    }

    /** UTF-8 (bytes that are not become U+FFFD, refused by the reader with their row) through a {@link CsvGuard}. */
    Reader csvReader(InputStream in) {
        return new CsvGuard(new java.io.InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)), this);
    }

    /**
     * The most parts a workbook may have (a real one has tens). Counted from the zip's end record before the
     * zip is opened: a zip library reads the whole central directory into memory, a few hundred bytes an
     * entry, so millions of empty entries would be a memory bomb of their own.
     */
    static final int MAX_PARTS = 10_000;

    private void checkXlsx(Path file) throws IOException {
        long parts = declaredEntries(file);
        if (parts > MAX_PARTS) {
            throw new UnreadableFileException(1, Message.of("file.limit.parts", "max", MAX_PARTS), null);
        }
        ZipFile zip;
        try {
            zip = ZipFile.builder().setFile(file.toFile()).get();
        } catch (IOException | RuntimeException e) {
            return; // not a zip: the reader refuses it as not a workbook
        }
        try (zip) {
            long total = 0;
            byte[] buffer = new byte[1 << 16];
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (entry.getSize() > maxUncompressedBytes - total) {
                    throw size(); // declared too large: refused without unpacking
                }
                XmlScan xml = entry.getName().endsWith(".xml") || entry.getName().endsWith(".rels")
                        ? new XmlScan(this, entry.getName())
                        : null;
                try (InputStream in = zip.getInputStream(entry)) {
                    long unpacked = 0;
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        unpacked += n;
                        total += n;
                        if (total > maxUncompressedBytes) {
                            throw size();
                        }
                        if (unpacked > RATIO_GRACE_BYTES && in instanceof InputStreamStatistics stats
                                && unpacked / Math.max(1, stats.getCompressedCount()) > maxCompressionRatio) {
                            throw ratio(entry.getName());
                        }
                        if (xml != null) {
                            xml.scan(buffer, n);
                        }
                    }
                } catch (UnreadableFileException e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    return; // a damaged or unsupported part: the reader refuses the file
                }
            }
        }
    }

    /**
     * Counts a CSV text as it is read: rows, cells of a row and characters of a cell, with RFC 4180
     * quoting (a comma or line break inside quotes is part of the cell, a doubled quote one character).
     * Throws {@link Exceeded} at the first character over a limit, so a runaway cell or row is never
     * read further, let alone held.
     */
    static final class CsvGuard extends Reader {

        /** Thrown from {@link #read}: an IOException, so that the CSV parser passes it through. */
        static final class Exceeded extends IOException {

            private final transient UnreadableFileException error;

            Exceeded(UnreadableFileException error) {
                super(error.getMessage(), null);
                this.error = error;
            }

            UnreadableFileException error() {
                return error;
            }
        }

        private final Reader in;
        private final UploadLimits limits;
        private boolean first = true;
        private boolean quoted;
        private boolean quoteInQuoted;
        private boolean afterCr;
        private boolean rowStarted;
        private int row = 1;
        private int columns = 1;
        private int cellChars;

        CsvGuard(Reader in, UploadLimits limits) {
            this.in = in;
            this.limits = limits;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                step(buffer[i]);
            }
            return n;
        }

        private void step(char c) throws Exceeded {
            boolean crBefore = afterCr;
            afterCr = false;
            if (first) {
                first = false;
                if (c == '\uFEFF') {
                    return; // the byte-order mark is no cell's
                }
            }
            if (crBefore && c == '\n' && !quoted) {
                return; // CR LF ends one row
            }
            if (!rowStarted) {
                rowStarted = true;
                if (row - 1 > limits.maxRows) {
                    throw new Exceeded(limits.rows(row));
                }
            }
            if (quoted) {
                if (quoteInQuoted) {
                    quoteInQuoted = false;
                    if (c == '"') {
                        cellChar();
                        return;
                    }
                    quoted = false; // the closing quote; this character is outside the quotes
                } else {
                    if (c == '"') {
                        quoteInQuoted = true;
                    } else {
                        cellChar();
                    }
                    return;
                }
            }
            switch (c) {
                case '"' -> {
                    if (cellChars == 0) {
                        quoted = true;
                    } else {
                        cellChar();
                    }
                }
                case ',' -> {
                    cellChars = 0;
                    if (++columns > limits.maxColumns) {
                        throw new Exceeded(limits.columns(row));
                    }
                }
                case '\r', '\n' -> {
                    afterCr = c == '\r';
                    row++;
                    rowStarted = false;
                    columns = 1;
                    cellChars = 0;
                }
                default -> cellChar();
            }
        }

        private void cellChar() throws Exceeded {
            if (++cellChars > limits.maxCellChars) {
                throw new Exceeded(limits.cell(row));
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * Scans the bytes of an XML part without parsing it: the length of each text run (in characters: UTF-8
     * continuation bytes and the rest of an entity reference not counted) and tag, the {@code row} and
     * {@code c} elements, and any DTD.
     */
    static final class XmlScan {

        private static final int TEXT = 0;
        private static final int TAG = 1;
        private static final int CDATA = 2;
        private static final int NAME_MAX = 16;

        private final UploadLimits limits;
        private final String part;
        private final byte[] name = new byte[NAME_MAX];
        private int state = TEXT;
        private int nameLength;
        private boolean nameDone;
        private int textChars;
        private int tagLength;
        private boolean inEntity;
        private int brackets;
        private int rows;
        private int cellsInRow;

        XmlScan(UploadLimits limits, String part) {
            this.limits = limits;
            this.part = part;
        }

        void scan(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                byte b = bytes[i];
                switch (state) {
                    case TEXT -> {
                        if (b == '<') {
                            state = TAG;
                            textChars = 0;
                            inEntity = false;
                            tagLength = 0;
                            nameLength = 0;
                            nameDone = false;
                        } else {
                            textChar(b);
                        }
                    }
                    case TAG -> tagByte(b);
                    default -> { // CDATA, ends at ]]>
                        if (b == '>' && brackets >= 2) {
                            state = TEXT;
                        } else {
                            brackets = b == ']' ? brackets + 1 : 0;
                            textChar(b);
                        }
                    }
                }
            }
        }

        private void textChar(byte b) {
            if (inEntity) {
                inEntity = b != ';';
                return;
            }
            if ((b & 0xC0) == 0x80) {
                return; // a UTF-8 continuation byte: the same character
            }
            inEntity = b == '&';
            if (++textChars > limits.maxCellChars) {
                throw limits.text(part);
            }
        }

        private void tagByte(byte b) {
            if (b == '>') {
                endName();
                state = TEXT;
                return;
            }
            if (++tagLength > limits.maxCellChars) {
                throw limits.text(part);
            }
            if (nameDone) {
                return;
            }
            boolean delimiter = b == ' ' || b == '\t' || b == '\r' || b == '\n' || (b == '/' && nameLength > 0);
            if (delimiter || nameLength == NAME_MAX) {
                endName();
                return;
            }
            name[nameLength++] = b;
            if (startsWith("!DOCTYPE") || startsWith("!ENTITY")) {
                throw new UnreadableFileException(1, org.policytracker.system.Message.of("file.xlsxDtd", "part", part),
                        null);
            }
            if (startsWith("![CDATA[")) {
                state = CDATA;
                brackets = 0;
                textChars = 0;
            }
        }

        private boolean startsWith(String prefix) {
            if (nameLength != prefix.length()) {
                return false;
            }
            for (int i = 0; i < nameLength; i++) {
                if (name[i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** The element's name is complete: a row or a cell is counted (a namespace prefix is ignored). */
        private void endName() {
            if (nameDone) {
                return;
            }
            nameDone = true;
            int start = 0;
            for (int i = 0; i < nameLength; i++) {
                if (name[i] == ':') {
                    start = i + 1;
                }
            }
            int length = nameLength - start;
            if (length == 3 && name[start] == 'r' && name[start + 1] == 'o' && name[start + 2] == 'w') {
                rows++;
                cellsInRow = 0;
                if (rows - 1 > limits.maxRows) {
                    throw limits.rows(rows);
                }
            } else if (length == 1 && name[start] == 'c' && ++cellsInRow > limits.maxColumns) {
                throw limits.columns(rows);
            }
        }
    }
}
