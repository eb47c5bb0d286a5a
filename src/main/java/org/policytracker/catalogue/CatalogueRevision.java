package org.policytracker.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One version of the catalogue: a load of a changed seed, when, and the seed's note on why. Its entries
 * ({@link CatalogueEntryRevision}) are the documents, indicators and targets it changed. Never updated.
 */
@Entity
@Table(name = "catalogue_revision")
public class CatalogueRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "change_note")
    public String changeNote;
}
