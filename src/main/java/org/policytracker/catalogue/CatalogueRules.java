package org.policytracker.catalogue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.policytracker.system.Numbers;

/**
 * The rules a parsed seed must satisfy beyond its shape: required fields per target kind, plausible
 * years, unique codes, resolvable references, and verbatim quotes. Problems are collected, not
 * thrown, so that a reviewer sees them all at once.
 */
final class CatalogueRules {

    static final int MIN_YEAR = 1990;
    static final int MAX_YEAR = 2100;

    private static final Pattern DOCUMENT_CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern INDICATOR_CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final Pattern TARGET_ID = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

    /** Reads a document's normalised source text; records a problem and answers null when missing. */
    interface SourceTexts {

        String normalised(String file, String entry, String name);
    }

    private final List<String> problems;
    private final SeedDirectory dir;
    private final SourceTexts sources;
    private String file;
    private String entry;

    CatalogueRules(List<String> problems, SeedDirectory dir, SourceTexts sources) {
        this.problems = problems;
        this.dir = dir;
        this.sources = sources;
    }

    void check(List<SeedModel.DocumentFile> files) {
        Map<String, SeedModel.IndicatorEntry> indicators = new HashMap<>();
        Set<String> documentCodes = new HashSet<>();
        for (SeedModel.DocumentFile f : files) {
            file = f.fileName();
            for (int i = 0; i < f.indicators().size(); i++) {
                SeedModel.IndicatorEntry indicator = f.indicators().get(i);
                entry = "indicators[" + i + "] (" + indicator.code() + ")";
                checkIndicator(indicator);
                if (indicator.code() != null && indicators.putIfAbsent(indicator.code(), indicator) != null) {
                    problem("code",
                            "'" + indicator.code() + "' is defined twice; each indicator is defined in one file");
                }
            }
            entry = "document (" + f.document().code() + ")";
            checkDocument(f.document());
            if (!documentCodes.add(f.document().code())) {
                problem("code", "'" + f.document().code() + "' is used by two files");
            }
        }
        Map<String, SeedModel.DocumentFile> sourcesByDocument = new HashMap<>();
        files.forEach(f -> sourcesByDocument.put(f.document().code(), f));
        Set<String> targetIds = new HashSet<>();
        Map<String, String> commitments = new HashMap<>();
        for (SeedModel.DocumentFile f : files) {
            file = f.fileName();
            entry = "document (" + f.document().code() + ")";
            String source = f.document().sourceText() == null ? null
                    : sources.normalised(file, entry, f.document().sourceText());
            for (int i = 0; i < f.targets().size(); i++) {
                SeedModel.TargetEntry target = f.targets().get(i);
                entry = "targets[" + i + "] (" + target.id() + ")";
                if (target.id() != null && !targetIds.add(target.id())) {
                    problem("id", "'" + target.id() + "' is used twice; target ids are unique in the catalogue");
                }
                checkTarget(target, indicators);
                checkWording(target);
                checkLanguages(target);
                String commitment = target.indicator() + "|" + target.kind() + "|" + target.targetYear() + "|"
                        + target.targetValue() + "|" + target.direction();
                String same = commitments.putIfAbsent(commitment, target.id());
                if (same != null && target.kind() != TargetKind.MILESTONE) {
                    problem("id", "states the same commitment as " + same + " (indicator, kind, year and value): one "
                            + "commitment is one target; list the other document in alsoStatedIn");
                }
                if (source != null && target.quote() != null && !Provenance.isVerbatim(target.quote(), source)) {
                    problem("quote", "is not verbatim in " + f.document().sourceText()
                            + " (compared without white space and page headers)");
                }
                checkOtherSources(target, f, sourcesByDocument);
                String citation = target.reading() == null ? null : target.reading().citation();
                if (source != null && citation != null && !Provenance.isVerbatim(citation, source)) {
                    problem("reading.citation", "is not verbatim in " + f.document().sourceText()
                            + " (compared without white space and page headers)");
                }
            }
        }
    }

    private void checkDocument(SeedModel.DocumentEntry d) {
        pattern("code", d.code(), DOCUMENT_CODE, "lower-case letters, digits and hyphens");
        text("titleZh", d.titleZh(), 500);
        text("titleEn", d.titleEn(), 500);
        text("issuer", d.issuer(), 200);
        text("sourceText", d.sourceText(), 200);
        if (d.number() != null) {
            text("number", d.number(), 100);
        }
        if (d.issuedOn() == null) {
            problem("issuedOn", "is required (an ISO date, e.g. 2021-09-22)");
        }
    }

    private void checkIndicator(SeedModel.IndicatorEntry i) {
        pattern("code", i.code(), INDICATOR_CODE, "upper-case letters, digits and underscores");
        text("nameZh", i.nameZh(), 300);
        text("nameEn", i.nameEn(), 300);
        required("theme", i.theme());
        required("valueType", i.valueType());
        boolean milestone = i.valueType() == ValueType.STATE;
        if (!milestone) {
            text("unit", i.unit(), 50);
            text("unitEn", i.unitEn(), 80);
            required("favourableDirection", i.favourableDirection());
            if (i.seriesStart() == null) {
                problem("seriesStart", "is required: the first year a value of the statistic was published");
            } else if (i.seriesStart() < 1800 || i.seriesStart() > MAX_YEAR) {
                problem("seriesStart", "must be a year from 1800 to " + MAX_YEAR + ", was " + i.seriesStart());
            }
            if (i.precision() == null || i.precision() < 0 || i.precision() > 6) {
                problem("precision", "is required: the decimals the statistic is published with, 0 to 6");
            }
            if (i.valueType() == ValueType.RATE && i.publishedFormOrLevel() != ObservationForm.LEVEL) {
                problem("publishedForm", "must be LEVEL for a RATE indicator: its values are rates already");
            }
            text("publicationSource", i.publicationSource(), 2000);
            checkBases(i);
            required("measure", i.measure());
        } else if (i.measure() != null) {
            problem("measure", "must be left out for a STATE indicator: a milestone has no values over time");
        }
    }

    /** Series bases: codes unique, first periods years after one another from the series start, each sourced. */
    private void checkBases(SeedModel.IndicatorEntry i) {
        Set<String> codes = new HashSet<>();
        Integer previous = null;
        for (SeriesBasis b : i.basesList()) {
            pattern("bases.code", b.code(), INDICATOR_CODE, "upper-case letters, digits and underscores");
            if (b.code() != null && !codes.add(b.code())) {
                problem("bases.code", "appears twice: " + b.code());
            }
            text("bases.nameZh", b.nameZh(), 300);
            text("bases.nameEn", b.nameEn(), 300);
            text("bases.source", b.source(), 2000);
            if (b.from() == null || !b.from().strip().matches("\\d{4}")) {
                problem("bases.from", "must be the year the basis applies from, e.g. \"2024\", was " + b.from());
                continue;
            }
            int from = b.fromYear();
            if (previous == null && i.seriesStart() != null && from != i.seriesStart()) {
                problem("bases.from",
                        "of the first basis must be the series start " + i.seriesStart() + ", was " + from);
            }
            if (previous != null && from <= previous) {
                problem("bases.from", "must be after the previous basis's (" + previous + "), was " + from);
            }
            previous = from;
        }
        if (codes.size() == 1) {
            problem("bases", "lists one basis: a statistic with one definition lists none");
        }
    }

    private void checkTarget(SeedModel.TargetEntry t, Map<String, SeedModel.IndicatorEntry> indicators) {
        pattern("id", t.id(), TARGET_ID, "upper-case letters, digits and hyphens");
        required("kind", t.kind());
        year("targetYear", t.targetYear(), true);
        year("baseYear", t.baseYear(), false);
        year("baselineYear", t.baselineYear(), false);
        text("section", t.section(), 500);
        text("quote", t.quote(), 4000);
        optionalText("note", t.note(), 4000);
        optionalText("baselineSource", t.baselineSource(), 1000);
        optionalText("baselineSourceZh", t.baselineSourceZh(), 1000);
        optionalText("noteZh", t.noteZh(), 4000);
        optionalText("sectionEn", t.sectionEn(), 500);
        if (String.join("", t.agencyList()).length() > 1500 || String.join("", t.scopeList()).length() > 800) {
            problem("agencies", "and scope must be short lists of names");
        }
        SeedModel.IndicatorEntry indicator = reference("indicator", t.indicator(), indicators);
        if (t.kind() == null) {
            return;
        }
        TargetKind kind = t.kind();
        if (kind.needsTargetValue()) {
            required("targetValue", t.targetValue());
        } else if (t.targetValue() != null && kind != TargetKind.MAINTAIN) {
            problem("targetValue", "must be absent for a " + kind + " target");
        }
        if (kind == TargetKind.LEVEL_ABOUT) {
            required("tolerance", t.tolerance());
        } else if (t.tolerance() != null && kind != TargetKind.AVERAGE_GROWTH) {
            problem("tolerance", "is only for LEVEL_ABOUT and AVERAGE_GROWTH (左右) targets");
        }
        if (t.tolerance() != null && !(t.tolerance() >= 0)) {
            problem("tolerance", "must be zero or more");
        }
        if (kind == TargetKind.DIRECTION || kind == TargetKind.RELATIVE) {
            required("direction", t.direction());
        }
        if (kind == TargetKind.RELATIVE) {
            SeedModel.IndicatorEntry related = reference("relatedIndicator", t.relatedIndicator(), indicators);
            if (related != null && related.code().equals(t.indicator())) {
                problem("relatedIndicator", "must differ from indicator");
            }
        } else if (t.relatedIndicator() != null) {
            problem("relatedIndicator", "is only for RELATIVE targets");
        }
        if (kind == TargetKind.CHANGE_VS_BASE || kind == TargetKind.AVERAGE_GROWTH) {
            required("baseYear", t.baseYear());
        }
        if (t.baseYear() != null && t.targetYear() != null && t.baseYear() >= t.targetYear()) {
            problem("baseYear", "must be before targetYear " + t.targetYear());
        }
        if (t.baselineYear() != null && t.targetYear() != null && t.baselineYear() > t.targetYear()) {
            problem("baselineYear", "must not be after targetYear " + t.targetYear());
        }
        if (t.baselineValue() != null && t.baselineYear() == null) {
            problem("baselineYear", "is required when baselineValue is given");
        }
        if (kind == TargetKind.COVERAGE && t.targetValue() != null && (t.targetValue() < 0 || t.targetValue() > 100)) {
            problem("targetValue", "must be a percentage between 0 and 100 for a COVERAGE target");
        }
        if (indicator != null && indicator.seriesStart() != null) {
            for (Integer year : new Integer[]{t.baseYear(), t.baselineYear()}) {
                if (year != null && year < indicator.seriesStart()) {
                    problem("baselineYear", year + " is before the series of '" + t.indicator() + "' starts ("
                            + indicator.seriesStart() + ")");
                }
            }
        }
        checkReading(t);
        if (t.decidedBy() != null && (kind != TargetKind.MILESTONE || indicator != null
                && indicator.valueType() == ValueType.STATE)) {
            problem("decidedBy", "is for a MILESTONE whose indicator has values (a peak of CO2 emissions)");
        }
        if (indicator != null && indicator.valueType() != null) {
            // A milestone may watch a measured series (the CO2 peak); a STATE indicator has no values to assess.
            if (indicator.valueType() == ValueType.STATE && kind != TargetKind.MILESTONE) {
                problem("indicator",
                        "'" + t.indicator() + "' has valueType STATE, which only MILESTONE targets may use");
            }
            if (indicator.valueType() == ValueType.SHARE && kind != TargetKind.CHANGE_VS_BASE
                    && t.targetValue() != null && (t.targetValue() < 0 || t.targetValue() > 100)) {
                problem("targetValue", "must be between 0 and 100: indicator '" + t.indicator() + "' is a share");
            }
        }
    }

    private static final Pattern CHANGE_IN_QUOTE = Pattern.compile("比(\\d{4})年(下降|增长|提高)(\\d+(?:\\.\\d+)?)%");
    private static final Pattern AT_LEAST_IN_QUOTE = Pattern.compile("达到(\\d+(?:\\.\\d+)?)[^，。；\\d]{0,6}以上");

    /**
     * The kind agrees with the quote's wording: 左右 has a tolerance; "比2020年下降18%" is a change against that base
     * year by that much; "达到12亿千瓦以上" is an at-least target, not at-most or about.
     */
    private void checkWording(SeedModel.TargetEntry t) {
        if (t.quote() == null || t.kind() == null) {
            return;
        }
        String q = t.quote().replaceAll("\\s", "");
        if (q.contains("左右") && (t.tolerance() == null
                || t.kind() != TargetKind.LEVEL_ABOUT && t.kind() != TargetKind.AVERAGE_GROWTH)) {
            problem("kind", "the quote says 左右: a LEVEL_ABOUT or AVERAGE_GROWTH target with a tolerance");
        }
        java.util.regex.Matcher change = CHANGE_IN_QUOTE.matcher(q);
        if (change.find() && (t.kind() == TargetKind.CHANGE_VS_BASE || t.kind() == TargetKind.LEVEL_ABOUT
                || t.kind() == TargetKind.LEVEL_AT_LEAST || t.kind() == TargetKind.LEVEL_AT_MOST)) {
            double pct = Double.parseDouble(change.group(3)) * (change.group(2).equals("下降") ? -1 : 1);
            if (t.kind() != TargetKind.CHANGE_VS_BASE || !Integer.valueOf(change.group(1)).equals(t.baseYear())
                    || t.targetValue() == null || Math.abs(t.targetValue() - pct) > 1e-9) {
                problem("kind", "the quote says “" + change.group() + "”: a CHANGE_VS_BASE target with baseYear "
                        + change.group(1) + " and targetValue " + Numbers.format(pct));
            }
        }
        java.util.regex.Matcher atLeast = AT_LEAST_IN_QUOTE.matcher(q);
        if (atLeast.find() && (t.kind() == TargetKind.LEVEL_AT_MOST || t.kind() == TargetKind.LEVEL_ABOUT)) {
            problem("kind", "the quote says “" + atLeast.group() + "”: an at-least target (LEVEL_AT_LEAST)");
        }
    }

    /** The catalogue's own text in both languages: a note with its Chinese, a baseline source with its Chinese. */
    private void checkLanguages(SeedModel.TargetEntry t) {
        if (t.note() != null && t.noteZh() == null) {
            problem("noteZh", "is required beside note: the note in Chinese");
        }
        if (t.baselineSource() != null && t.baselineSourceZh() == null) {
            problem("baselineSourceZh", "is required beside baselineSource: the source in Chinese");
        }
        if (t.sectionEn() == null) {
            problem("sectionEn", "is required: the section heading in English");
        }
    }

    /**
     * The other documents that state the same commitment: each a different, known document, with its section and a
     * quote verbatim in that document's text (docs/SEED-FORMAT.md, "One commitment, several sources").
     */
    private void checkOtherSources(SeedModel.TargetEntry t, SeedModel.DocumentFile own,
            Map<String, SeedModel.DocumentFile> byDocument) {
        Set<String> seen = new HashSet<>();
        for (SeedModel.SourceEntry s : t.alsoStatedInList()) {
            SeedModel.DocumentFile other = s.document() == null ? null : byDocument.get(s.document());
            if (other == null) {
                problem("alsoStatedIn.document", "'" + s.document() + "' is not a document of the seed (allowed: "
                        + String.join(", ", byDocument.keySet().stream().sorted().toList()) + ")");
                continue;
            }
            if (other == own || !seen.add(s.document())) {
                problem("alsoStatedIn.document", "'" + s.document() + "' is the target's own document or listed twice");
            }
            text("alsoStatedIn.section", s.section(), 500);
            text("alsoStatedIn.quote", s.quote(), 4000);
            optionalText("alsoStatedIn.sectionEn", s.sectionEn(), 500);
            optionalText("alsoStatedIn.note", s.note(), 4000);
            optionalText("alsoStatedIn.noteZh", s.noteZh(), 4000);
            String text = other.document().sourceText() == null ? null
                    : sources.normalised(other.fileName(), entry, other.document().sourceText());
            if (text != null && s.quote() != null && !Provenance.isVerbatim(s.quote(), text)) {
                problem("alsoStatedIn.quote", "is not verbatim in " + other.document().sourceText()
                        + " (compared without white space and page headers)");
            }
        }
    }

    /**
     * A direction target's wording is read by the curator (docs/ASSESSMENT.md, "Wording that needs judgement"), and
     * so may a level to reach and keep that the text does not state (达到并保持较高水平):
     * the term from its quote, the least change over the period, whether an analyst must still judge, and why.
     */
    private void checkReading(SeedModel.TargetEntry t) {
        WordReading r = t.reading();
        boolean unstatedLevel = t.kind() == TargetKind.MAINTAIN && t.targetValue() == null;
        if (t.kind() != TargetKind.DIRECTION && !unstatedLevel) {
            if (r != null) {
                problem("reading", "is only for DIRECTION targets and MAINTAIN targets without a level");
            }
            return;
        }
        if (unstatedLevel && r != null && (r.minimumChange() != 0 || !r.needsJudgement())) {
            problem("reading", "of a MAINTAIN target without a level has minimumChange 0 and needsJudgement true: "
                    + "not worse than the baseline is necessary, and the analyst judges the level");
        }
        if (r == null && unstatedLevel) {
            return;
        }
        if (r == null) {
            problem("reading", "is required for a DIRECTION target: how its wording (大幅下降, 稳中有增) is read, "
                    + "with minimumChange, needsJudgement and the justification");
            return;
        }
        text("reading.term", r.term(), 50);
        text("reading.termEn", r.termEn(), 100);
        text("reading.justificationZh", r.justificationZh(), 2000);
        text("reading.justificationEn", r.justificationEn(), 2000);
        optionalText("reading.citation", r.citation(), 1000);
        if (r.term() != null && t.quote() != null && !t.quote().contains(r.term())) {
            problem("reading.term", "'" + r.term() + "' is not in the target's quote");
        }
        boolean down = t.direction() == Direction.DOWN;
        if (!(r.minimumChange() >= 0) || down && r.minimumChange() >= 100) {
            problem("reading.minimumChange", "must be a percentage of the baseline level from 0" + (down
                    ? " to below 100 (a fall)"
                    : "") + ", was " + r.minimumChange());
        }
    }

    private SeedModel.IndicatorEntry reference(String field, String code,
            Map<String, SeedModel.IndicatorEntry> indicators) {
        if (code == null || code.isBlank()) {
            problem(field, "is required");
            return null;
        }
        SeedModel.IndicatorEntry indicator = indicators.get(code);
        if (indicator == null) {
            problem(field, "names '" + code + "', which no seed file defines");
        }
        return indicator;
    }

    private void year(String field, Integer year, boolean isRequired) {
        if (year == null) {
            if (isRequired) {
                problem(field, "is required");
            }
        } else if (year < MIN_YEAR || year > MAX_YEAR) {
            problem(field, "must be a year from " + MIN_YEAR + " to " + MAX_YEAR + ", was " + year);
        }
    }

    private void pattern(String field, String value, Pattern pattern, String allowed) {
        if (value == null || value.isBlank()) {
            problem(field, "is required");
        } else if (value.length() > 100 || !pattern.matcher(value).matches()) {
            problem(field, "'" + value + "' must be " + allowed + " (at most 100 characters)");
        }
    }

    private void text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            problem(field, "is required");
        } else if (value.length() > maxLength) {
            problem(field, "must be at most " + maxLength + " characters, was " + value.length());
        }
    }

    private void optionalText(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            problem(field, "must be at most " + maxLength + " characters, was " + value.length());
        }
    }

    private void required(String field, Object value) {
        if (value == null) {
            problem(field, "is required");
        }
    }

    private void problem(String field, String message) {
        problems.add(dir.describe(file) + ": " + entry + ": field '" + field + "' " + message);
    }
}
