package org.policytracker.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.policytracker.catalogue.CatalogueEntryRevision.Kind;
import org.policytracker.catalogue.CatalogueRevisions.Key;
import org.policytracker.system.Snapshot;

/**
 * The catalogue as known at a time: the revision in force then (the last recorded by then; before the first, the
 * first), its documents, indicators and targets rebuilt from their recorded seed entries as entities that are never
 * persisted, with the ids of their rows, so that their values and judgements attach. A revision never changes, so
 * each is built once. Without {@code knownAt} the catalogue is the database's current one.
 */
@ApplicationScoped
public class CatalogueHistory {

    /** A revision's catalogue: every target it had, retired ones included, in document order. */
    record Known(long revision, List<Target> targets, Map<String, Target> byCode) {
    }

    /**
     * Built catalogues by revision id and time: a revision never changes, but a restore may bring another
     * database's revisions under the same ids, with other times.
     */
    private final Map<String, Known> built = new ConcurrentHashMap<>();

    /** The current targets of the snapshot's catalogue, optionally filtered (null filters are ignored). */
    public List<Target> targets(Snapshot snapshot, String documentCode, Theme theme, TargetKind kind) {
        Known known = snapshot.knownAtGiven() ? known(snapshot.knownAt()) : null;
        if (known == null) {
            return Target.listCurrent(documentCode, theme, kind);
        }
        return known.targets().stream().filter(t -> !t.retired && t.matches(documentCode, theme, kind)).toList();
    }

    /** The current target with this code in the snapshot's catalogue. */
    public Optional<Target> target(Snapshot snapshot, String code) {
        Known known = snapshot.knownAtGiven() ? known(snapshot.knownAt()) : null;
        if (known == null) {
            return Target.findCurrentByCode(code);
        }
        return Optional.ofNullable(known.byCode().get(code)).filter(t -> !t.retired);
    }

    /** The catalogue in force at {@code knownAt}; null when no revision is recorded. */
    Known known(OffsetDateTime knownAt) {
        CatalogueRevision inForce = CatalogueRevision
                .<CatalogueRevision>find("recordedAt <= ?1 order by id desc", knownAt)
                .firstResult();
        if (inForce == null) {
            inForce = CatalogueRevision.<CatalogueRevision>find("order by id").firstResult();
        }
        if (inForce == null) {
            return null;
        }
        long id = inForce.id;
        return built.computeIfAbsent(id + "@" + inForce.recordedAt.toInstant(), k -> build(id));
    }

    private static Known build(long revision) {
        Map<Key, CatalogueEntryRevision> latest = CatalogueRevisions.latest(revision);
        Map<String, Long> documentIds = ids(Document.listAll(), d -> ((Document) d).code, d -> ((Document) d).id);
        Map<String, Long> indicatorIds = ids(Indicator.listAll(), i -> ((Indicator) i).code, i -> ((Indicator) i).id);
        Map<String, Long> targetIds = ids(Target.listAll(), t -> ((Target) t).code, t -> ((Target) t).id);
        Map<String, Indicator> indicators = new HashMap<>();
        Map<String, Document> documents = new HashMap<>();
        Map<String, Integer> documentOrder = new HashMap<>();
        latest.forEach((key, e) -> {
            if (key.kind() == Kind.INDICATOR) {
                Indicator indicator = new Indicator();
                CatalogueMapping.update(indicator, CatalogueRevisions.read(e.content, SeedModel.IndicatorEntry.class));
                indicator.id = indicatorIds.get(key.code());
                indicator.retired = e.retired;
                indicators.put(key.code(), indicator);
            } else if (key.kind() == Kind.DOCUMENT) {
                CatalogueRevisions.DocumentContent c = CatalogueRevisions.read(e.content,
                        CatalogueRevisions.DocumentContent.class);
                Document document = new Document();
                CatalogueMapping.update(document, c.entry(), c.sortOrder());
                document.id = documentIds.get(key.code());
                document.retired = e.retired;
                documents.put(key.code(), document);
                documentOrder.put(key.code(), c.sortOrder());
            }
        });
        List<Target> targets = new ArrayList<>();
        latest.forEach((key, e) -> {
            if (key.kind() == Kind.TARGET) {
                CatalogueRevisions.TargetContent c = CatalogueRevisions.read(e.content,
                        CatalogueRevisions.TargetContent.class);
                Target target = new Target();
                CatalogueMapping.update(target, c.entry(), documents.get(c.document()), indicators, documents,
                        c.sortOrder());
                target.id = targetIds.get(key.code());
                target.retired = e.retired;
                targets.add(target);
            }
        });
        targets.sort(Comparator.comparing((Target t) -> documentOrder.getOrDefault(t.document.code, 0))
                .thenComparing(t -> t.sortOrder));
        Map<String, Target> byCode = new LinkedHashMap<>();
        targets.forEach(t -> byCode.put(t.code, t));
        return new Known(revision, List.copyOf(targets), byCode);
    }

    private static Map<String, Long> ids(List<?> rows, Function<Object, String> code, Function<Object, Long> id) {
        return rows.stream().collect(Collectors.toMap(code, id));
    }

    /**
     * A target's revisions, oldest first: each revision that changed the target or its indicator, with what
     * changed, when and why. Empty when the target was never recorded.
     */
    public List<CatalogueViews.RevisionView> revisions(Target target) {
        List<CatalogueEntryRevision> entries = CatalogueEntryRevision.list(
                "(kind = ?1 and code = ?2) or (kind = ?3 and code = ?4) order by revision.id, id", Kind.TARGET,
                target.code, Kind.INDICATOR, target.indicator.code);
        Map<Long, List<CatalogueViews.FieldChange>> changes = new LinkedHashMap<>();
        Map<Long, CatalogueRevision> revisions = new LinkedHashMap<>();
        Map<Long, String> what = new LinkedHashMap<>();
        String targetBefore = null;
        String indicatorBefore = null;
        boolean retiredBefore = false;
        for (CatalogueEntryRevision e : entries) {
            revisions.put(e.revision.id, e.revision);
            List<CatalogueViews.FieldChange> list = changes.computeIfAbsent(e.revision.id, k -> new ArrayList<>());
            if (e.kind == Kind.TARGET) {
                String change = targetBefore == null ? "ADDED"
                        : e.retired ? "RETIRED"
                                : retiredBefore ? "RESTORED"
                                        : "CHANGED";
                what.put(e.revision.id, change);
                list.addAll(0, CatalogueRevisions.changes(targetBefore, e.content, ""));
                targetBefore = e.content;
                retiredBefore = e.retired;
            } else {
                if (indicatorBefore != null) {
                    list.addAll(CatalogueRevisions.changes(indicatorBefore, e.content, "indicator."));
                    what.putIfAbsent(e.revision.id, "CHANGED");
                }
                indicatorBefore = e.content;
            }
        }
        List<CatalogueViews.RevisionView> views = new ArrayList<>();
        revisions.forEach((id, r) -> {
            String change = what.get(id);
            if (change != null) {
                List<CatalogueViews.FieldChange> list = "ADDED".equals(change) ? List.of() : changes.get(id);
                views.add(new CatalogueViews.RevisionView(id, r.recordedAt, r.changeNote, change, list));
            }
        });
        return views.stream().filter(Objects::nonNull).toList();
    }
}
