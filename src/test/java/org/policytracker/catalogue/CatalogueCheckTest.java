package org.policytracker.catalogue;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The catalogue check for curators (README, "Checking the catalogue"): every seed file of a directory (seed-data/
 * by default, or -Dcatalogue.dir=…) read and checked as at start-up — quotes verbatim in their sources (every
 * source of a target), each target's kind consistent with its wording (左右 has a tolerance, 以上 is at least,
 * 下降…% is a change against that base year), units, bases and measures declared, the wording's readings, both
 * languages present, no commitment catalogued twice — and every problem printed with its file, entry and field.
 * Plain JUnit, no server: `./mvnw -q test -Dtest=CatalogueCheckTest`.
 */
class CatalogueCheckTest {

    @Test
    void shouldFindNothingWrongWithTheCatalogue() {
        Path dir = Path.of(System.getProperty("catalogue.dir", "seed-data"));
        try {
            SeedModel.Catalogue catalogue = SeedReader.read(SeedDirectory.of(dir));
            int targets = catalogue.files().stream().mapToInt(f -> f.targets().size()).sum();
            System.out.printf("Catalogue check of %s: %d files, %d targets, no problem found%n", dir,
                    catalogue.files().size(), targets);
            assertTrue(targets > 0, "no target in " + dir);
        } catch (SeedException e) {
            System.out.println(e.getMessage());
            fail("The catalogue in " + dir + " has " + e.problems().size() + " problem(s):\n" + e.getMessage());
        }
    }
}
