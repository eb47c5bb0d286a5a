package org.policytracker.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed reader on the real catalogue, and its messages on broken copies of it. */
class SeedReaderTest {

    private static final String CARBON = "carbon-peak-neutrality.yaml";

    @TempDir
    Path dir;

    @BeforeEach
    void copySeed() throws IOException {
        SeedCopy.copy(dir);
    }

    @Test
    void shouldReadTheWholeCatalogue() {
        SeedModel.Catalogue catalogue = SeedReader.read(SeedDirectory.of(dir));
        assertEquals(6, catalogue.files().size());
        long targets = catalogue.files().stream().mapToLong(f -> f.targets().size()).sum();
        long measurable = catalogue.files().stream().flatMap(f -> f.targets().stream())
                .filter(t -> t.kind() != TargetKind.MILESTONE).count();
        assertTrue(targets >= 50, "targets: " + targets);
        assertTrue(measurable >= 25, "non-milestone targets: " + measurable);
        // Hashes cover the index, every seed file and every source text.
        assertEquals(1 + 6 + 6, catalogue.fileHashes().size());
    }

    @Test
    void shouldNameFileEntryAndFieldOfAWrongType() throws IOException {
        replace(CARBON, "targetYear: 2025", "targetYear: twenty-twenty-five", 1);
        SeedException e = assertThrows(SeedException.class, () -> SeedReader.read(SeedDirectory.of(dir)));
        assertProblem(e, CARBON, "targets[0] (CARBON-2025-ENERGY-INTENSITY)", "'targetYear'");
    }

    @Test
    void shouldListTheAllowedKinds() throws IOException {
        replace(CARBON, "kind: CHANGE_VS_BASE", "kind: REDUCE_BY", 1);
        SeedException e = assertThrows(SeedException.class, () -> SeedReader.read(SeedDirectory.of(dir)));
        assertProblem(e, CARBON, "targets[0] (CARBON-2025-ENERGY-INTENSITY)", "'kind'");
        assertTrue(e.getMessage().contains("LEVEL_ABOUT"), e.getMessage());
    }

    @Test
    void shouldRefuseAQuoteThatIsNotVerbatim() throws IOException {
        replace(CARBON, "比2020年下降18%", "比2020年下降19%", 1);
        SeedException e = assertThrows(SeedException.class, () -> SeedReader.read(SeedDirectory.of(dir)));
        assertProblem(e, CARBON, "(CARBON-2025-CO2-INTENSITY)", "'quote'");
        assertTrue(e.getMessage().contains("not verbatim"), e.getMessage());
    }

    @Test
    void shouldRefuseAReadingWhoseTermOrCitationIsNotInTheText() throws IOException {
        replace(CARBON, "      term: 大幅下降", "      term: 显著下降", 1);
        replace(CARBON, "      citation: 单位国内生产总值能耗比2020年下降13.5%", "      citation: 单位国内生产总值能耗比2020年下降15%", 1);
        SeedException e = assertThrows(SeedException.class, () -> SeedReader.read(SeedDirectory.of(dir)));
        assertProblem(e, CARBON, "(CARBON-2030-ENERGY-INTENSITY)", "'reading.term'");
        assertProblem(e, CARBON, "(CARBON-2030-ENERGY-INTENSITY)", "'reading.citation'");
        assertTrue(e.getMessage().contains("'显著下降' is not in the target's quote"), e.getMessage());
    }

    @Test
    void shouldCheckEveryOtherSourceOfATargetAsItsOwn() throws IOException {
        replace("ip-powerhouse-outline.yaml", "        quote: \"版权产业增加值占GDP比重超过7.39%\"",
                "        quote: \"版权产业增加值占GDP比重超过7.4%\"", 1);
        replace("ip-powerhouse-outline.yaml", "      - document: ip-protection-plan-14fyp",
                "      - document: no-such-plan", 1);
        SeedException e = assertThrows(SeedException.class, () -> SeedReader.read(SeedDirectory.of(dir)));
        assertProblem(e, "ip-powerhouse-outline.yaml", "(IPO-2025-PATENT-INTENSIVE-GDP-SHARE)",
                "'alsoStatedIn.document'");
        assertProblem(e, "ip-powerhouse-outline.yaml", "(IPO-2025-COPYRIGHT-GDP-SHARE)", "'alsoStatedIn.quote'");
    }

    @Test
    void shouldRequireADirectionTargetsWordingToBeRead() throws IOException {
        String text = Files.readString(dir.resolve(CARBON));
        int start = text.indexOf("    reading:", text.indexOf("id: CARBON-2030-COAL-CONSUMPTION-DECLINE"));
        int end = text.indexOf("    baselineYear:", start);
        Files.writeString(dir.resolve(CARBON), text.substring(0, start) + text.substring(end));
        SeedException e = assertThrows(SeedException.class, () -> SeedReader.read(SeedDirectory.of(dir)));
        assertProblem(e, CARBON, "(CARBON-2030-COAL-CONSUMPTION-DECLINE)", "'reading'");
        assertTrue(e.getMessage().contains("is required for a DIRECTION target"), e.getMessage());
    }

    @Test
    void shouldRefuseAnUnknownField() throws IOException {
        replace(CARBON, "targetYear: 2025", "targetYear: 2025\n    deadline: 2025", 1);
        SeedException e = assertThrows(SeedException.class, () -> SeedReader.read(SeedDirectory.of(dir)));
        assertProblem(e, CARBON, "targets[0]", "'deadline'");
    }

    @Test
    void shouldRefuseAMissingRequiredFieldOfTheKind() throws IOException {
        // A 左右 target without its tolerance.
        String text = Files.readString(dir.resolve(CARBON));
        Files.writeString(dir.resolve(CARBON), text.replaceFirst("(?m)^    tolerance: 0\\.5\\s*(#.*)?$", ""));
        SeedException e = assertThrows(SeedException.class, () -> SeedReader.read(SeedDirectory.of(dir)));
        assertProblem(e, CARBON, "(CARBON-2025-NON-FOSSIL-SHARE)", "'tolerance'");
    }

    @Test
    void shouldRefuseAnUnknownIndicatorAndADuplicateId() throws IOException {
        replace(CARBON, "indicator: CO2_INTENSITY", "indicator: CO2_INTENSITY_TYPO", 1);
        replace(CARBON, "id: CARBON-2025-NON-FOSSIL-SHARE", "id: CARBON-2025-CO2-INTENSITY", 1);
        SeedException e = assertThrows(SeedException.class, () -> SeedReader.read(SeedDirectory.of(dir)));
        assertTrue(e.getMessage().contains("'CO2_INTENSITY_TYPO', which no seed file defines"), e.getMessage());
        assertTrue(e.getMessage().contains("is used twice"), e.getMessage());
        assertTrue(e.problems().size() >= 2);
    }

    @Test
    void shouldReportYamlSyntaxErrorsWithTheLine() throws IOException {
        Files.writeString(dir.resolve(CARBON), "schemaVersion: 1\ndocument: [unclosed\n");
        SeedException e = assertThrows(SeedException.class, () -> SeedReader.read(SeedDirectory.of(dir)));
        assertTrue(e.getMessage().contains(dir.resolve(CARBON).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void shouldRefuseANewerSchemaVersionAndAMissingFile() throws IOException {
        replace(CARBON, "schemaVersion: 1", "schemaVersion: 2", 1);
        Files.delete(dir.resolve("service-trade-plan-14fyp.yaml"));
        SeedException e = assertThrows(SeedException.class, () -> SeedReader.read(SeedDirectory.of(dir)));
        assertProblem(e, CARBON, "file", "'schemaVersion'");
        assertTrue(e.getMessage().contains("service-trade-plan-14fyp.yaml: file: field '(file)' does not exist"),
                e.getMessage());
    }

    private void replace(String file, String from, String to, int expectedAtLeast) throws IOException {
        String text = Files.readString(dir.resolve(file));
        assertTrue(text.split(Pattern.quote(from), -1).length - 1 >= expectedAtLeast,
                "fixture text not found: " + from);
        Files.writeString(dir.resolve(file), text.replaceFirst(Pattern.quote(from),
                Matcher.quoteReplacement(to)));
    }

    private void assertProblem(SeedException e, String file, String entry, String field) {
        String expectedStart = dir.resolve(file) + ": ";
        boolean found = e.problems().stream().anyMatch(p -> p.startsWith(expectedStart) && p.contains(entry)
                && p.contains("field " + field));
        assertTrue(found, "no problem naming " + file + " / " + entry + " / " + field + " in:\n" + e.getMessage());
    }
}
