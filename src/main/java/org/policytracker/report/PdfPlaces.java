package org.policytracker.report;

import jakarta.enterprise.context.ApplicationScoped;
import org.policytracker.system.PerUserLimit;
import org.policytracker.system.TrackerConfig;

/** The PDF reports each user has in the making on this instance ({@code tracker.reports.max-pdf-per-user}). */
@ApplicationScoped
class PdfPlaces {

    private final PerUserLimit limit;

    PdfPlaces(TrackerConfig config) {
        this.limit = new PerUserLimit(config.reports().maxPdfPerUser(), config.reports().pdfRetryAfter(),
                "report.tooMany", "tracker.reports.max-pdf-per-user");
    }

    /** One of the user's places, or the 429. */
    PerUserLimit.Permit acquire(String user) {
        return limit.acquire(user);
    }
}
