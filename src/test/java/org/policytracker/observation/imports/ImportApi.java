package org.policytracker.observation.imports;

import static org.junit.jupiter.api.Assertions.fail;
import static org.policytracker.TestUsers.asAnalyst;
import static org.policytracker.TestUsers.asViewer;

import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Uploads and polling for the import tests, and files built the way clients would build them. */
final class ImportApi {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String IMPORTS = "/api/observations/imports";

    private ImportApi() {
    }

    /** Imports and waits for the finished job (wait=true). */
    static Response importCsv(String csv, String query) {
        return asAnalyst().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post(IMPORTS + "?wait=true" + (query.isEmpty() ? "" : "&" + query));
    }

    static Response importXlsx(byte[] workbook, String query) {
        return asAnalyst().contentType(XLSX).body(workbook)
                .post(IMPORTS + "?wait=true" + (query.isEmpty() ? "" : "&" + query));
    }

    /** Polls the job until it is SUCCEEDED, REJECTED or FAILED. */
    static Response awaitFinished(String location) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Response job = asViewer().get(location);
            String status = job.then().statusCode(200).extract().path("status");
            if (ImportStatus.valueOf(status).isFinal()) {
                return job;
            }
            Thread.sleep(100);
        }
        return fail("the import at " + location + " did not finish within a minute");
    }

    /** An XLSX workbook with one sheet of the given rows; numbers stay numbers, text stays text. */
    static byte[] xlsx(String sheetName, List<List<Object>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "import-test", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName);
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                if (cell instanceof Number number) {
                    sheet.value(r, c, number);
                } else if (cell != null) {
                    sheet.value(r, c, cell.toString());
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }
}
