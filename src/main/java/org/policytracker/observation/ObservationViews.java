package org.policytracker.observation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.policytracker.system.Problem.FieldError;

/** The JSON shapes of the observation API; every one carries the value's fields as a {@link Figure}, unwrapped. */
public final class ObservationViews {

    private ObservationViews() {
    }

    /**
     * A new value: the period and the figure's fields, {@code {period, value, unit, form, qualifier, publication, ytd, confirm, source, note, seriesBreak, basis}};
     * {@code value} may be the number or the text typed ("-3,8", "24.03%"); {@code confirmForm} stores a
     * value whose form differs from the indicator's published form.
     */
    @Schema(name = "NewObservation", description = "A value as published, for a period: the Figure's fields, "
            + "period and confirmForm. value may be a number or the text as typed (\"-3,8\", \"−3.8\", \"24.03%\"), "
            + "read by the rules of docs/ASSESSMENT.md.", allOf = Figure.class)
    @JsonDeserialize(using = NewObservation.Reader.class)
    public record NewObservation(
            @Schema(description = "A period that has ended: a year (2024), a quarter (2025Q3) or a month (2025-07; 202507 is read as 2025-07)", examples = "2024", required = true) String period,
            @Schema(hidden = true) Figure figure,
            @Schema(hidden = true) String typedValue,
            @Schema(description = "true stores a value whose form differs from the form the indicator is "
                    + "published in (it breaks the chain); without it such a value is refused (409)") Boolean confirmForm) {

        static final class Reader extends FigureBody<NewObservation> {

            Reader() {
                super(NewObservation.class, "period", String.class, "confirmForm", Boolean.class);
            }

            @Override
            NewObservation make(Map<String, Object> own, Figure figure, String typedValue) {
                return new NewObservation((String) own.get("period"), figure, typedValue,
                        (Boolean) own.get("confirmForm"));
            }
        }
    }

    /** A corrected value: the figure's fields and the version corrected. */
    @Schema(name = "ObservationCorrection", description = "A corrected value (the Figure's fields), the version "
            + "it corrects and confirmForm; the earlier value is kept as a vintage.", allOf = Figure.class)
    @JsonDeserialize(using = Correction.Reader.class)
    public record Correction(
            @Schema(hidden = true) Figure figure,
            @Schema(description = "The version you read; a stale version gives 409", required = true) Long version,
            @Schema(hidden = true) String typedValue,
            @Schema(description = "As for a new value") Boolean confirmForm) {

        static final class Reader extends FigureBody<Correction> {

            Reader() {
                super(Correction.class, "version", Long.class, "confirmForm", Boolean.class);
            }

            @Override
            Correction make(Map<String, Object> own, Figure figure, String typedValue) {
                return new Correction(figure, (Long) own.get("version"), typedValue, (Boolean) own.get("confirmForm"));
            }
        }
    }

    @Schema(name = "Vintage", description = "A figure the observation had before it was corrected.")
    public record VintageView(
            @JsonUnwrapped Figure figure,
            String recordedBy,
            OffsetDateTime recordedAt,
            String supersededBy,
            OffsetDateTime supersededAt) {

        static VintageView of(ObservationVintage v) {
            return new VintageView(v.figure, v.recordedBy, v.recordedAt, v.supersededBy, v.supersededAt);
        }
    }

    @Schema(name = "Observation")
    public record ObservationView(
            String indicator,
            String period,
            PeriodType periodType,
            @JsonUnwrapped Figure figure,
            String createdBy,
            OffsetDateTime createdAt,
            String updatedBy,
            OffsetDateTime updatedAt,
            @Schema(description = "Send it back when correcting or deleting") long version,
            @Schema(description = "When it was deleted; null for a current value") OffsetDateTime deletedAt,
            @Schema(description = "Earlier figures, newest first") List<VintageView> priorVintages,
            @Schema(description = "Plausibility warnings; the value was stored anyway") List<FieldError> warnings) {

        static ObservationView of(String indicatorCode, Observation o, List<ObservationVintage> history,
                List<FieldError> warnings) {
            List<VintageView> prior = history.stream().filter(v -> v.supersededAt != null).map(VintageView::of)
                    .toList();
            return new ObservationView(indicatorCode, o.period, o.periodType, o.figure, o.createdBy, o.createdAt,
                    o.updatedBy, o.updatedAt, o.version, o.deletedAt, prior, warnings);
        }
    }
}
