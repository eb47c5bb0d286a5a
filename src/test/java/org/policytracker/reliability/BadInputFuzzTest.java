package org.policytracker.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policytracker.TestData;
import org.policytracker.TestUsers;
import org.policytracker.reliability.Http.Answer;

/**
 * Reliability suite, part 1 (issue #7): at least 10,000 generated hostile requests over every
 * write endpoint — wrong types, missing and extra fields, huge, negative and non-finite numbers,
 * odd Unicode, very long strings, malformed JSON/CSV/XLSX, wrong content types. The oracle:
 * <ul>
 * <li>no answer is a 5xx;</li>
 * <li>every 4xx is {@code application/problem+json} with its status, a title and a detail; a 400,
 * 409, 413 or 415 lists errors, each naming a field and saying what is wrong; when one field of an
 * otherwise valid body was broken and the answer is 400, that field is among those named;</li>
 * <li>a bulk import that is refused writes nothing (the indicator's values are unchanged after
 * it), and every generated file that holds a bad row is refused;</li>
 * <li>a refused restore changes nothing.</li>
 * </ul>
 * The generator is a seeded {@link Random} (seed and count: system properties {@code fuzz.seed},
 * {@code fuzz.requests}), so a failure replays exactly. It prints the counts per endpoint and
 * status and writes them to {@code target/reliability/bad-input.txt}.
 */
@QuarkusTest
class BadInputFuzzTest {

    @BeforeEach
    void ownData() {
        TestData.reset();
    }

    static final String INDICATOR = "IP_PROTECTION_SATISFACTION"; // a SCORE
    static final String MILESTONE = "FTZ-M19";
    static final String OBS = "/api/indicators/" + INDICATOR + "/observations";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final long SEED = Long.getLong("fuzz.seed", 20261127L);
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);

    /** Vert.x's default limit of the HTTP request line (quarkus.http.limits.max-initial-line-length). */
    static final int MAX_REQUEST_LINE = 4096;

    static int requestLine(Req req) {
        return req.method.length() + 1 + req.path.length() + " HTTP/1.1".length();
    }

    static final int WORKERS = Integer.getInteger("fuzz.workers", 4);
    /** Bulk imports go to an indicator nothing else writes: every generated file is refused or a dry run. */
    static final String IMPORT_INDICATOR = "IP_CIVIL_FIRST_INSTANCE_ACCEPTANCE_RATE";

    private final Map<String, Map<Integer, Integer>> counts = new TreeMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private String analyst;
    private String admin;
    private byte[] backup;
    private int importValues;

    /** One generated request, with the field it broke when it broke exactly one. */
    record Req(String endpoint, String method, String path, String auth, String contentType, byte[] body,
            String brokenField) {
    }

    /** A year both indicators have values for: after their series start, before this year. */
    static final String FIXED_PERIOD = "2020";
    /** The years INDICATOR can have values for: from its series start to the last year that has ended. */
    private int firstYear;
    private int lastYear;
    /** IMPORT_INDICATOR's series start: generated files have up to 20 years from there. */
    private int importFirstYear;

    @BeforeEach
    void users() {
        TestUsers.asAnalyst().get("/api/me").then().statusCode(200);
        firstYear = TestUsers.asAnalyst().get("/api/indicators/" + INDICATOR).then().statusCode(200).extract()
                .path("seriesStart");
        lastYear = Year.now(ZoneOffset.UTC).getValue() - 1;
        importFirstYear = TestUsers.asAnalyst().get("/api/indicators/" + IMPORT_INDICATOR).then().statusCode(200)
                .extract().path("seriesStart");
        assertTrue(lastYear - firstYear >= 5 && lastYear - importFirstYear >= 20, "years to generate values for");
        analyst = Http.basic("analyst1", TestUsers.PASSWORD);
        admin = Http.basic("admin", TestUsers.ADMIN_PASSWORD);
    }

    @Test
    void shouldAnswerEveryHostileRequestWithAProblemNamingTheFieldAndNever5xx() throws Exception {
        // A value to correct and delete, and a state for the milestone.
        Http.send("POST", OBS, analyst, "application/json",
                Nasty.b("{\"period\":\"" + FIXED_PERIOD + "\",\"value\":70}"));
        backup = Http.send("GET", "/api/admin/backup", admin, null, null).body();
        assertTrue(backup.length > 1000, "a backup to truncate");

        Http.send("POST", "/api/indicators/" + IMPORT_INDICATOR + "/observations", analyst, "application/json",
                Nasty.b("{\"period\":\"" + FIXED_PERIOD + "\",\"value\":70}"));
        importValues = valueCount(IMPORT_INDICATOR);

        long start = System.nanoTime();
        // Restores replace the whole state: they run alone, after the rest, so that "nothing changed" can be seen.
        int restores = REQUESTS * 3 / 100;
        int perWorker = (REQUESTS - restores + WORKERS - 1) / WORKERS;
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<Integer>> done = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            Worker worker = new Worker(new Random(SEED + w));
            done.add(pool.submit(() -> worker.run(perWorker)));
        }
        int sent = 0;
        for (Future<Integer> f : done) {
            sent += f.get();
        }
        pool.shutdown();
        Worker restorer = new Worker(new Random(SEED - 1));
        for (int i = 0; i < restores; i++) {
            restorer.checkRestore();
            sent++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int finalImportValues = valueCount(IMPORT_INDICATOR);
        if (finalImportValues != importValues) {
            failures.add("imports wrote values: " + IMPORT_INDICATOR + " had " + importValues + ", has "
                    + finalImportValues);
        }
        String report = report(sent, seconds);
        System.out.println(report);
        Path out = Path.of("target", "reliability", "bad-input.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        // Generated text may hold lone surrogates, which UTF-8 cannot encode: they become '?' in the file.
        Files.write(out.resolveSibling("bad-input-failures.txt"), failures.stream()
                .map(f -> new String(f.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).toList());
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + sent + " requests broke the contract (first 20):\n"
                    + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        }
    }

    /** One stream of generated requests, from its own seeded generator. */
    final class Worker {

        private final Random random;
        private String previous = "(none)";

        Worker(Random random) {
            this.random = random;
        }

        int run(int requests) throws IOException {
            for (int i = 0; i < requests; i++) {
                int dice = random.nextInt(97);
                if (dice < 28) {
                    check(observationCreate());
                } else if (dice < 42) {
                    check(observationCorrect());
                } else if (dice < 50) {
                    check(observationDelete());
                } else if (dice < 60) {
                    check(milestone());
                } else if (dice < 69) {
                    check(user());
                } else if (dice < 91) {
                    checkImport();
                } else if (dice < 94) {
                    check(logout());
                } else {
                    check(signIn());
                }
            }
            return requests;
        }

        // ---- generators -------------------------------------------------------------------------

        /** A year INDICATOR can have a value for. */
        private int validYear() {
            return firstYear + random.nextInt(lastYear - firstYear + 1);
        }

        private Req observationCreate() {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("period", "\"" + validYear() + "\"");
            body.put("value", Integer.toString(50 + random.nextInt(40)));
            body.put("form", "\"LEVEL\"");
            body.put("source", "\"fuzz\"");
            body.put("note", "\"n\"");
            body.put("seriesBreak", "null");
            String path = maybeBadCode();
            return jsonRequest("POST observations", "POST", path, body, path.equals(OBS));
        }

        private Req observationCorrect() {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("value", Integer.toString(50 + random.nextInt(40)));
            body.put("form", "\"LEVEL\"");
            body.put("source", "\"fuzz\"");
            body.put("note", "\"n\"");
            body.put("seriesBreak", "null");
            body.put("version", Integer.toString(random.nextInt(3)));
            String path = maybeBadCode();
            String period = period();
            return jsonRequest("PUT observations/{period}", "PUT", path + "/" + period, body,
                    path.equals(OBS) && period.matches("\\d{4}"));
        }

        private Req observationDelete() {
            String version = random.nextInt(3) == 0 ? Nasty.pick(random, Nasty.TEXT)
                    : Nasty.pick(random, List.of("0", "1", "-1", "abc", "1.5", "1e3", "99999999999999999999", "", "%00",
                            "9223372036854775807", "NaN"));
            String query = random.nextInt(8) == 0 ? "" : "?version=" + Nasty.encode(version);
            return new Req("DELETE observations/{period}", "DELETE", maybeBadCode() + "/" + period() + query, analyst,
                    null, null, null);
        }

        private Req milestone() {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("state", "\"" + Nasty.pick(random, List.of("NOT_STARTED", "IN_PROGRESS", "DONE")) + "\"");
            body.put("evidence", "\"fuzz evidence\"");
            body.put("date", "\"2024-0" + (1 + random.nextInt(9)) + "-15\"");
            body.put("version", Integer.toString(random.nextInt(4)));
            String target = random.nextInt(10) == 0 ? Nasty.encode(Nasty.pick(random, Nasty.TEXT))
                    : random.nextInt(10) == 0 ? "CARBON-2025-CO2-INTENSITY" : MILESTONE;
            return jsonRequest("PUT milestone", "PUT", "/api/targets/" + target + "/milestone", body,
                    target.equals(MILESTONE));
        }

        private Req user() {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("username", "\"viewer1\""); // taken: a body left valid is a 409, not a new user
            body.put("password", "\"a-long-enough-password\"");
            body.put("role", "\"viewer\"");
            Req r = jsonRequest("POST users", "POST", "/api/users", body, true);
            return new Req(r.endpoint, r.method, r.path, admin, r.contentType, r.body, r.brokenField);
        }

        private Req logout() {
            byte[] body = random.nextBoolean() ? Nasty.BAD_BODIES.get(random.nextInt(Nasty.BAD_BODIES.size()))
                    : Nasty.randomBytes(random, 2000);
            return new Req("POST session/logout", "POST", "/api/session/logout", random.nextBoolean() ? analyst : null,
                    contentType("application/json"), body, null);
        }

        private Req signIn() {
            String form = "j_username=" + Nasty.encode(Nasty.pick(random, Nasty.TEXT)) + "&j_password="
                    + Nasty.encode(Nasty.pick(random, Nasty.TEXT));
            byte[] body = random.nextInt(4) == 0 ? Nasty.randomBytes(random, 500) : Nasty.b(form);
            return new Req("POST j_security_check", "POST", "/j_security_check", null,
                    contentType("application/x-www-form-urlencoded"), body, null);
        }

        /**
         * A valid body with one thing broken, or a body that is not a JSON object at all. With a clean
         * path (an existing resource, a valid period), a 400 must name the broken field.
         */
        private Req jsonRequest(String endpoint, String method, String path, Map<String, String> body,
                boolean cleanPath) {
            String broken = null;
            byte[] bytes;
            int how = random.nextInt(10);
            if (how < 5) {
                List<String> fields = new ArrayList<>(body.keySet());
                broken = fields.get(random.nextInt(fields.size()));
                String token = Nasty.anyToken(random);
                body.put(broken, token);
                bytes = Nasty.b(object(body));
                if (!isJson(token)) {
                    broken = null; // the body is not JSON at all: the problem names "(body)" and says so
                }
            } else if (how < 7) {
                List<String> fields = new ArrayList<>(body.keySet());
                broken = fields.get(random.nextInt(fields.size()));
                body.remove(broken);
                bytes = Nasty.b(object(body));
            } else if (how < 8) {
                String[] names = {"id", "createdBy", "Value", "valu", "extra", "\\u202eperiod", "😀", "__proto__",
                        "a".repeat(300), "constructor", "version\\u0000"};
                String name = names[random.nextInt(names.length)];
                String token = Nasty.anyToken(random);
                body.put(name, token);
                broken = name.contains("\\") || !isJson(token) ? null : name; // escaped names come back decoded: not compared
                bytes = Nasty.b(object(body));
            } else if (how < 9) {
                bytes = Nasty.BAD_BODIES.get(random.nextInt(Nasty.BAD_BODIES.size()));
            } else {
                bytes = Nasty.randomBytes(random, 3000);
            }
            return new Req(endpoint, method, path, analyst, contentType("application/json"), bytes,
                    cleanPath ? broken : null);
        }

        private static boolean isJson(String token) {
            try {
                Http.JSON.readTree(token);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        /** Field name to raw JSON token → a JSON object text (names are JSON-escaped already). */
        private static String object(Map<String, String> body) {
            StringBuilder out = new StringBuilder("{");
            body.forEach((name, token) -> out.append(out.length() > 1 ? "," : "").append('"').append(name).append("\":")
                    .append(token));
            return out.append('}').toString();
        }

        private String contentType(String right) {
            int dice = random.nextInt(12);
            return switch (dice) {
                case 0 -> null;
                case 1 -> "text/plain";
                case 2 -> "application/xml";
                case 3 -> "multipart/form-data; boundary=x";
                case 4 -> "application/json; charset=ISO-8859-1";
                case 5 -> "garbage";
                default -> right;
            };
        }

        private String maybeBadCode() {
            if (random.nextInt(12) == 0) {
                String code = Nasty.pick(random, List.of("NO_SUCH_INDICATOR", "ip_protection_satisfaction", "FTZ_M19",
                        "%F0%9F%98%80", "%00", "a%2Fb", "%ED%A0%80", "x".repeat(3000)));
                return "/api/indicators/" + code + "/observations";
            }
            return OBS;
        }

        private String period() {
            if (random.nextInt(3) == 0) {
                return random.nextBoolean() ? FIXED_PERIOD : Integer.toString(validYear());
            }
            return Nasty.encode(Nasty.pick(random, Nasty.TEXT));
        }

        // ---- imports and restores ---------------------------------------------------------------------

        private void checkImport() throws IOException {
            boolean validDryRun = random.nextInt(20) == 0;
            boolean xlsx = random.nextInt(3) == 0;
            List<List<String>> rows = validDryRun ? validRows() : badRows();
            byte[] file;
            String type;
            if (xlsx) {
                file = xlsxFile(rows, validDryRun);
                type = XLSX;
            } else {
                file = csvFile(rows, validDryRun);
                type = "text/csv";
            }
            if (!validDryRun && random.nextInt(8) == 0) {
                type = contentType(type);
            }
            boolean wait = random.nextInt(10) != 0;
            StringBuilder query = new StringBuilder("?wait=" + wait);
            if (validDryRun) {
                query.append("&dryRun=true&mode=upsert");
            } else {
                if (random.nextInt(6) == 0) {
                    query.append("&mode=").append(Nasty.encode(Nasty.pick(random, List.of("create", "upsert", "UPSERT",
                            "merge", "", "\u0000", "create,upsert"))));
                }
                if (random.nextInt(6) == 0) {
                    query.append("&dryRun=").append(Nasty.encode(Nasty.pick(random, Nasty.TEXT)));
                }
                if (random.nextInt(8) == 0) {
                    query.append("&fileName=").append(Nasty.encode(Nasty.pick(random, Nasty.TEXT)));
                }
            }
            Req req = new Req(xlsx ? "POST imports (XLSX)" : "POST imports (CSV)", "POST",
                    "/api/observations/imports" + query, analyst, type, file, null);
            Answer answer = check(req);
            if (answer != null && (answer.status() == 200 || answer.status() == 202)) {
                JsonNode job = answer.json();
                if (answer.status() == 202) {
                    job = awaitJob(job.get("id").asText());
                }
                String status = job.path("status").asText();
                String expected = validDryRun ? "SUCCEEDED" : "REJECTED";
                if (!expected.equals(status)) {
                    failures.add(req.endpoint + ": expected job " + expected + ", was " + status + ": "
                            + Http.abbreviate(job.toString()) + " for the file:\n" + new String(req.body,
                                    StandardCharsets.UTF_8));
                } else if (!validDryRun && (job.path("errorCount").asInt() < 1 || !job.path("errors").isArray()
                        || job.path("errors").isEmpty()
                        || job.path("errors").get(0).path("message").asText().isBlank())) {
                    failures.add(
                            req.endpoint + ": a REJECTED job must list its errors: " + Http.abbreviate(job.toString()));
                }
            }
            int after = valueCount(IMPORT_INDICATOR);
            if (after != importValues) {
                failures.add(req.endpoint + ": a refused import or a dry run changed the values of " + IMPORT_INDICATOR
                        + " (" + importValues + " -> " + after + ") " + Http.abbreviate(req.path) + " "
                        + req.contentType
                        + " " + Http.abbreviate(new String(req.body, StandardCharsets.UTF_8)) + " -> "
                        + (answer == null ? ""
                                : Http.abbreviate(answer.text())));
            }
        }

        private JsonNode awaitJob(String id) {
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                JsonNode job = Http.send("GET", "/api/observations/imports/" + id, analyst, null, null).json();
                String status = job.path("status").asText();
                if (List.of("SUCCEEDED", "REJECTED", "FAILED").contains(status)) {
                    return job;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            throw new AssertionError("import job " + id + " did not finish within a minute");
        }

        private List<List<String>> validRows() {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("indicator", "period", "value", "form", "source", "note"));
            int n = 1 + random.nextInt(20);
            for (int i = 0; i < n; i++) {
                rows.add(List.of(IMPORT_INDICATOR, Integer.toString(importFirstYear + i), Integer.toString(60 + i),
                        "LEVEL",
                        "dry run", Nasty.pick(random, List.of("ok", "😀", "<b>x</b>", "'; --"))));
            }
            return rows;
        }

        /** Rows with at least one that must be refused, and sometimes a broken header. */
        private List<List<String>> badRows() {
            List<String> header = new ArrayList<>(List.of("indicator", "period", "value", "form", "source", "note",
                    "seriesBreak"));
            switch (random.nextInt(10)) {
                case 0 -> header.remove(random.nextInt(3)); // a required column missing
                case 1 -> header.add(Nasty.pick(random, Nasty.TEXT)); // an unknown column
                case 2 -> header.set(random.nextInt(header.size()), Nasty.pick(random, Nasty.TEXT));
                case 3 -> header.add(header.get(0)); // a column twice
                default -> {
                }
            }
            List<List<String>> rows = new ArrayList<>();
            rows.add(header);
            int n = 1 + random.nextInt(20);
            int bad = random.nextInt(n);
            for (int i = 0; i < n; i++) {
                List<String> row = new ArrayList<>(List.of(IMPORT_INDICATOR, Integer.toString(importFirstYear + i),
                        Integer.toString(60 + random.nextInt(20)), "LEVEL", "fuzz", "n", ""));
                if (i == bad || random.nextInt(5) == 0) {
                    breakRow(row, i == bad);
                }
                rows.add(row);
            }
            return rows;
        }

        private void breakRow(List<String> row, boolean mustBeBad) {
            int column = random.nextInt(mustBeBad ? 4 : 7);
            String cell = switch (column) {
                case 0 -> Nasty.pick(random, List.of("NO_SUCH_INDICATOR", "FTZ_M19", "ip_protection_satisfaction",
                        "'; DROP TABLE observation;--", "\u0000", "😀"));
                case 1 ->
                    Nasty.pick(random, List.of("2024Q5", "2024-13", "1989", "2101", "20x4", "-2024", "99999", "NaN",
                            "2024.5", "x".repeat(3000), "\u202e2024"));
                case 2 -> Nasty.pick(random, List.of("abc", "NaN", "Infinity", "-Infinity", "1e309", "-1e309", "--1",
                        "1.234,5", "0x10", "-5", "1e400", "9".repeat(500), "\u200b", "١٢٣"));
                case 3 -> Nasty.pick(random, List.of("level ", "INDEX_POINTS", "YOY", "NaN", "😀", "x".repeat(500)));
                default -> Nasty.pick(random, Nasty.TEXT);
            };
            if (mustBeBad && column == 3 && "level ".equals(cell)) {
                cell = "LEVELS";
            }
            row.set(column, cell);
        }

        private byte[] csvFile(List<List<String>> rows, boolean keepValid) {
            StringBuilder csv = new StringBuilder();
            if (random.nextBoolean()) {
                csv.append('\ufeff');
            }
            for (List<String> row : rows) {
                for (int c = 0; c < row.size(); c++) {
                    if (c > 0) {
                        csv.append(',');
                    }
                    csv.append('"').append(row.get(c).replace("\"", "\"\"")).append('"');
                }
                csv.append(random.nextBoolean() ? "\r\n" : "\n");
            }
            byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
            if (keepValid) {
                return bytes;
            }
            return switch (random.nextInt(10)) {
                // Truncated: the cut may drop the bad row, so a row that must be refused is appended (inside an
                // open quote it makes the rest unreadable, which is refused too).
                case 0 -> concat(Arrays.copyOf(bytes, Math.max(1, random.nextInt(bytes.length))),
                        Nasty.b("\nNO_SUCH_INDICATOR,2024,1\n"));
                case 1 -> Nasty.randomBytes(random, 4000);
                case 2 -> concat(bytes, Nasty.bytes(0x22, 0xed, 0xa0, 0x80, 0xff, 0x2c, 0x22)); // invalid UTF-8, open quote
                case 3 -> concat(Nasty.b("indicator,period,value\n\"" + IMPORT_INDICATOR + ",2024,1\n"), bytes); // open quote
                case 4 -> new byte[0];
                default -> bytes;
            };
        }

        private byte[] xlsxFile(List<List<String>> rows, boolean keepValid) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook workbook = new Workbook(out, "fuzz", "1.0");
            Worksheet sheet = workbook.newWorksheet(random.nextInt(5) == 0 ? "Other" : "Observations");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String cell = rows.get(r).get(c);
                    if (c == 2 && r > 0 && cell.matches("-?\\d{1,9}") && random.nextBoolean()) {
                        sheet.value(r, c, Integer.parseInt(cell));
                    } else {
                        sheet.value(r, c, cell.replace("\u0000", "")); // XML cannot carry NUL
                    }
                }
            }
            workbook.finish();
            byte[] bytes = out.toByteArray();
            if (keepValid) {
                return bytes;
            }
            return switch (random.nextInt(8)) {
                case 0 -> Arrays.copyOf(bytes, Math.max(1, random.nextInt(bytes.length))); // truncated zip
                case 1 -> Nasty.randomBytes(random, 8000);
                case 2 -> zip(Map.of("hello.txt", "not a workbook"));
                case 3 -> zip(Map.of("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook><sheets>"));
                case 4 -> corruptOneByte(bytes);
                default -> bytes;
            };
        }

        private byte[] corruptOneByte(byte[] bytes) {
            byte[] copy = bytes.clone();
            for (int i = 0; i < 20; i++) {
                copy[random.nextInt(copy.length)] ^= (byte) (1 + random.nextInt(255));
            }
            return copy;
        }

        private static byte[] zip(Map<String, String> entries) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, String> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }

        private void checkRestore() {
            Supplier<byte[]> body = switch (random.nextInt(7)) {
                case 0 -> () -> Arrays.copyOf(backup, 1 + random.nextInt(backup.length * 9 / 10)); // truncated
                case 1 -> () -> new String(backup, StandardCharsets.UTF_8)
                        .replaceFirst("\"schemaVersion\"\\s*:\\s*\"?[0-9.]+\"?", "\"schemaVersion\":\"999\"")
                        .getBytes(StandardCharsets.UTF_8); // from a newer schema
                case 2 -> () -> Nasty.randomBytes(random, 5000);
                case 3 -> () -> Nasty.b(Nasty.pick(random, List.of("{}", "[]", "{\"format\":1}", "{\"tables\":{}}",
                        "{\"tables\":[]}", "null")));
                case 4 -> () -> corruptOneByte(backup);
                default -> () -> Nasty.BAD_BODIES.get(random.nextInt(Nasty.BAD_BODIES.size()));
            };
            String fingerprint = fingerprint();
            Answer answer = check(new Req("POST admin/restore", "POST", "/api/admin/restore", admin,
                    contentType("application/json"), body.get(), null));
            if (answer != null && answer.status() < 300) {
                failures.add("POST admin/restore: a broken backup was accepted: HTTP " + answer.status());
            }
            if (!fingerprint.equals(fingerprint())) {
                failures.add("POST admin/restore: a refused restore changed the state");
            }
        }

        private String fingerprint() {
            return Http.send("GET", "/api/users", admin, null, null).text() + Http.send("GET", OBS, admin, null, null)
                    .text() + Http.send("GET", "/api/targets/" + MILESTONE + "/milestone", admin, null, null).text();
        }

        // ---- the oracle ---------------------------------------------------------------------------

        private Answer check(Req req) {
            String what = req.endpoint + " " + req.method + " " + Http.abbreviate(req.path) + " (" + req.contentType
                    + ", body " + (req.body == null ? "none"
                            : Http.abbreviate(new String(req.body,
                                    StandardCharsets.UTF_8)))
                    + ")";
            Answer answer;
            try {
                answer = Http.send(req.method, req.path, req.auth, req.contentType, req.body);
            } catch (AssertionError e) {
                failures.add("no answer (" + e.getMessage() + ") for " + what + "; the request before was " + previous);
                count(req.endpoint, 0);
                previous = what;
                return null;
            }
            previous = what + " -> " + answer.status();
            count(req.endpoint, answer.status());
            int status = answer.status();
            if (status >= 500) {
                failures.add("5xx " + status + " for " + what + ": " + Http.abbreviate(answer.text()));
                return answer;
            }
            if (status < 400) {
                return answer;
            }
            if (status == 414 && answer.body().length == 0 && requestLine(req) > MAX_REQUEST_LINE) {
                // Refused by the HTTP codec (Vert.x) before any application code runs: a bare 414, no body.
                // Quarkus offers no hook to give it a problem body; counted and reported, see RELIABILITY.md.
                return answer;
            }
            if (status == 401 && req.path.equals("/j_security_check") && answer.body().length == 0) {
                // Wrong credentials at the web sign-in: the form mechanism's documented bare 401 (README
                // "Endpoints"); not an /api endpoint. Counted and reported, see RELIABILITY.md.
                return answer;
            }
            if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
                failures.add("4xx " + status + " not problem+json (" + answer.contentType() + ") for " + what + ": "
                        + Http.abbreviate(answer.text()));
                return answer;
            }
            JsonNode problem;
            try {
                problem = Http.JSON.readTree(answer.body());
            } catch (Exception e) {
                failures.add("4xx " + status + " body not JSON for " + what);
                return answer;
            }
            if (problem.path("status").asInt() != status || problem.path("title").asText().isBlank()
                    || problem.path("detail").asText().isBlank()) {
                failures.add(
                        "problem without status/title/detail for " + what + ": " + Http.abbreviate(problem.toString()));
            }
            if (List.of(400, 409, 413, 415).contains(status)) {
                JsonNode errors = problem.path("errors");
                boolean named = errors.isArray() && !errors.isEmpty();
                for (JsonNode e : errors) {
                    named &= !e.path("field").asText().isBlank() && !e.path("message").asText().isBlank();
                }
                if (!named) {
                    failures.add("problem " + status + " names no field for " + what + ": "
                            + Http.abbreviate(problem.toString()));
                } else if (status == 400 && req.brokenField != null && "application/json".equals(req.contentType)) {
                    boolean found = false;
                    for (JsonNode e : errors) {
                        found |= e.path("field").asText().equals(req.brokenField);
                    }
                    if (!found) {
                        failures.add("400 does not name the broken field '" + req.brokenField + "' for " + what + ": "
                                + Http.abbreviate(problem.toString()));
                    }
                }
            }
            return answer;
        }

    } // Worker

    private synchronized void count(String endpoint, int status) {
        counts.computeIfAbsent(endpoint, k -> new TreeMap<>()).merge(status, 1, Integer::sum);
    }

    private int valueCount(String indicator) {
        Answer list = Http.send("GET", "/api/indicators/" + indicator + "/observations", analyst, null, null);
        assertEquals(200, list.status(), list.text());
        return list.json().size();
    }

    private String report(int sent, double seconds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Bad-input fuzz: %d requests in %.1f s (%.0f/s), seed %d%n", sent, seconds,
                sent / seconds, SEED));
        Map<Integer, Integer> total = new TreeMap<>();
        counts.values().forEach(m -> m.forEach((k, v) -> total.merge(k, v, Integer::sum)));
        int all = total.values().stream().mapToInt(Integer::intValue).sum();
        out.append(String.format("%-30s %7s  %s%n", "endpoint", "count", "statuses"));
        counts.forEach((endpoint, statuses) -> out.append(String.format("%-30s %7d  %s%n", endpoint,
                statuses.values().stream().mapToInt(Integer::intValue).sum(), statuses)));
        out.append("generated requests checked: ").append(all).append('\n');
        total.forEach((status, n) -> out.append(String.format("  HTTP %d: %6d (%5.1f %%)%n", status, n,
                100.0 * n / all)));
        out.append("contract violations (5xx, non-problem 4xx, unnamed field, partial write): ")
                .append(failures.size()).append('\n');
        return out.toString();
    }
}
