package org.policytracker.it;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged application (target/quarkus-app) run as a real process, as an operator would run it. */
final class AppProcess implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Pattern LISTENING = Pattern.compile("Listening on: (http://[^\\s]+)");
    /**
     * How long the application may print nothing and use almost no CPU ({@link #IDLE_CPU}) before a start,
     * a request or a wait counts as hung. Waits are derived from the server's progress, not from the clock:
     * a loaded machine makes the server slow, and a slow server still works and is waited for.
     */
    private static final Duration QUIET_LIMIT = Duration.ofMinutes(3);
    /** CPU an idle JVM spends in {@link #QUIET_LIMIT} (timers, GC); more than this is work. */
    private static final Duration IDLE_CPU = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(20);

    private final Process process;
    private final Path log;
    private String baseUrl;
    private long quietSince = System.nanoTime();
    private long outputAtQuietStart = -1;
    private Duration cpuAtQuietStart = Duration.ZERO;

    private AppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the application with the given environment (a random HTTP port). */
    static AppProcess start(Path workDir, Map<String, String> env) throws IOException {
        return start(Path.of(System.getProperty("tracker.app.dir", "target/quarkus-app")), workDir, env);
    }

    /** Starts the application packaged in {@code appDir} (e.g. a PostgreSQL build). */
    static AppProcess start(Path appDir, Path workDir, Map<String, String> env) throws IOException {
        Path log = Files.createTempFile(workDir, "app", ".log");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dquarkus.http.port=0", "-jar", appDir.resolve("quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("TRACKER_ADMIN_PASSWORD");
        builder.environment().remove("TRACKER_SEED_DIR");
        builder.environment().putAll(env);
        return new AppProcess(builder.start(), log);
    }

    /**
     * Waits until the application listens; fails with its log if it exits first, or if it prints
     * nothing new for {@link #QUIET_LIMIT} (a start on a loaded machine is slow, not silent). When it fails, the
     * process is stopped first: callers write {@code try (AppProcess app = start(...).awaitReady())}, where a
     * resource that never got assigned would not be closed.
     */
    AppProcess awaitReady() throws Exception {
        try {
            while (true) {
                Matcher m = LISTENING.matcher(output());
                if (m.find()) {
                    baseUrl = m.group(1).replace("0.0.0.0", "localhost");
                    return this;
                }
                awaitProgress();
            }
        } catch (Exception | Error e) {
            try {
                close();
            } catch (InterruptedException stopped) {
                e.addSuppressed(stopped);
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }

    /**
     * Waits a moment ({@link #POLL}) for the server to get on with its work. Fails with the log when the
     * process has exited, or when for {@link #QUIET_LIMIT} it has printed nothing and used no more CPU
     * than an idle JVM: hung, not slow.
     */
    void awaitProgress() throws InterruptedException {
        Thread.sleep(POLL.toMillis());
        if (!process.isAlive()) {
            throw new AssertionError("The application exited with " + process.exitValue() + ":\n" + output());
        }
        long output = outputLength();
        Duration cpu = process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
        if (output != outputAtQuietStart || cpu.minus(cpuAtQuietStart).compareTo(IDLE_CPU) > 0) {
            quietSince = System.nanoTime();
            outputAtQuietStart = output;
            cpuAtQuietStart = cpu;
        } else if (System.nanoTime() - quietSince > QUIET_LIMIT.toNanos()) {
            throw new AssertionError("The application printed nothing and used less than " + IDLE_CPU.toSeconds()
                    + " s of CPU for " + QUIET_LIMIT.toSeconds() + " s: hung\n" + output());
        }
    }

    private long outputLength() {
        try {
            return Files.size(log);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Waits for the process to exit, for as long as it is making progress, and answers its exit code. */
    int awaitExit() throws InterruptedException {
        while (!process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
            try {
                awaitProgress();
            } catch (AssertionError hung) {
                if (process.isAlive()) {
                    process.destroyForcibly();
                    throw new AssertionError("The application did not exit: " + hung.getMessage());
                }
            }
        }
        return process.exitValue();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    HttpResponse<String> get(String path, String user, String password) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), user, password);
    }

    /** A GET that sends the ETag of an answer kept (If-None-Match). */
    HttpResponse<String> getIfNoneMatch(String path, String etag, String user, String password) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("If-None-Match", etag).GET(), user,
                password);
    }

    HttpResponse<String> postJson(String path, String json, String user, String password) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), user, password);
    }

    HttpResponse<String> putJson(String path, String json, String user, String password) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), user, password);
    }

    HttpResponse<String> delete(String path, String user, String password) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE(), user, password);
    }

    HttpResponse<String> post(String path, String contentType, byte[] body, String user, String password)
            throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), user, password);
    }

    /** Any request, with these headers and no credentials but theirs; {@code body} null for none. */
    HttpResponse<String> request(String method, String path, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request, null, null);
    }

    /** Signs in through the web app's form; answers the session cookie ({@code name=value}). */
    String signIn(String user, String password) throws Exception {
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(baseUrl + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), null, null);
        if (answer.statusCode() != 200) {
            throw new AssertionError("sign-in answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith(org.policytracker.security.Sessions.COOKIE + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + answer.headers().map()));
    }

    /** A GET with the session cookie from {@link #signIn} instead of a password. */
    HttpResponse<String> getWithCookie(String path, String cookie) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Cookie", cookie).GET(), null, null);
    }

    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Asks the process to stop (SIGTERM, as an orchestrator does) and waits for it to exit. */
    int stop() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    /** Sends SIGKILL and answers when it was sent ({@link System#nanoTime()}), without waiting for the exit. */
    long signalKill() {
        process.destroyForcibly();
        return System.nanoTime();
    }

    /** kill -9: the JVM gets no chance to shut down, finish a transaction or flush anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user, String password)
            throws Exception {
        // The tests quote the server's English messages (without the header they are Chinese, the default).
        request.header("Accept-Language", "en");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        // No fixed timeout: the answer is waited for as long as the server makes progress (a fixed 2 min
        // timeout failed a fresh clone's verify on a loaded machine, issue #16).
        CompletableFuture<HttpResponse<String>> answer = CLIENT.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofString());
        while (true) {
            try {
                return answer.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillWaiting) {
                try {
                    awaitProgress();
                } catch (AssertionError | InterruptedException e) {
                    answer.cancel(true);
                    throw e;
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        awaitExit();
    }
}
