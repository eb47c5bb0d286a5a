package org.policytracker.observation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.policytracker.system.FieldMessage;
import org.policytracker.system.Problems;

/**
 * The sample dataset, while it is loaded (one row; none otherwise). The values are then all sample values:
 * loading needs a database without values, and writing a real value is refused until an admin removes the
 * sample, so the two never mix. Every report made meanwhile says it shows sample data.
 */
@Entity
@Table(name = "sample_dataset")
public class SampleDataset extends PanacheEntityBase {

    /** The one row's id. */
    public static final int ID = 1;

    @Id
    public Integer id;

    @Column(name = "loaded_by")
    public String loadedBy;

    @Column(name = "loaded_at")
    public OffsetDateTime loadedAt;

    /** The sample dataset, when loaded. */
    public static Optional<SampleDataset> current() {
        return findByIdOptional(ID);
    }

    /** Refuses a write of real values while the sample is loaded (409). */
    public static void refuseWritesWhileLoaded(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sample_dataset")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw sampleLoaded();
            }
        }
    }

    /** The problem of a write while the sample is loaded. */
    public static RuntimeException sampleLoaded() {
        return Problems.of(409, List.of(FieldMessage.of("(sample)", "sample.loaded")));
    }
}
