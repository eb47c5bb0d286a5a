package org.policytracker.observation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.Session;
import org.policytracker.audit.AuditLog;
import org.policytracker.catalogue.Indicator;
import org.policytracker.observation.ObservationViews.Correction;
import org.policytracker.observation.ObservationViews.NewObservation;
import org.policytracker.observation.ObservationViews.ObservationView;
import org.policytracker.system.Problem.FieldError;
import org.policytracker.system.ProblemException;
import org.policytracker.system.Problems;

/**
 * Entry, correction and deletion of one value, through the same rules ({@link Observation}) and the same
 * writer ({@link ObservationStore}) as a bulk import. Each write keeps the value's history (vintages), is
 * audited, and either happens whole or not at all.
 */
@ApplicationScoped
@Transactional
public class ObservationService {

    /** SQLState of a unique-constraint violation (H2 and PostgreSQL alike). */
    private static final String UNIQUE_VIOLATION = "23505";

    private final AuditLog audit;
    private final EntityManager em;

    ObservationService(AuditLog audit, EntityManager em) {
        this.audit = audit;
        this.em = em;
    }

    public ObservationView create(String indicatorCode, NewObservation request, String actor) {
        Indicator indicator = indicator(indicatorCode);
        Figure figure = request.figure();
        validate(indicator, request.period(), figure);
        Period period = Period.parse(request.period()).orElseThrow();
        List<FieldError> warnings = warnings(indicator, figure);
        OffsetDateTime now = now();
        write(indicator, period, row -> {
            if (row.isCurrent()) {
                throw Problems.conflict("period", "A value for " + indicatorCode + " in " + period.iso()
                        + " exists (" + row.figure.value() + ", version " + row.version + "). To correct it, PUT "
                        + "/api/indicators/" + indicatorCode + "/observations/" + period.iso() + " with the new "
                        + "value and \"version\": " + row.version + ".");
            }
            return row.enter(figure, actor, now);
        });
        return view(indicator, period.iso(), warnings);
    }

    public ObservationView correct(String indicatorCode, String period, Correction request, String actor) {
        Indicator indicator = indicator(indicatorCode);
        Period p = period(indicator, period);
        Figure figure = request.figure();
        List<FieldError> warnings = warnings(indicator, figure);
        OffsetDateTime now = now();
        write(indicator, p, row -> {
            // No such value is a 404 whatever the body says; then the body's problems; then its version.
            current(indicator, row);
            validate(indicator, p.iso(), figure);
            checkVersion(indicator, row, request.version());
            return row.correct(figure, actor, now);
        });
        return view(indicator, p.iso(), warnings);
    }

    public void delete(String indicatorCode, String period, Long version, String actor) {
        Indicator indicator = indicator(indicatorCode);
        Period p = period(indicator, period);
        OffsetDateTime now = now();
        write(indicator, p, row -> {
            checkVersion(indicator, current(indicator, row), version);
            return row.delete(actor, now);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ObservationView> list(String indicatorCode) {
        Indicator indicator = indicator(indicatorCode);
        List<ObservationVintage> all = ObservationVintage.history(indicator.id);
        return Observation.listCurrent(indicator).stream()
                .map(o -> ObservationView.of(indicator.code, o,
                        all.stream().filter(v -> v.period.equals(o.period)).toList(), List.of()))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ObservationView get(String indicatorCode, String period) {
        Indicator indicator = indicator(indicatorCode);
        return view(indicator, period(indicator, period).iso(), List.of());
    }

    /**
     * Reads the stored row of the period (locked), lets {@code change} apply one of {@link Observation}'s
     * rules to it, and writes the revision, all on the transaction's connection.
     */
    private void write(Indicator indicator, Period period, Function<Observation, Revision> change) {
        em.unwrap(Session.class).doWork(connection -> {
            Observation row = ObservationStore.find(connection, Map.of(indicator.id, List.of(period.iso())), true)
                    .getOrDefault(ObservationStore.key(indicator.id, period.iso()),
                            Observation.unstored(indicator.id, period));
            Revision revision = change.apply(row);
            try (ObservationStore store = new ObservationStore(connection, audit)) {
                store.add(revision, indicator.code);
                store.flush();
            } catch (ObservationStore.ConcurrentChange e) {
                throw changedMeanwhile(indicator, period.iso());
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(sqlState(e))) {
                    // Two writers entered the same new period at once; the other one's commit won.
                    throw Problems.conflict("period", "A value for " + indicator.code + " in " + period.iso()
                            + " was just entered by someone else; reload and correct it instead.");
                }
                throw e;
            }
        });
    }

    private static Indicator indicator(String code) {
        if (code.indexOf('\0') >= 0) {
            // PostgreSQL refuses U+0000 in a query parameter; no code has it.
            throw new NotFoundException("No indicator has the code '" + code.replace("\0", "\\0") + "'");
        }
        return Indicator.findByCode(code)
                .orElseThrow(() -> new NotFoundException("No indicator has the code '" + code + "'"));
    }

    /** The period of a path: not a period, no value can have it (and PostgreSQL refuses some strings outright). */
    private static Period period(Indicator indicator, String period) {
        return Period.parse(period).orElseThrow(() -> new NotFoundException("No value of " + indicator.code
                + " for '" + period.replace("\0", "\\0") + "': not a period; use a year, e.g. 2024"));
    }

    private static Observation current(Indicator indicator, Observation row) {
        if (!row.isCurrent()) {
            throw new NotFoundException("No value of " + indicator.code + " for the period '" + row.period + "'");
        }
        return row;
    }

    private static void validate(Indicator indicator, String period, Figure figure) {
        List<FieldError> errors = ObservationRules.check(indicator.valueType, period, figure);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid observation", errors.stream()
                    .map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""), errors);
        }
    }

    private static void checkVersion(Indicator indicator, Observation row, Long version) {
        if (version == null) {
            throw Problems.badRequest("version", "is required: the version of the value you are changing (now "
                    + row.version + ")");
        }
        if (version != row.version) {
            throw Problems.conflict("version", "The value of " + indicator.code + " for " + row.period
                    + " was changed by " + row.updatedBy + " at " + row.updatedAt + " (now version " + row.version
                    + ", " + row.figure.value() + "). Reload it and apply your change again.");
        }
    }

    private static ProblemException changedMeanwhile(Indicator indicator, String period) {
        return Problems.conflict("version", "The value of " + indicator.code + " for " + period
                + " was changed by someone else while you were changing it; reload it and apply your change again.");
    }

    /** Plausibility warnings for a value; none for a value the rules will refuse anyway. */
    private List<FieldError> warnings(Indicator indicator, Figure figure) {
        if (figure.value() == null || !Double.isFinite(figure.value())) {
            return List.of();
        }
        List<Double> series = em.createQuery("select o.figure.value from Observation o where o.indicator = ?1"
                + " and o.figure.form = ?2 and o.deletedAt is null", Double.class)
                .setParameter(1, indicator).setParameter(2, figure.form()).getResultList();
        List<FieldError> warnings = new ArrayList<>();
        OutlierCheck.check(series, figure.value()).ifPresent(w -> warnings.add(new FieldError("value", w)));
        return warnings;
    }

    private ObservationView view(Indicator indicator, String period, List<FieldError> warnings) {
        Observation row = Observation.findCurrent(indicator, period)
                .orElseThrow(() -> new NotFoundException("No value of " + indicator.code + " for the period '"
                        + period + "'"));
        return ObservationView.of(indicator.code, row, ObservationVintage.history(indicator.id, period), warnings);
    }

    private static String sqlState(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    /** Microsecond precision: what both H2 and PostgreSQL store, so a read-back compares equal. */
    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
