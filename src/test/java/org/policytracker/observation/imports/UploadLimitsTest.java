package org.policytracker.observation.imports;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.observation.imports.ImportApi.IMPORTS;
import static org.policytracker.observation.imports.ImportApi.XLSX;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;

/**
 * Issue #16, "bounded cost per request": an upload over a limit of tracker.import.max-* is refused with a 413
 * problem naming file and the limit, before a job is made (so nothing is written), with the default limits;
 * a body over tracker.max-upload-size is a 413 problem too, declared or chunked, and a workbook with a DTD a 400.
 */
@QuarkusTest
public class UploadLimitsTest {

    static final String INDICATOR = "NON_FOSSIL_SHARE";

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    /**
     * The bug report's zip bomb: one inline-string cell of 200 MB of 'a', some 200 KB packed. Its declared size
     * is refused without unpacking; one of 90 MB (under max-uncompressed-size) at its cell's 10,001st character;
     * 90 MB of zeros in a part that is not XML by its compression ratio, after 1 MB.
     */
    @Test
    void shouldRefuseAZipBombBeforeUnpackingIt() throws IOException {
        byte[] bomb = zipBomb(200L << 20);
        assertTrue(bomb.length < 2 << 20, "packed: " + bomb.length);
        refused(asAnalyst().contentType(XLSX).body(bomb).post(IMPORTS + "?wait=true"), "file.limit.size");
        long before = System.nanoTime();
        refused(asAnalyst().contentType(XLSX).body(zipBomb(90L << 20)).post(IMPORTS + "?wait=true"),
                "file.limit.text").body("errors[0].message", containsString("10000"));
        byte[] zeros = workbook(out -> {
        }, 90L << 20);
        refused(asAnalyst().contentType(XLSX).body(zeros).post(IMPORTS + "?wait=true"), "file.limit.ratio")
                .body("errors[0].message", containsString("tracker.import.max-compression-ratio"))
                .body("errors[0].message", containsString("200 times"))
                .body("errors[0].message", containsString("xl/media/image1.png"));
        long millis = (System.nanoTime() - before) / 1_000_000;
        assertTrue(millis < 10_000, "refused after unpacking a little, not 90 MB: " + millis + " ms");
        noValues();
    }

    @Test
    void shouldRefuseAWorkbookThatUnpacksToMoreThanTheLimitEvenWhenItPacksLoosely() throws IOException {
        // Random digits pack only about 2:1, so the ratio passes; 101 MB of them exceed max-uncompressed-size.
        byte[] big = workbook(out -> {
            java.util.Random random = new java.util.Random(1);
            byte[] digits = new byte[5000];
            for (long written = 0; written < 101L << 20; written += digits.length) {
                for (int i = 0; i < digits.length; i++) {
                    digits[i] = (byte) ('0' + random.nextInt(10));
                }
                out.write("<row><c t=\"inlineStr\"><is><t>".getBytes(StandardCharsets.US_ASCII));
                out.write(digits);
                out.write("</t></is></c></row>".getBytes(StandardCharsets.US_ASCII));
            }
        });
        refused(asAnalyst().contentType(XLSX).body(big).post(IMPORTS), "file.limit.size")
                .body("errors[0].message", containsString("100 MB"))
                .body("errors[0].message", containsString("tracker.import.max-uncompressed-size"));
    }

    /** The bug report's row bomb: 2,000,000 empty lines in 2 MB, refused at the limit's row, not read to the end. */
    @Test
    void shouldRefuseARowBomb() {
        byte[] csv = ("indicator,period,value\n" + "\n".repeat(2_000_000)).getBytes(StandardCharsets.UTF_8);
        refused(asAnalyst().contentType("text/csv").body(csv).post(IMPORTS), "file.limit.rows")
                .body("errors[0].message", containsString("200000"))
                .body("errors[0].message", containsString("tracker.import.max-rows"));
        noValues();
    }

    @Test
    void shouldTakeAFileOfExactlyTheRowLimitAsFarAsTheRowsGo() {
        // 200,000 blank-valued rows are skipped, not refused: the limit is "more than", and a trailing line break
        // starts no row.
        byte[] csv = ("indicator,period,value\n" + (INDICATOR + ",2020,\n").repeat(200_000))
                .getBytes(StandardCharsets.UTF_8);
        ImportApi.importCsv(new String(csv, StandardCharsets.UTF_8), "dryRun=true").then().statusCode(200)
                .body("status", equalTo("SUCCEEDED")).body("rowsRead", equalTo(200_000));
    }

    @Test
    void shouldRefuseACellLongerThanTheLimitInCsvAndXlsx() throws IOException {
        String note = "x".repeat(10_001);
        refused(asAnalyst().contentType("text/csv")
                .body(("indicator,period,value,note\n" + INDICATOR + ",2020,20,\"" + note + "\"\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post(IMPORTS + "?wait=true"), "file.limit.cell")
                .body("errors[0].message", containsString("row 2"))
                .body("errors[0].message", containsString("10000"));
        // A quoted cell's commas and line breaks are the cell's: "a,b" quoted is one column.
        String quoted = "\"" + ",\n".repeat(5_001) + "\"";
        refused(asAnalyst().contentType("text/csv")
                .body(("indicator,period,value,note\n" + INDICATOR + ",2020,20," + quoted + "\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post(IMPORTS), "file.limit.cell");
        byte[] xlsx = ImportApi.xlsx("Observations", List.of(List.of("indicator", "period", "value", "note"),
                List.of(INDICATOR, "2020", 20, note)));
        refused(asAnalyst().contentType(XLSX).body(xlsx).post(IMPORTS), "file.limit.text");
        noValues();
    }

    @Test
    void shouldRefuseTooManyColumnsInCsvAndXlsx() throws IOException {
        refused(asAnalyst().contentType("text/csv")
                .body(("indicator,period,value\n" + INDICATOR + ",2020,20" + ",".repeat(98) + "\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post(IMPORTS), "file.limit.columns")
                .body("errors[0].message", containsString("row 2"))
                .body("errors[0].message", containsString("100"));
        List<Object> wide = new java.util.ArrayList<>(List.of(INDICATOR, "2020", 20));
        while (wide.size() < 101) {
            wide.add("x");
        }
        byte[] xlsx = ImportApi.xlsx("Observations", List.of(List.of("indicator", "period", "value"), wide));
        refused(asAnalyst().contentType(XLSX).body(xlsx).post(IMPORTS), "file.limit.columns");
        // 100 columns are allowed (the extra ones are unnamed, so ignored).
        ImportApi.importCsv("indicator,period,value\n" + INDICATOR + ",2020,20" + ",".repeat(97) + "\n", "dryRun=true")
                .then().statusCode(200).body("status", equalTo("SUCCEEDED"));
    }

    /** Was FAILED "failed unexpectedly" with a stack trace in the log. */
    @Test
    void shouldRefuseAWorkbookWithAnEntityInItsSharedStrings() throws IOException {
        byte[] workbook = ImportApi.xlsx("Observations", List.of(List.of("indicator", "period", "value", "note"),
                List.of(INDICATOR, "2020", 20, "plain")));
        byte[] withEntity = replaceEntry(workbook, "xl/sharedStrings.xml", xml -> xml
                .replaceFirst("<sst", "<!DOCTYPE sst [<!ENTITY e \"lol\">]><sst")
                .replace(">plain<", ">&e;<"));
        asAnalyst().contentType(XLSX).body(withEntity).post(IMPORTS + "?wait=true").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"))
                .body("errors[0].code", equalTo("file.xlsxDtd"))
                .body("errors[0].message", containsString("xl/sharedStrings.xml"));
        // An undeclared entity (no DTD) gets past the scan; the reader's error is a REJECTED file error.
        byte[] undeclared = replaceEntry(workbook, "xl/sharedStrings.xml", xml -> xml.replace(">plain<", ">&e;<"));
        ImportApi.importXlsx(undeclared, "").then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("errors", hasSize(1)).body("errors[0].column", equalTo("(file)"))
                .body("errors[0].code", equalTo("file.notXlsx"));
        asAnalyst().get("/api/indicators/" + INDICATOR + "/observations").then().statusCode(200).body("$", hasSize(0));
    }

    /** Quarkus answered this with an empty 413; the length is declared, so nothing of the body need be sent. */
    @Test
    void shouldAnswerABodyOverTheBodyLimitWithAProblem() throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            String auth = Base64.getEncoder()
                    .encodeToString(("analyst1:" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
            TestUsers.asAnalyst(); // creates analyst1
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + IMPORTS + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "Accept-Language: en\r\nAuthorization: Basic " + auth + "\r\nContent-Length: "
                    + (300L << 20) + "\r\n\r\nindicator,period,value\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(30_000);
            String answer = readAnswer(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains("\"field\":\"(body)\""), answer);
            assertTrue(answer.contains("200 MB") && answer.contains("tracker.max-upload-size"), answer);
        }
    }

    @Test
    void shouldAnswerAChunkedBodyPastTheLimitWithAProblem() throws Exception {
        TestUsers.asAnalyst(); // creates analyst1
        String auth = java.util.Base64.getEncoder()
                .encodeToString(("analyst1:" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + IMPORTS + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "Accept-Language: en\r\nAuthorization: Basic " + auth + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            // 201 MB of rows, no length declared: the server refuses it once 200 MB have arrived.
            Thread sender = new Thread(() -> {
                byte[] rows = "FOREST_STOCK,2020,1\n".repeat(3277).getBytes(StandardCharsets.US_ASCII);
                byte[] head = (Integer.toHexString(rows.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    for (long sent = 0; sent <= (201L << 20); sent += rows.length) {
                        out.write(head);
                        out.write(rows);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closedByTheServer) {
                    // expected once the server has answered
                }
            });
            sender.start();
            String answer = readAnswer(socket.getInputStream());
            sender.join();
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains("\"field\":\"(body)\"") && answer.contains("tracker.max-upload-size"), answer);
        }
    }

    /** The status line, headers and body (of the length the headers say). */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                .matcher(headers);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void shouldRefuseAZipOfTooManyPartsBeforeOpeningIt() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i <= UploadLimits.MAX_PARTS; i++) {
                zip.putNextEntry(new ZipEntry("x/" + i));
                zip.closeEntry();
            }
        }
        refused(asAnalyst().contentType(XLSX).body(bytes.toByteArray()).post(IMPORTS + "?wait=true"),
                "file.limit.parts");
        noValues();
        assertEquals(UploadLimits.MAX_PARTS + 1, UploadLimits.declaredEntries(java.nio.file.Files.write(
                java.nio.file.Files.createTempFile("parts", ".zip"), bytes.toByteArray())));
    }

    private static io.restassured.response.ValidatableResponse refused(Response response, String code) {
        return response.then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("errors", hasSize(1)).body("errors[0].field", equalTo("file"))
                .body("errors[0].code", equalTo(code));
    }

    private static void noValues() {
        asAnalyst().get("/api/indicators/" + INDICATOR + "/observations").then().statusCode(200).body("$", hasSize(0));
        assertEquals(0L, (long) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ImportJob.count()),
                "no job was made");
    }

    public interface SheetRows {

        void write(OutputStream out) throws IOException;
    }

    /** A one-sheet workbook whose sheet has a header row and then what {@code rows} writes. */
    static byte[] workbook(SheetRows rows) throws IOException {
        return workbook(rows, 0);
    }

    /** The same, with an "image" of {@code zeros} zero bytes when not 0. */
    public static byte[] workbook(SheetRows rows, long zeros) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (zeros > 0) {
                zip.putNextEntry(new ZipEntry("xl/media/image1.png"));
                byte[] block = new byte[1 << 16];
                for (long written = 0; written < zeros; written += block.length) {
                    zip.write(block);
                }
                zip.closeEntry();
            }
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\""
                    + "http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" "
                    + "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default "
                    + "Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" "
                    + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd."
                    + "openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://"
                    + "schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\""
                    + "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                    + "Target=\"xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://"
                    + "schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats"
                    + ".org/officeDocument/2006/relationships\"><sheets><sheet name=\"Observations\" sheetId=\"1\" "
                    + "r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                    + "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\""
                    + "rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
                    + "\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer head = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            head.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats"
                    + ".org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                    + "indicator</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>period</t></is></c><c r=\"C1\" "
                    + "t=\"inlineStr\"><is><t>value</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>note</t></is>"
                    + "</c></row>");
            head.flush();
            rows.write(zip);
            head.write("</sheetData></worksheet>");
            head.flush();
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** A workbook whose row 2 has a note of {@code size} bytes of 'a', built as a stream (never whole in memory). */
    public static byte[] zipBomb(long size) throws IOException {
        return workbook(out -> {
            out.write(("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + INDICATOR + "</t></is></c><c r=\"B2\" "
                    + "t=\"inlineStr\"><is><t>2020</t></is></c><c r=\"C2\"><v>20</v></c><c r=\"D2\" t=\"inlineStr\">"
                    + "<is><t>").getBytes(StandardCharsets.US_ASCII));
            byte[] a = new byte[1 << 16];
            java.util.Arrays.fill(a, (byte) 'a');
            for (long written = 0; written < size; written += a.length) {
                out.write(a);
            }
            out.write("</t></is></c></row>".getBytes(StandardCharsets.US_ASCII));
        });
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static byte[] replaceEntry(byte[] workbook, String name, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("workbook", ".xlsx");
        java.nio.file.Files.write(file, workbook);
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(file.toFile());
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] content = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(name)) {
                    content = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        return bytes.toByteArray();
    }
}
