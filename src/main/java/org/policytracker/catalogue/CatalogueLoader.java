package org.policytracker.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.policytracker.system.ChangeStamp;
import org.policytracker.system.TrackerConfig;

/**
 * Loads the catalogue seed at start-up. Idempotent and versioned: an unchanged seed (same file
 * hashes) is skipped, without being read or checked again (issue #18: the checks took about a second of every
 * start); a changed one is checked in full and updates documents, indicators and targets by their codes and
 * records a revision of what it changed ({@link CatalogueRevisions}; earlier ones are never touched);
 * entries that disappeared are retired, never deleted, so analysts' data stays attached. Instances
 * serialise on a database row lock, so two starting together load once.
 */
@ApplicationScoped
public class CatalogueLoader {

    public enum Outcome {
        LOADED,
        UNCHANGED
    }

    private final TrackerConfig config;
    private final ChangeStamp stamp;
    /** How many times a seed was read and checked in full (SeedReader), for the tests of the fast path. */
    private final AtomicLong seedsChecked = new AtomicLong();

    CatalogueLoader(TrackerConfig config, ChangeStamp stamp) {
        this.config = config;
        this.stamp = stamp;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        load(seedDirectory());
    }

    /** The configured seed directory, or the catalogue packaged in the application. */
    public SeedDirectory seedDirectory() {
        return config.seed().dir().map(SeedDirectory::of).orElseGet(SeedDirectory::packaged);
    }

    /**
     * Skips a seed whose files are the ones last loaded; otherwise validates the whole seed first (nothing is written
     * if any file is invalid), then loads it.
     */
    public Outcome load(SeedDirectory dir) {
        if (QuarkusTransaction.requiringNew().call(() -> unchangedSinceLastLoad(dir))) {
            Log.info("Catalogue unchanged since the last load");
            return Outcome.UNCHANGED;
        }
        seedsChecked.incrementAndGet();
        SeedModel.Catalogue seed = SeedReader.read(dir);
        Outcome outcome = QuarkusTransaction.requiringNew().call(() -> loadLocked(seed));
        if (outcome == Outcome.LOADED) {
            Log.infof("Catalogue loaded: %d documents, %d targets", seed.files().size(),
                    seed.files().stream().mapToInt(f -> f.targets().size()).sum());
        } else {
            Log.info("Catalogue unchanged since the last load");
        }
        return outcome;
    }

    /**
     * Whether every file recorded at the last load (index.yaml, the document files, their source texts) still has the
     * bytes it had then. Which files a seed has follows from the contents of index.yaml and the document files, so
     * when they are all unchanged the seed is the one loaded and checked then, and nothing needs reading or checking
     * again. False before the first load, and for a catalogue loaded before revisions were recorded (the full path
     * records its first revision). Takes no lock: a seed being loaded by another instance is not yet recorded, so this
     * instance takes the full path and waits for it on the lock.
     */
    private static boolean unchangedSinceLastLoad(SeedDirectory dir) {
        if (CatalogueLock.lastLoaded() == null || CatalogueRevision.count() == 0) {
            return false;
        }
        List<SeedFileRecord> stored = SeedFileRecord.listAll();
        if (stored.stream().noneMatch(r -> SeedReader.INDEX.equals(r.name))) {
            return false;
        }
        for (SeedFileRecord record : stored) {
            Optional<byte[]> bytes = dir.read(record.name);
            if (bytes.isEmpty() || !SeedReader.sha256(bytes.get()).equals(record.sha256)) {
                return false;
            }
        }
        return true;
    }

    /** How many seeds this loader has read and checked in full since the application started. */
    long seedsChecked() {
        return seedsChecked.get();
    }

    private Outcome loadLocked(SeedModel.Catalogue seed) {
        CatalogueLock lock = CatalogueLock.acquire();
        Map<String, String> stored = SeedFileRecord.<SeedFileRecord>listAll().stream()
                .collect(Collectors.toMap(r -> r.name, r -> r.sha256));
        if (stored.equals(seed.fileHashes())) {
            if (CatalogueRevision.count() == 0) {
                // A catalogue loaded before revisions were recorded: the seed is the one loaded then.
                CatalogueRevisions.record(seed,
                        lock.loadedAt != null ? lock.loadedAt : OffsetDateTime.now(ZoneOffset.UTC),
                        "The catalogue as loaded before its revisions were recorded");
            }
            return Outcome.UNCHANGED;
        }
        apply(seed);
        stamp.touch(); // the entity writes mark the transaction anyway; the native updates of apply do not
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CatalogueRevisions.record(seed, now, null);
        recordHashes(seed.fileHashes(), now);
        lock.loadedAt = now;
        return Outcome.LOADED;
    }

    private static void recordHashes(Map<String, String> hashes, OffsetDateTime now) {
        Map<String, SeedFileRecord> records = byCode(SeedFileRecord.listAll(), r -> r.name);
        records.values().stream().filter(r -> !hashes.containsKey(r.name)).forEach(SeedFileRecord::delete);
        hashes.forEach((name, hash) -> {
            SeedFileRecord record = records.computeIfAbsent(name, n -> new SeedFileRecord());
            boolean isNew = record.name == null;
            record.name = name;
            record.sha256 = hash;
            record.loadedAt = now;
            if (isNew) {
                record.persist();
            }
        });
    }

    private void apply(SeedModel.Catalogue seed) {
        Map<String, Document> documents = byCode(Document.listAll(), d -> d.code);
        Map<String, Indicator> indicators = byCode(Indicator.listAll(), i -> i.code);
        Map<String, Target> targets = byCode(Target.listAll(), t -> t.code);
        Set<String> seenDocuments = new HashSet<>();
        Set<String> seenIndicators = new HashSet<>();
        Set<String> seenTargets = new HashSet<>();

        for (SeedModel.DocumentFile file : seed.files()) {
            for (SeedModel.IndicatorEntry entry : file.indicators()) {
                Indicator indicator = indicators.computeIfAbsent(entry.code(), c -> new Indicator());
                CatalogueMapping.update(indicator, entry);
                persistIfNew(indicator, indicator.id);
                seenIndicators.add(entry.code());
            }
        }
        int documentOrder = 0;
        for (SeedModel.DocumentFile file : seed.files()) {
            Document document = documents.computeIfAbsent(file.document().code(), c -> new Document());
            CatalogueMapping.update(document, file.document(), documentOrder++);
            persistIfNew(document, document.id);
            seenDocuments.add(document.code);
        }
        // Targets after every document: a target may name another document that states it too.
        for (SeedModel.DocumentFile file : seed.files()) {
            Document document = documents.get(file.document().code());
            int targetOrder = 0;
            for (SeedModel.TargetEntry entry : file.targets()) {
                Target target = targets.computeIfAbsent(entry.id(), c -> new Target());
                CatalogueMapping.update(target, entry, document, indicators, documents, targetOrder++);
                persistIfNew(target, target.id);
                seenTargets.add(entry.id());
            }
        }
        retireMissing(documents, seenDocuments, d -> d.retired = true);
        retireMissing(indicators, seenIndicators, i -> i.retired = true);
        retireMissing(targets, seenTargets, t -> t.retired = true);
        indicators.values().forEach(CatalogueLoader::stateBases);
    }

    /**
     * Puts the values of an indicator with series bases that state none (entered before the indicator had
     * bases, or before values stated them) on the basis in force for their period, which is what their
     * null meant: so that every stored value says its basis, and an unedited export imports back
     * unchanged. Nothing else of a value changes, so no vintage or audit entry is written.
     */
    private static void stateBases(Indicator indicator) {
        List<SeriesBasis> bases = indicator.bases == null ? List.of() : indicator.bases;
        for (int i = 0; i < bases.size(); i++) {
            LocalDate from = i == 0 ? LocalDate.of(1, 1, 1) : LocalDate.of(bases.get(i).fromYear(), 1, 1);
            LocalDate until = i + 1 < bases.size() ? LocalDate.of(bases.get(i + 1).fromYear(), 1, 1)
                    : LocalDate.of(9999, 12, 31);
            for (String table : List.of("observation", "observation_vintage")) {
                Indicator.getEntityManager().createNativeQuery("UPDATE " + table + " SET basis = ?1"
                        + " WHERE indicator_id = ?2 AND basis IS NULL AND period_end >= ?3 AND period_end < ?4")
                        .setParameter(1, bases.get(i).code()).setParameter(2, indicator.id)
                        .setParameter(3, from).setParameter(4, until).executeUpdate();
            }
        }
    }

    private static void persistIfNew(PanacheEntityBase entity, Long id) {
        if (id == null) {
            entity.persist();
        }
    }

    private static <T> void retireMissing(Map<String, T> all, Set<String> seen, Consumer<T> retire) {
        all.forEach((code, entity) -> {
            if (!seen.contains(code)) {
                retire.accept(entity);
                Log.infof("Retired %s, which the seed no longer lists", code);
            }
        });
    }

    private static <T> Map<String, T> byCode(List<T> entities, Function<T, String> code) {
        Map<String, T> map = new HashMap<>();
        entities.forEach(e -> map.put(code.apply(e), e));
        return map;
    }
}
