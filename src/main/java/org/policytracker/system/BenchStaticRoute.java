package org.policytracker.system;

import io.quarkus.logging.Log;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The benchmark's baseline for GET /api/dashboard (docs/BENCHMARKS.md): when
 * {@code tracker.bench.static-dir} is set, its files are served at {@code /bench-static/} by
 * Vert.x's static handler, the handler Quarkus itself serves the web app's files with. Quarkus
 * serves only the static files known at build time, so a file written by the benchmark at run time
 * needs this route. Unset (the default and in production) there is no route.
 */
@ApplicationScoped
class BenchStaticRoute {

    void install(@Observes Router router, TrackerConfig config) {
        config.bench().staticDir().ifPresent(dir -> {
            Log.warnf("Serving the benchmark's static files from %s at /bench-static/ (tracker.bench.static-dir)", dir);
            router.route("/bench-static/*").handler(StaticHandler.create(FileSystemAccess.ROOT,
                    dir.toAbsolutePath().toString()).setCachingEnabled(true));
        });
    }
}
