package org.policytracker.observation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.policytracker.audit.AuditLog;
import org.policytracker.catalogue.Indicator;
import org.policytracker.catalogue.ObservationForm;
import org.policytracker.observation.ObservationViews.Correction;
import org.policytracker.observation.ObservationViews.NewObservation;
import org.policytracker.observation.ObservationViews.ObservationView;
import org.policytracker.system.ChangeStamp;
import org.policytracker.system.FieldMessage;
import org.policytracker.system.Lang;
import org.policytracker.system.Message;
import org.policytracker.system.Numbers;
import org.policytracker.system.ProblemException;
import org.policytracker.system.Problems;
import org.policytracker.system.TrackerConfig;

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
    private final ValueLocks locks;
    private final Duration lockWait;
    private final ObservationRules.Plausibility plausibility;

    private final ChangeStamp stamp;

    ObservationService(AuditLog audit, EntityManager em, ValueLocks locks, TrackerConfig config, ChangeStamp stamp) {
        this.stamp = stamp;
        this.audit = audit;
        this.em = em;
        this.locks = locks;
        this.lockWait = config.values().lockWait();
        this.plausibility = ObservationRules.Plausibility.of(config.values());
    }

    public ObservationView create(String indicatorCode, NewObservation request, String actor, Lang lang) {
        Indicator indicator = indicator(indicatorCode);
        OffsetDateTime now = now();
        ObservationRules.Context context = ObservationRules.Context.of(indicator, now.toLocalDate());
        Figure figure = checked(context, request.period(), request.figure(), request.typedValue());
        Period period = Period.parse(request.period()).orElseThrow();
        List<FieldMessage> warnings = warnings(indicator, period, figure);
        write(indicator, period, Key.of(figure.basis()), (row, levels) -> {
            if (row.isCurrent()) {
                throw Problems.conflict("period", "observation.exists", "indicator", indicatorCode, "period",
                        period.iso() + onBasis(figure.basis()), "value", Numbers.format(row.figure.value()));
            }
            confirmForm(context, figure, null, request.confirmForm());
            confirmPlausible(context, period, figure, levels.get());
            return row.enter(figure, actor, now);
        });
        return view(indicator, period.iso(), figure.basis(), warnings, lang);
    }

    public ObservationView correct(String indicatorCode, String period, String basis, Correction request,
            String actor, Lang lang) {
        Indicator indicator = indicator(indicatorCode);
        Period p = period(indicator, period);
        OffsetDateTime now = now();
        ObservationRules.Context context = ObservationRules.Context.of(indicator, now.toLocalDate());
        Figure[] figure = new Figure[1];
        write(indicator, p, Key.current(context, basis), (row, levels) -> {
            // No such value is a 404 whatever the body says; then the body's problems; then its version.
            current(indicator, row);
            figure[0] = checked(context, p.iso(), sameBasis(row, request.figure()), request.typedValue());
            checkVersion(indicator, row, request.version());
            confirmForm(context, figure[0], row.figure.form(), request.confirmForm());
            if (!figure[0].equals(row.figure)) {
                confirmPlausible(context, p, figure[0], levels.get());
            }
            return row.correct(figure[0], actor, now);
        });
        return view(indicator, p.iso(), figure[0].basis(), warnings(indicator, p, figure[0]), lang);
    }

    public void delete(String indicatorCode, String period, String basis, Long version, String actor) {
        Indicator indicator = indicator(indicatorCode);
        Period p = period(indicator, period);
        OffsetDateTime now = now();
        write(indicator, p, Key.current(context(indicator), basis), (row, levels) -> {
            checkVersion(indicator, current(indicator, row), version);
            return row.delete(actor, now);
        });
    }

    /** Restores a deleted value as it was (undo); {@code version} is the version of the deleted row. */
    public ObservationView restore(String indicatorCode, String period, String basis, Long version, String actor,
            Lang lang) {
        Indicator indicator = indicator(indicatorCode);
        Period p = period(indicator, period);
        OffsetDateTime now = now();
        Observation[] restored = new Observation[1];
        write(indicator, p, Key.deleted(context(indicator), basis), (row, levels) -> {
            if (!row.isDeleted()) {
                throw Problems.notFound("observation.noneDeleted", "indicator", indicator.code, "period", p.iso());
            }
            checkVersion(indicator, row, version);
            restored[0] = row;
            return row.restore(actor, now);
        });
        return view(indicator, p.iso(), restored[0].figure.basis(), List.of(), lang);
    }

    /** The deleted values of an indicator, as they were when deleted, with who deleted them when. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ObservationView> deleted(String indicatorCode) {
        Indicator indicator = indicator(indicatorCode);
        return Observation.listDeleted(indicator).stream()
                .map(o -> ObservationView.of(indicator.code, o, List.of(), List.of())).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ObservationView> list(String indicatorCode) {
        Indicator indicator = indicator(indicatorCode);
        List<ObservationVintage> all = ObservationVintage.history(indicator.id);
        return Observation.listCurrent(indicator).stream()
                .map(o -> ObservationView.of(indicator.code, o,
                        all.stream().filter(v -> v.period.equals(o.period)
                                && Objects.equals(v.figure.basis(), o.figure.basis())).toList(),
                        List.of()))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ObservationView get(String indicatorCode, String period, String basis, Lang lang) {
        Indicator indicator = indicator(indicatorCode);
        Period p = period(indicator, period);
        String code = Key.current(context(indicator), basis).basis(indicator, p,
                Observation.listCurrent(indicator, p.iso()));
        return view(indicator, p.iso(), code, List.of(), lang);
    }

    /**
     * Reads the stored row of the period (locked), lets {@code change} apply one of {@link Observation}'s
     * rules to it, and writes the revision, all on the transaction's connection. No other transaction
     * writes values of the indicator meanwhile ({@link ValueLocks}); 503 when one kept it for the lock wait.
     */
    private void write(Indicator indicator, Period period, Key key, Change change) {
        try {
            locks.hold(List.of(indicator.id), lockWait);
        } catch (ValueLocks.Busy e) {
            throw Problems.of(503, List.of(FieldMessage.of("indicator", "observation.busy", "indicator",
                    indicator.code, "seconds", lockWait.toSeconds())));
        }
        em.unwrap(Session.class).doWork(connection -> {
            SampleDataset.refuseWritesWhileLoaded(connection);
            Map<String, Observation> stored = ObservationStore.find(connection,
                    Map.of(indicator.id, List.of(period.iso())), true);
            String basis = key.basis(indicator, period, stored.values());
            Observation row = stored.getOrDefault(ObservationStore.key(indicator.id, period.iso(), basis),
                    Observation.unstored(indicator.id, period));
            Revision revision = change.apply(row, () -> {
                try {
                    return ObservationStore.levels(connection, indicator.id);
                } catch (SQLException e) {
                    throw new IllegalStateException("Reading the levels of " + indicator.code + " failed", e);
                }
            });
            try (ObservationStore store = new ObservationStore(connection, audit, stamp)) {
                store.add(revision, indicator.code);
                store.flush();
            } catch (ObservationStore.ConcurrentChange e) {
                throw changedMeanwhile(indicator, period.iso());
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(sqlState(e))) {
                    // Two writers entered the same new period at once; the other one's commit won.
                    throw Problems.conflict("period", "observation.justEntered", "indicator", indicator.code,
                            "period", period.iso());
                }
                throw e;
            }
        });
    }

    /**
     * Which of a period's values (one per series basis) a request is about. A value entered names its basis
     * in its figure (the one in force when it names none). A path's value is the one on the basis asked
     * for ({@code ?basis=}); when none is asked for, the period's only value of the kind the request
     * changes (current, or deleted to restore), else the one on the basis in force for the period.
     */
    private record Key(String asked, boolean fixed, boolean deleted, ObservationRules.Context context) {

        static Key of(String basis) {
            return new Key(basis, true, false, null);
        }

        static Key current(ObservationRules.Context context, String asked) {
            return new Key(asked, false, false, context);
        }

        static Key deleted(ObservationRules.Context context, String asked) {
            return new Key(asked, false, true, context);
        }

        String basis(Indicator indicator, Period period, Collection<Observation> rows) {
            if (fixed) {
                return asked;
            }
            String code = asked == null || asked.isBlank() ? null : asked.strip();
            if (code != null) {
                List<FieldMessage> errors = new ArrayList<>();
                ObservationRules.onBasis(context, period.iso(), Figure.ofBasis(code), errors);
                if (!errors.isEmpty()) {
                    throw Problems.of(400, errors);
                }
                return code;
            }
            List<Observation> candidates = rows.stream()
                    .filter(o -> deleted ? o.isDeleted() : o.isCurrent()).toList();
            if (candidates.size() == 1) {
                return candidates.get(0).figure.basis();
            }
            return ObservationRules.onBasis(context, period.iso(), Figure.ofBasis(null), new ArrayList<>()).basis();
        }
    }

    /** One of {@link Observation}'s rules applied to the stored row; {@code levels} reads the indicator's levels. */
    @FunctionalInterface
    private interface Change {

        Revision apply(Observation row, Supplier<List<ObservationRules.Reference>> levels);
    }

    private static Indicator indicator(String code) {
        if (code.indexOf('\0') >= 0) {
            // PostgreSQL refuses U+0000 in a query parameter; no code has it.
            throw Problems.notFound("indicator.unknown", "code", code.replace("\0", "\\0"));
        }
        return Indicator.findByCode(code)
                .orElseThrow(() -> Problems.notFound("indicator.unknown", "code", Problems.quote(code)));
    }

    /** The period of a path: not a period, no value can have it (and PostgreSQL refuses some strings outright). */
    private static Period period(Indicator indicator, String period) {
        return Period.parse(period).orElseThrow(() -> Problems.notFound("observation.notAPeriod", "indicator",
                indicator.code, "period", Problems.quote(period.replace("\0", "\\0"))));
    }

    private static Observation current(Indicator indicator, Observation row) {
        if (!row.isCurrent()) {
            throw Problems.notFound("observation.none", "indicator", indicator.code, "period", row.period);
        }
        return row;
    }

    private static ObservationRules.Context context(Indicator indicator) {
        return ObservationRules.Context.of(indicator, now().toLocalDate());
    }

    /** " (DEDUCTED)" after a period, for an indicator with bases; nothing for one with one definition. */
    private static String onBasis(String basis) {
        return basis == null ? "" : " (" + basis + ")";
    }

    /**
     * The body of a correction on the corrected value's basis: a basis is part of which value it is, so a
     * body naming none keeps the value's, and one naming another is refused (the value on the other basis
     * is entered as a value of its own).
     */
    private static Figure sameBasis(Observation row, Figure body) {
        String stored = row.figure.basis();
        if (body.basis() == null) {
            return body.onBasis(stored);
        }
        if (stored != null && !stored.equals(body.basis())) {
            throw Problems.badRequest("basis", "basis.ofTheValue", "basis", Problems.quote(body.basis()), "stored",
                    stored, "period", row.period);
        }
        return body;
    }

    /**
     * The figure to store: the typed value read, every rule checked (400 with every problem), and a form
     * that breaks the indicator's published form refused unless confirmed (409).
     */
    private static Figure checked(ObservationRules.Context context, String period, Figure figure, String typed) {
        List<FieldMessage> errors = new ArrayList<>();
        Figure typedRead = typed == null ? figure : ObservationRules.readValue(context, figure, typed, errors);
        Figure read = ObservationRules.normalised(context, period, typedRead, errors);
        List<FieldMessage> rules = ObservationRules.check(context, period, read);
        // An unreadable value has its reason already; the rules would only say it is required.
        rules.stream().filter(e -> errors.stream().noneMatch(u -> u.field().equals(e.field()))).forEach(errors::add);
        if (!errors.isEmpty()) {
            throw Problems.of(400, errors);
        }
        return read;
    }

    /** A 409 unless confirmed, when the value's form breaks the published chain (ObservationRules). */
    private static void confirmForm(ObservationRules.Context context, Figure figure, ObservationForm storedForm,
            Boolean confirmed) {
        if (!Boolean.TRUE.equals(confirmed) && ObservationRules.needsFormConfirmation(context, figure, storedForm)) {
            throw Problems.of(409, List.of(FieldMessage.of("form", "form.breaksChain", "form",
                    new Message.Word("form." + figure.form()), "published",
                    new Message.Word("form." + context.publishedForm()))));
        }
    }

    /** A 409 naming {@code value} unless confirmed, when the value is implausible (ObservationRules#implausible). */
    private void confirmPlausible(ObservationRules.Context context, Period period, Figure figure,
            List<ObservationRules.Reference> levels) {
        ObservationRules.implausible(context, period, figure, levels, plausibility)
                .ifPresent(problem -> {
                    throw Problems.of(409, List.of(problem));
                });
    }

    private static void checkVersion(Indicator indicator, Observation row, Long version) {
        if (version == null) {
            throw Problems.badRequest("version", "version.required", "version", row.version);
        }
        if (version != row.version) {
            throw Problems.conflict("version", "version.stale", "indicator", indicator.code, "period", row.period,
                    "user", row.updatedBy, "time", row.updatedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    "value",
                    Numbers.format(row.figure.value()));
        }
    }

    private static ProblemException changedMeanwhile(Indicator indicator, String period) {
        return Problems.conflict("version", "version.changedMeanwhile", "indicator", indicator.code, "period", period);
    }

    /** Plausibility warnings for a value; none for a value the rules will refuse anyway. */
    private List<FieldMessage> warnings(Indicator indicator, Period period, Figure figure) {
        if (figure.value() == null || !Double.isFinite(figure.value()) || period.isSubAnnual()) {
            return List.of(); // the outlier check compares a year with the other years
        }
        List<Double> series = em.createQuery("select o.figure.value from Observation o where o.indicator = ?1"
                + " and o.figure.form = ?2 and o.periodType = ?3 and o.deletedAt is null", Double.class)
                .setParameter(1, indicator).setParameter(2, figure.form()).setParameter(3, PeriodType.YEARLY)
                .getResultList();
        List<FieldMessage> warnings = new ArrayList<>();
        OutlierCheck.check(series, figure.value()).ifPresent(w -> warnings.add(new FieldMessage("value", w)));
        return warnings;
    }

    private ObservationView view(Indicator indicator, String period, String basis, List<FieldMessage> warnings,
            Lang lang) {
        Observation row = Observation.findCurrent(indicator, period, basis)
                .orElseThrow(() -> Problems.notFound("observation.none", "indicator", indicator.code, "period",
                        period + onBasis(basis)));
        return ObservationView.of(indicator.code, row, ObservationVintage.history(indicator.id, period, basis),
                warnings.stream().map(w -> w.in(lang)).toList());
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
