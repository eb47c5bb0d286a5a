package org.policytracker.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The hash of a seed file as last loaded: an unchanged seed is not loaded again. */
@Entity
@Table(name = "seed_file")
public class SeedFileRecord extends PanacheEntityBase {

    @Id
    public String name;

    public String sha256;

    @Column(name = "loaded_at")
    public OffsetDateTime loadedAt;
}
