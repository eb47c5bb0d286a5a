package org.policytracker.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A source policy document. Loaded from seed-data/; never edited through the API. */
@Entity
@Table(name = "document")
public class Document extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    @Column(name = "title_zh")
    public String titleZh;

    @Column(name = "title_en")
    public String titleEn;

    /** 文号, e.g. 国发〔2021〕12号; null when the document has none. */
    @Column(name = "doc_number")
    public String number;

    public String issuer;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    /** Path of the source text inside the seed directory, e.g. sources/carbon-peak-neutrality.txt. */
    @Column(name = "source_text")
    public String sourceText;

    @Column(name = "sort_order")
    public int sortOrder;

    public boolean retired;

    public static Optional<Document> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public static List<Document> listCurrent() {
        return list("retired = false order by sortOrder");
    }
}
