package org.policytracker.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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

/**
 * A document, indicator or target as one revision of the catalogue left it: its seed entry in JSON
 * ({@link CatalogueRevisions}), and whether the seed had dropped it (retired, with its last content).
 */
@Entity
@Table(name = "catalogue_entry_revision")
public class CatalogueEntryRevision extends PanacheEntityBase {

    /** What kind of catalogue entry. */
    public enum Kind {
        DOCUMENT,
        INDICATOR,
        TARGET
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "revision_id")
    public CatalogueRevision revision;

    @Enumerated(EnumType.STRING)
    @Column(name = "entry_kind")
    public Kind kind;

    public String code;

    public String content;

    public boolean retired;
}
