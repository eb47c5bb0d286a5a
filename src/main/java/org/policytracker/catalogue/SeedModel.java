package org.policytracker.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The shape of a seed file (docs/SEED-FORMAT.md), as read by Jackson. Optional fields are boxed so
 * that the reader can tell "absent" from a value; defaults are applied by the accessors below.
 */
public final class SeedModel {

    private SeedModel() {
    }

    /** seed-data/index.yaml: the seed files to load, in the order their documents are listed. */
    /**
     * The index: the seed files to load, and what the curator says of this version of the seed (recorded with the
     * catalogue revision it makes, GET /api/targets/{id}/revisions).
     */
    public record Index(List<String> files, String changeNote) {
    }

    public record DocumentEntry(String code, String titleZh, String titleEn, String number, String issuer,
            LocalDate issuedOn, String sourceText) {
    }

    public record IndicatorEntry(String code, String nameZh, String nameEn, String unit, String unitEn,
            Theme theme, ValueType valueType, Direction favourableDirection, Integer seriesStart, Integer precision,
            ObservationForm publishedForm, String publicationSource, List<SeriesBasis> bases, Measure measure) {

        /** The series bases, oldest first; empty when the statistic has kept one definition. */
        public List<SeriesBasis> basesList() {
            return bases == null ? List.of() : bases;
        }

        /** LEVEL unless the seed says otherwise. */
        public ObservationForm publishedFormOrLevel() {
            return publishedForm == null ? ObservationForm.LEVEL : publishedForm;
        }
    }

    public record TargetEntry(String id, String indicator, TargetKind kind, Integer targetYear,
            LocalDate targetDate, Double targetValue, Double tolerance, Direction direction,
            String relatedIndicator, Integer baseYear, Integer baselineYear, Double baselineValue,
            String baselineSource, Boolean baselineConfirmed, Boolean targetValueConfirmed, Binding binding,
            List<String> agencies, List<String> scope, String section, String quote, String note,
            MilestoneRule decidedBy, WordReading reading, String noteZh, String baselineSourceZh, String sectionEn,
            List<SourceEntry> alsoStatedIn) {

        public boolean isBaselineConfirmed() {
            return baselineConfirmed == null || baselineConfirmed;
        }

        public boolean isTargetValueConfirmed() {
            return targetValueConfirmed == null || targetValueConfirmed;
        }

        public List<String> agencyList() {
            return agencies == null ? List.of() : agencies;
        }

        public List<String> scopeList() {
            return scope == null ? List.of() : scope;
        }

        public List<SourceEntry> alsoStatedInList() {
            return alsoStatedIn == null ? List.of() : alsoStatedIn;
        }
    }

    /**
     * Another document that states the same commitment (docs/SEED-FORMAT.md, "One commitment, several sources"):
     * its code, the section, the verbatim quote (checked against that document's text), and a note.
     */
    public record SourceEntry(String document, String section, String sectionEn, String quote, String note,
            String noteZh) {
    }

    /** One seed file, validated: its document with the indicators and targets it defines. */
    public record DocumentFile(String fileName, DocumentEntry document, List<IndicatorEntry> indicators,
            List<TargetEntry> targets) {
    }

    /**
     * The whole catalogue as read from a seed directory.
     *
     * @param files       the document files in index order
     * @param fileHashes  SHA-256 of every file read (seed files, source texts, the index), by name
     * @param changeNote  the index's note on what changed in this version of the seed; null when none
     */
    public record Catalogue(List<DocumentFile> files, Map<String, String> fileHashes, String changeNote) {
    }
}
