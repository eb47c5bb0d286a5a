package org.policytracker.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A quantitative (or milestone) target stated in a source document: what is to be reached, by
 * when, from which baseline, and the verbatim clause it comes from.
 */
@Entity
@Table(name = "target")
public class Target extends PanacheEntityBase {

    /** Loads a target with its indicator and document in one query. */
    private static final String WITH_REFERENCES = "select t from Target t join fetch t.indicator"
            + " join fetch t.document left join fetch t.relatedIndicator";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The public, stable identifier, e.g. CARBON-2025-CO2-INTENSITY. */
    public String code;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "document_id")
    public Document document;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_id")
    public Indicator indicator;

    /** For RELATIVE targets: the series this indicator is compared with. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "related_indicator_id")
    public Indicator relatedIndicator;

    @Enumerated(EnumType.STRING)
    public TargetKind kind;

    @Column(name = "target_year")
    public int targetYear;

    @Column(name = "target_date")
    public LocalDate targetDate;

    /** In the indicator's unit; signed percent for CHANGE_VS_BASE (−18 for 下降18%). */
    @Column(name = "target_value")
    public Double targetValue;

    /** For 左右 targets: how far below (or above) the target value still counts as met. */
    public Double tolerance;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    @Column(name = "base_year")
    public Integer baseYear;

    @Column(name = "baseline_year")
    public Integer baselineYear;

    @Column(name = "baseline_value")
    public Double baselineValue;

    @Column(name = "baseline_source")
    /** Where the baseline comes from, in English (the text's own words are quoted in it); null when from the quote. */
    public String baselineSource;

    /** The same, in Chinese. */
    @Column(name = "baseline_source_zh")
    public String baselineSourceZh;

    @Column(name = "baseline_confirmed")
    public boolean baselineConfirmed;

    @Column(name = "target_value_confirmed")
    public boolean targetValueConfirmed;

    @Enumerated(EnumType.STRING)
    public Binding binding;

    /** For a milestone its indicator's values can decide: how (PEAK); null otherwise. */
    @Enumerated(EnumType.STRING)
    @Column(name = "decided_by")
    public MilestoneRule decidedBy;

    /** For a direction target with qualitative wording (大幅下降, 稳中有增): how it is read; null otherwise. */
    @Convert(converter = WordReadingConverter.class)
    public WordReading reading;

    @Convert(converter = JsonStringListConverter.class)
    public List<String> agencies;

    /** The free trade zones a measure applies to; empty means all. */
    @Convert(converter = JsonStringListConverter.class)
    public List<String> scope;

    /** The section heading the quote sits under, verbatim (Chinese). */
    public String section;

    /** The section heading in English. */
    @Column(name = "section_en")
    public String sectionEn;

    public String quote;

    /**
     * The other documents that state the same commitment, each with its section and verbatim quote (the primary
     * provenance is {@link #document}, {@link #section}, {@link #quote}); empty when one document states it.
     */
    @Convert(converter = SourcesConverter.class)
    @Column(name = "also_stated_in")
    public List<CatalogueViews.SourceView> alsoStatedIn;

    /** Provenance outside the quote, interpretation or doubts, in English. */
    public String note;

    /** The same, in Chinese. */
    @Column(name = "note_zh")
    public String noteZh;

    @Column(name = "sort_order")
    public int sortOrder;

    public boolean retired;

    public static Optional<Target> findCurrentByCode(String code) {
        return find(WITH_REFERENCES + " where t.code = ?1 and t.retired = false", code).firstResultOptional();
    }

    /**
     * Whether the target passes the filters of {@link #listCurrent} (null filters are ignored): a target matches
     * each document that states it.
     */
    public boolean matches(String documentCode, Theme theme, TargetKind kind) {
        return (documentCode == null || statedIn(documentCode))
                && (theme == null || theme == indicator.theme) && (kind == null || kind == this.kind);
    }

    /** Whether the document states this target: its primary source or another. */
    public boolean statedIn(String documentCode) {
        return documentCode.equals(document.code)
                || alsoStatedIn != null && alsoStatedIn.stream().anyMatch(s -> documentCode.equals(s.document()));
    }

    /** Current targets, optionally filtered as {@link #matches} does; null filters are ignored. */
    public static List<Target> listCurrent(String documentCode, Theme theme, TargetKind kind) {
        // One query for every current target (a few dozen); the filters are the one rule of matches().
        return Target
                .<Target>find(WITH_REFERENCES + " where t.retired = false order by t.document.sortOrder, t.sortOrder")
                .list().stream().filter(t -> t.matches(documentCode, theme, kind)).toList();
    }
}
