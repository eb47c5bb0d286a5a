package org.policytracker.observation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.policytracker.audit.AuditAction;
import org.policytracker.audit.AuditLog;
import org.policytracker.catalogue.Indicator;
import org.policytracker.observation.ObservationViews.AuditedState;
import org.policytracker.observation.ObservationViews.Correction;
import org.policytracker.observation.ObservationViews.NewObservation;
import org.policytracker.observation.ObservationViews.ObservationView;
import org.policytracker.system.Problem.FieldError;
import org.policytracker.system.ProblemException;
import org.policytracker.system.Problems;

/**
 * Entry, correction and deletion of values. Each write keeps the value's history (vintages), is
 * audited, and either happens whole or not at all.
 */
@ApplicationScoped
@Transactional
public class ObservationService {

    private final AuditLog audit;
    private final EntityManager em;

    ObservationService(AuditLog audit, EntityManager em) {
        this.audit = audit;
        this.em = em;
    }

    public ObservationView create(String indicatorCode, NewObservation request, String actor) {
        Indicator indicator = indicator(indicatorCode);
        ObservationForm form = request.form() == null ? ObservationForm.LEVEL : request.form();
        validate(indicator, request.period(), request.value(), form, request.source(), request.note(),
                request.seriesBreak());
        Period period = Period.parse(request.period()).orElseThrow();
        Observation row = Observation.findRow(indicator, period.iso()).orElse(null);
        if (row != null && !row.isDeleted()) {
            throw Problems.conflict("period", "A value for " + indicatorCode + " in " + period.iso() + " exists ("
                    + row.value + ", version " + row.version + "). To correct it, PUT /api/indicators/" + indicatorCode
                    + "/observations/" + period.iso() + " with the new value and \"version\": " + row.version + ".");
        }
        List<FieldError> warnings = warnings(indicator, form, request.value());
        OffsetDateTime now = now();
        AuditedState before = row == null ? null : AuditedState.of(row);
        if (row == null) {
            row = new Observation();
            row.indicator = indicator;
            row.period = period.iso();
            row.periodType = period.type();
            row.periodStart = period.start();
            row.periodEnd = period.end();
            row.createdBy = actor;
            row.createdAt = now;
        }
        apply(row, request.value(), form, request.source(), request.note(), request.seriesBreak(), actor, now);
        row.deletedAt = null;
        persistNew(row);
        ObservationVintage.of(row).persist();
        audit.record(AuditAction.OBSERVATION_CREATED, actor, now, indicatorCode, null, row.period, before,
                AuditedState.of(row));
        return view(row, warnings);
    }

    public ObservationView correct(String indicatorCode, String period, Correction request, String actor) {
        Indicator indicator = indicator(indicatorCode);
        Observation row = current(indicator, period);
        ObservationForm form = request.form() == null ? ObservationForm.LEVEL : request.form();
        validate(indicator, row.period, request.value(), form, request.source(), request.note(), request.seriesBreak());
        checkVersion(row, request.version());
        List<FieldError> warnings = warnings(indicator, form, request.value());
        AuditedState before = AuditedState.of(row);
        OffsetDateTime now = now();
        closeCurrentVintage(row, actor, now);
        apply(row, request.value(), form, request.source(), request.note(), request.seriesBreak(), actor, now);
        flushChecked(row);
        ObservationVintage.of(row).persist();
        audit.record(AuditAction.OBSERVATION_CORRECTED, actor, now, indicatorCode, null, row.period, before,
                AuditedState.of(row));
        return view(row, warnings);
    }

    public void delete(String indicatorCode, String period, Long version, String actor) {
        Indicator indicator = indicator(indicatorCode);
        Observation row = current(indicator, period);
        checkVersion(row, version);
        AuditedState before = AuditedState.of(row);
        OffsetDateTime now = now();
        closeCurrentVintage(row, actor, now);
        row.deletedAt = now;
        row.updatedBy = actor;
        row.updatedAt = now;
        flushChecked(row);
        audit.record(AuditAction.OBSERVATION_DELETED, actor, now, indicatorCode, null, row.period, before, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ObservationView> list(String indicatorCode) {
        Indicator indicator = indicator(indicatorCode);
        List<ObservationVintage> all = ObservationVintage.list("indicatorId = ?1 order by recordedAt desc, id desc",
                indicator.id);
        return Observation.listCurrent(indicator).stream()
                .map(o -> ObservationView.of(o, all.stream().filter(v -> v.period.equals(o.period)).toList(),
                        List.of()))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ObservationView get(String indicatorCode, String period) {
        return view(current(indicator(indicatorCode), period), List.of());
    }

    private static Indicator indicator(String code) {
        if (code.indexOf('\0') >= 0) {
            // PostgreSQL refuses U+0000 in a query parameter; no code has it.
            throw new NotFoundException("No indicator has the code '" + code.replace("\0", "\\0") + "'");
        }
        return Indicator.findByCode(code)
                .orElseThrow(() -> new NotFoundException("No indicator has the code '" + code + "'"));
    }

    private static Observation current(Indicator indicator, String period) {
        if (Period.parse(period).isEmpty()) {
            // Not a period: no value can have it, and PostgreSQL would refuse some strings (U+0000) outright.
            throw new NotFoundException("No value of " + indicator.code + " for '" + period.replace("\0", "\\0")
                    + "': not a period; use a year, e.g. 2024");
        }
        return Observation.findRow(indicator, period).filter(o -> !o.isDeleted())
                .orElseThrow(() -> new NotFoundException("No value of " + indicator.code + " for the period '"
                        + period + "'"));
    }

    private static void validate(Indicator indicator, String period, Double value, ObservationForm form,
            String source, String note, String seriesBreak) {
        List<FieldError> errors = ObservationRules.check(indicator.valueType, period, value, form, source, note,
                seriesBreak);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid observation", errors.stream()
                    .map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""), errors);
        }
    }

    private static void checkVersion(Observation row, Long version) {
        if (version == null) {
            throw Problems.badRequest("version", "is required: the version of the value you are changing (now "
                    + row.version + ")");
        }
        if (version != row.version) {
            throw staleVersion(row);
        }
    }

    private static ProblemException staleVersion(Observation row) {
        return Problems.conflict("version", "The value of " + row.indicator.code + " for " + row.period
                + " was changed by " + row.updatedBy + " at " + row.updatedAt + " (now version " + row.version
                + ", " + row.value + "). Reload it and apply your change again.");
    }

    private List<FieldError> warnings(Indicator indicator, ObservationForm form, double value) {
        List<Double> series = em.createQuery("select o.value from Observation o where o.indicator = ?1"
                + " and o.form = ?2 and o.deletedAt is null", Double.class)
                .setParameter(1, indicator).setParameter(2, form).getResultList();
        List<FieldError> warnings = new ArrayList<>();
        OutlierCheck.check(series, value).ifPresent(w -> warnings.add(new FieldError("value", w)));
        return warnings;
    }

    private static void apply(Observation row, Double value, ObservationForm form, String source, String note,
            String seriesBreak, String actor, OffsetDateTime now) {
        row.value = value;
        row.form = form;
        row.source = blankToNull(source);
        row.note = blankToNull(note);
        row.seriesBreak = blankToNull(seriesBreak);
        row.updatedBy = actor;
        row.updatedAt = now;
    }

    private static void closeCurrentVintage(Observation row, String actor, OffsetDateTime now) {
        ObservationVintage.update("supersededAt = ?1, supersededBy = ?2 where indicatorId = ?3 and period = ?4"
                + " and supersededAt is null", now, actor, row.indicator.id, row.period);
    }

    /** Persists a new row, turning a concurrent insert of the same period into a 409. */
    private void persistNew(Observation row) {
        try {
            if (row.id == null) {
                row.persist();
            }
            em.flush();
        } catch (PersistenceException e) {
            throw Problems.conflict("period", "A value for " + row.indicator.code + " in " + row.period
                    + " was just entered by someone else; reload and correct it instead.");
        }
    }

    /** Writes the change now, so that a concurrent writer's change surfaces as a 409 here. */
    private void flushChecked(Observation row) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw Problems.conflict("version", "The value of " + row.indicator.code + " for " + row.period
                    + " was changed by someone else while you were changing it; reload it and apply your change again.");
        }
    }

    private ObservationView view(Observation row, List<FieldError> warnings) {
        return ObservationView.of(row, ObservationVintage.history(row.indicator.id, row.period), warnings);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Microsecond precision: what both H2 and PostgreSQL store, so a read-back compares equal. */
    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
