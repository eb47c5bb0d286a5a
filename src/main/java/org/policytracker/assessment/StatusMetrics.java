package org.policytracker.assessment;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.policytracker.catalogue.Target;
import org.policytracker.observation.Observation;
import org.policytracker.system.Snapshot;

/**
 * Gauges of what the tracker holds: current values, and targets by status as of today. Read from
 * the database when Prometheus scrapes, so every instance reports the same figures; one reading
 * serves all gauges of a scrape for a few seconds.
 */
@ApplicationScoped
public class StatusMetrics {

    private static final long REUSE_MILLIS = 5_000;

    private final AssessmentService assessments;
    private volatile Reading reading;

    private record Reading(long takenAt, long observations, Map<Status, Long> byStatus) {
    }

    StatusMetrics(AssessmentService assessments) {
        this.assessments = assessments;
    }

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("tracker.observations", this, m -> m.current().observations())
                .description("Current values entered (deleted ones excluded)").register(registry);
        for (Status status : Status.values()) {
            Gauge.builder("tracker.targets", this, m -> m.current().byStatus().getOrDefault(status, 0L))
                    .tag("status", status.name()).description("Targets by status as of today")
                    .register(registry);
        }
    }

    private Reading current() {
        Reading s = reading;
        if (s == null || System.currentTimeMillis() - s.takenAt() > REUSE_MILLIS) {
            s = QuarkusTransaction.requiringNew().call(this::read);
            reading = s;
        }
        return s;
    }

    private Reading read() {
        long observations = Observation.count("deletedAt is null");
        Map<Status, Long> byStatus = assessments.assess(Target.listCurrent(null, null, null), Snapshot.now()).stream()
                .collect(Collectors.groupingBy(a -> a.assessment().status(), () -> new EnumMap<>(Status.class),
                        Collectors.counting()));
        return new Reading(System.currentTimeMillis(), observations, byStatus);
    }
}
