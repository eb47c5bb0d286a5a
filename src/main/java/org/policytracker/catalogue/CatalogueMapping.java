package org.policytracker.catalogue;

import java.util.Map;

/** Copies validated seed entries onto the catalogue entities. */
final class CatalogueMapping {

    private CatalogueMapping() {
    }

    static void update(Document document, SeedModel.DocumentEntry entry, int sortOrder) {
        document.code = entry.code();
        document.titleZh = entry.titleZh();
        document.titleEn = entry.titleEn();
        document.number = entry.number();
        document.issuer = entry.issuer();
        document.issuedOn = entry.issuedOn();
        document.sourceText = entry.sourceText();
        document.sortOrder = sortOrder;
        document.retired = false;
    }

    static void update(Indicator indicator, SeedModel.IndicatorEntry entry) {
        indicator.code = entry.code();
        indicator.nameZh = entry.nameZh();
        indicator.nameEn = entry.nameEn();
        indicator.unit = entry.unit();
        indicator.unitEn = entry.unitEn();
        indicator.theme = entry.theme();
        indicator.valueType = entry.valueType();
        indicator.favourableDirection = entry.favourableDirection();
        indicator.seriesStart = entry.seriesStart();
        indicator.precision = entry.precision();
        indicator.publishedForm = entry.valueType() == ValueType.STATE ? null : entry.publishedFormOrLevel();
        indicator.bases = entry.basesList();
        indicator.measure = entry.measure();
        indicator.retired = false;
    }

    static void update(Target target, SeedModel.TargetEntry entry, Document document,
            Map<String, Indicator> indicators, Map<String, Document> documents, int sortOrder) {
        target.code = entry.id();
        target.document = document;
        target.alsoStatedIn = entry.alsoStatedInList().stream().map(s -> {
            Document other = documents.get(s.document());
            return new CatalogueViews.SourceView(s.document(), other.titleZh, other.titleEn, other.number, s.section(),
                    s.sectionEn(), s.quote(), s.note(), s.noteZh());
        }).toList();
        target.indicator = indicators.get(entry.indicator());
        target.relatedIndicator = entry.relatedIndicator() == null ? null : indicators.get(entry.relatedIndicator());
        target.kind = entry.kind();
        target.targetYear = entry.targetYear();
        target.targetDate = entry.targetDate();
        target.targetValue = entry.targetValue();
        target.tolerance = entry.tolerance();
        target.direction = entry.direction();
        target.baseYear = entry.baseYear();
        target.baselineYear = entry.baselineYear();
        target.baselineValue = entry.baselineValue();
        target.baselineSource = entry.baselineSource();
        target.baselineSourceZh = entry.baselineSourceZh();
        target.baselineConfirmed = entry.isBaselineConfirmed();
        target.targetValueConfirmed = entry.isTargetValueConfirmed();
        target.binding = entry.binding();
        target.decidedBy = entry.decidedBy();
        target.reading = entry.reading();
        target.agencies = entry.agencyList();
        target.scope = entry.scopeList();
        target.section = entry.section();
        target.sectionEn = entry.sectionEn();
        target.quote = entry.quote();
        target.note = entry.note();
        target.noteZh = entry.noteZh();
        target.sortOrder = sortOrder;
        target.retired = false;
    }
}
