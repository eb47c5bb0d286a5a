package org.policytracker.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.policytracker.catalogue.CatalogueEntryRevision.Kind;

/**
 * The catalogue's revisions as data: what a load of the seed records (the entries it changed, as their seed
 * entries in JSON), and how an entry recorded in a revision becomes a document, indicator or target again. The
 * one home of the content's format.
 */
final class CatalogueRevisions {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private CatalogueRevisions() {
    }

    /** A document's content: its seed entry and its place among the documents. */
    record DocumentContent(int sortOrder, SeedModel.DocumentEntry entry) {
    }

    /** A target's content: its document's code, its place in the document, and its seed entry. */
    record TargetContent(String document, int sortOrder, SeedModel.TargetEntry entry) {
    }

    /** An entry of the catalogue by kind and code. */
    record Key(Kind kind, String code) {
    }

    /**
     * Records a revision holding what {@code seed} changed against the latest recorded contents (new and changed
     * entries, and those the seed dropped, retired with their last content). Nothing when nothing changed. Runs
     * within the loader's transaction, under its lock.
     */
    static CatalogueRevision record(SeedModel.Catalogue seed, OffsetDateTime at, String fallbackNote) {
        Map<Key, String> now = contents(seed);
        Map<Key, CatalogueEntryRevision> latest = latest(Long.MAX_VALUE);
        List<CatalogueEntryRevision> changed = new ArrayList<>();
        now.forEach((key, json) -> {
            CatalogueEntryRevision before = latest.get(key);
            if (before == null || before.retired || !before.content.equals(json)) {
                changed.add(entry(key, json, false));
            }
        });
        latest.forEach((key, before) -> {
            if (!now.containsKey(key) && !before.retired) {
                changed.add(entry(key, before.content, true));
            }
        });
        if (changed.isEmpty()) {
            return null;
        }
        CatalogueRevision revision = new CatalogueRevision();
        revision.recordedAt = at;
        revision.changeNote = seed.changeNote() != null ? seed.changeNote() : fallbackNote;
        revision.persist();
        changed.forEach(e -> {
            e.revision = revision;
            e.persist();
        });
        return revision;
    }

    private static CatalogueEntryRevision entry(Key key, String content, boolean retired) {
        CatalogueEntryRevision e = new CatalogueEntryRevision();
        e.kind = key.kind();
        e.code = key.code();
        e.content = content;
        e.retired = retired;
        return e;
    }

    /** Every entry of the seed as the content a revision records, in seed order. */
    static Map<Key, String> contents(SeedModel.Catalogue seed) {
        Map<Key, String> contents = new LinkedHashMap<>();
        int documentOrder = 0;
        for (SeedModel.DocumentFile file : seed.files()) {
            for (SeedModel.IndicatorEntry indicator : file.indicators()) {
                contents.put(new Key(Kind.INDICATOR, indicator.code()), write(indicator));
            }
        }
        for (SeedModel.DocumentFile file : seed.files()) {
            contents.put(new Key(Kind.DOCUMENT, file.document().code()),
                    write(new DocumentContent(documentOrder++, file.document())));
            int targetOrder = 0;
            for (SeedModel.TargetEntry target : file.targets()) {
                contents.put(new Key(Kind.TARGET, target.id()),
                        write(new TargetContent(file.document().code(), targetOrder++, target)));
            }
        }
        return contents;
    }

    /** For each entry, its latest content recorded in revisions up to {@code revision}. */
    static Map<Key, CatalogueEntryRevision> latest(long revision) {
        Map<Key, CatalogueEntryRevision> latest = new LinkedHashMap<>();
        CatalogueEntryRevision.<CatalogueEntryRevision>list("revision.id <= ?1 order by revision.id, id", revision)
                .forEach(e -> latest.put(new Key(e.kind, e.code), e));
        return latest;
    }

    static String write(Object content) {
        try {
            return JSON.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot record catalogue entry " + content, e);
        }
    }

    static <T> T read(String content, Class<T> type) {
        try {
            return JSON.readValue(content, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A recorded catalogue entry is not readable: " + content, e);
        }
    }

    /**
     * The fields that differ between two contents of an entry ({@code before} null for a new entry): for a
     * target the seed entry's fields (and {@code document}, {@code sortOrder}), with their values as JSON text
     * (strings as they are).
     */
    static List<CatalogueViews.FieldChange> changes(String before, String after, String prefix) {
        Map<String, JsonNode> b = fields(before);
        Map<String, JsonNode> a = fields(after);
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        List<CatalogueViews.FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            JsonNode was = b.get(name);
            JsonNode is = a.get(name);
            if (!Objects.equals(was, is)) {
                changes.add(new CatalogueViews.FieldChange(prefix + name, text(was), text(is)));
            }
        }
        return changes;
    }

    private static Map<String, JsonNode> fields(String content) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (content == null) {
            return fields;
        }
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A recorded catalogue entry is not readable: " + content, e);
        }
        JsonNode entry = root.has("entry") ? root.get("entry") : root;
        for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getValue().isNull()) {
                fields.put(f.getKey(), f.getValue());
            }
        }
        root.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("entry") && root.has("entry")) {
                fields.put(f.getKey(), f.getValue());
            }
        });
        return fields;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
    }
}
