package org.policytracker.observation.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.policytracker.catalogue.Indicator;
import org.policytracker.catalogue.ValueType;
import org.policytracker.observation.ObservationRules;
import org.policytracker.observation.PeriodType;

/** What the import template lists: every indicator that takes values, and the recent years it still lacks. */
@ApplicationScoped
public class TemplateService {

    /** The template asks for values from this year on: the first year of the plans' period (2021–2025). */
    static final int FIRST_YEAR = 2021;

    /** One indicator, what the rules know of it, and the ended years it has no current value for. */
    record Line(Indicator indicator, ObservationRules.Context rules, List<String> missingPeriods) {
    }

    private final EntityManager em;

    TemplateService(EntityManager em) {
        this.em = em;
    }

    /**
     * Every current indicator but milestones', each with the years from 2021 (or its series' start) to the
     * last one that has ended on {@code today} that have no value.
     */
    @Transactional
    public List<Line> lines(LocalDate today) {
        Set<String> filled = new HashSet<>();
        em.createQuery("select o.indicator.id, o.period from Observation o where o.deletedAt is null"
                + " and o.periodType = :yearly and o.periodStart >= :from", Object[].class)
                .setParameter("yearly", PeriodType.YEARLY)
                .setParameter("from", LocalDate.of(FIRST_YEAR, 1, 1))
                .getResultStream()
                .forEach(r -> filled.add(r[0] + "|" + r[1]));
        int last = ObservationRules.lastEndedYear(today);
        Map<Long, ObservationRules.Context> contexts = ObservationRules.Context.ofCurrent(today);
        return Indicator.listCurrent().stream()
                .filter(i -> i.valueType != ValueType.STATE)
                .map(i -> new Line(i, contexts.get(i.id),
                        IntStream.rangeClosed(Math.max(FIRST_YEAR, i.seriesStart == null ? FIRST_YEAR : i.seriesStart),
                                last).mapToObj(Integer::toString)
                                .filter(year -> !filled.contains(i.id + "|" + year)).toList()))
                .toList();
    }
}
