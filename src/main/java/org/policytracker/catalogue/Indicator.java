package org.policytracker.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;

/** A measured series, such as the share of non-fossil energy. One indicator can have several targets. */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    /** The unit levels are published in; null for a milestone's indicator. */
    public String unit;

    @Column(name = "unit_en")
    public String unitEn;

    @Enumerated(EnumType.STRING)
    public Theme theme;

    @Enumerated(EnumType.STRING)
    @Column(name = "value_type")
    public ValueType valueType;

    @Enumerated(EnumType.STRING)
    @Column(name = "favourable_direction")
    public Direction favourableDirection;

    /** The first year a value of the statistic was published; earlier periods are refused as slips. */
    @Column(name = "series_start")
    public Integer seriesStart;

    /** The decimals the statistic is published with: numbers are rounded to them wherever they are shown. */
    @Column(name = "decimals")
    public Integer precision;

    /** The form the statistic is published in; entry proposes it, another form asks for confirmation. */
    @Enumerated(EnumType.STRING)
    @Column(name = "published_form")
    public ObservationForm publishedForm;

    /** STOCK, FLOW or RATE: what a monthly or quarterly value says about the year; null for a milestone's indicator. */
    @Enumerated(EnumType.STRING)
    public Measure measure;

    /** The definitions the statistic has been published on, oldest first; empty when it has kept one. */
    @Convert(converter = SeriesBasesConverter.class)
    @Column(name = "bases")
    public List<SeriesBasis> bases = List.of();

    /** The basis in force for a year; null when the statistic has one definition. */
    public SeriesBasis basisAt(int year) {
        return SeriesBasis.inForce(bases == null ? List.of() : bases, year);
    }

    public boolean retired;

    public static Optional<Indicator> findByCode(String code) {
        return find("code = ?1 and retired = false", code).firstResultOptional();
    }

    public static List<Indicator> listCurrent() {
        return list("retired = false order by theme, code");
    }
}
