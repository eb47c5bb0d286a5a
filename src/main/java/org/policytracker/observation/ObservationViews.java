package org.policytracker.observation;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.policytracker.system.Problem.FieldError;

/** The JSON shapes of the observation API. */
public final class ObservationViews {

    private ObservationViews() {
    }

    @Schema(name = "NewObservation", description = "A value as published: a level, a year-on-year change in "
            + "percent (比上年下降3.4% is -3.4) or an index.")
    public record NewObservation(
            @Schema(description = "ISO period; a year for now", examples = "2024", required = true) String period,
            @Schema(description = "The value in the indicator's unit (LEVEL), percent (YOY_CHANGE_PCT) or index points", required = true) Double value,
            @Schema(description = "How the value is stated; LEVEL when omitted") ObservationForm form,
            @Schema(description = "Where the figure was published, e.g. 国家统计局《2024年国民经济和社会发展统计公报》") String source,
            String note,
            @Schema(description = "Set when the series changes basis at this period") String seriesBreak) {
    }

    @Schema(name = "ObservationCorrection", description = "A corrected value; the earlier one is kept as a vintage.")
    public record Correction(
            @Schema(required = true) Double value,
            @Schema(description = "LEVEL when omitted") ObservationForm form,
            String source,
            String note,
            String seriesBreak,
            @Schema(description = "The version you read; a stale version gives 409", required = true) Long version) {
    }

    @Schema(name = "Vintage", description = "A value the observation had before it was corrected.")
    public record VintageView(double value, ObservationForm form, String source, String note, String seriesBreak,
            String recordedBy, OffsetDateTime recordedAt, String supersededBy, OffsetDateTime supersededAt) {

        static VintageView of(ObservationVintage v) {
            return new VintageView(v.value, v.form, v.source, v.note, v.seriesBreak, v.recordedBy, v.recordedAt,
                    v.supersededBy, v.supersededAt);
        }
    }

    @Schema(name = "Observation")
    public record ObservationView(
            String indicator,
            String period,
            PeriodType periodType,
            double value,
            ObservationForm form,
            String source,
            String note,
            String seriesBreak,
            String createdBy,
            OffsetDateTime createdAt,
            String updatedBy,
            OffsetDateTime updatedAt,
            @Schema(description = "Send it back when correcting or deleting") long version,
            @Schema(description = "Earlier values, newest first") List<VintageView> priorVintages,
            @Schema(description = "Plausibility warnings; the value was stored anyway") List<FieldError> warnings) {

        static ObservationView of(Observation o, List<ObservationVintage> history, List<FieldError> warnings) {
            List<VintageView> prior = history.stream().filter(v -> v.supersededAt != null).map(VintageView::of)
                    .toList();
            return new ObservationView(o.indicator.code, o.period, o.periodType, o.value, o.form, o.source, o.note,
                    o.seriesBreak, o.createdBy, o.createdAt, o.updatedBy, o.updatedAt, o.version, prior, warnings);
        }
    }

    /** The state of an observation as the audit log records it. */
    public record AuditedState(String period, Double value, ObservationForm form, String source, String note,
            String seriesBreak, long version) {

        static AuditedState of(Observation o) {
            return new AuditedState(o.period, o.value, o.form, o.source, o.note, o.seriesBreak, o.version);
        }
    }
}
