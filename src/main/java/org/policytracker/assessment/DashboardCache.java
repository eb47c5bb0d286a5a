package org.policytracker.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.policytracker.system.Sha256;

/**
 * The last dashboard answers of this instance, as the JSON bytes sent, by everything an answer depends on
 * ({@link Key}): the database's change stamp (system/ChangeStamp), which every write of what the dashboard shows
 * increases in its own transaction on whichever instance it runs, the as-of date (today's date when none is asked
 * for, so a cached answer never outlives the day whose deadlines it judged), {@code knownAt} when one is asked for,
 * and the filters. The answer does not depend on the language (it carries both Chinese and English). An answer
 * cached by a stamp stays right while the stamp is unchanged: the stamp is read before the answer is computed, so
 * an answer computed while a write commits can only be newer than its stamp, never older.
 *
 * <p>
 * Answers of older stamps are dropped when one of a newer stamp is kept; at most {@link #MAX_ANSWERS} are kept.
 */
@ApplicationScoped
class DashboardCache {

    static final int MAX_ANSWERS = 64;

    /**
     * What a dashboard answer depends on.
     *
     * @param knownAt the time asked for; null for "now", which at a given stamp means the same values
     */
    record Key(long stamp, LocalDate asOf, OffsetDateTime knownAt, String document, String theme, String kind,
            String status, String judgement) {
    }

    /** The JSON as sent and its entity tag: a hash of the bytes, so equal tags mean equal answers. */
    record Answer(byte[] json, String etag) {

        static Answer of(byte[] json) {
            byte[] hash = Sha256.of(json);
            return new Answer(json, Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(java.util.Arrays.copyOf(hash, 18)));
        }

        /** Whether an {@code If-None-Match} header names this answer (weak or strong, or {@code *}). */
        boolean matches(String ifNoneMatch) {
            if (ifNoneMatch == null) {
                return false;
            }
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.trim();
                if (t.startsWith("W/")) {
                    t = t.substring(2);
                }
                if (t.equals("*") || t.equals("\"" + etag + "\"")) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Map<Key, Answer> answers = new ConcurrentHashMap<>();

    /** The kept answer of the key, or the one {@code compute} makes, kept for the next request. */
    Answer answer(Key key, Supplier<byte[]> compute) {
        Answer kept = answers.get(key);
        if (kept != null) {
            return kept;
        }
        Answer fresh = Answer.of(compute.get());
        answers.keySet().removeIf(k -> k.stamp() < key.stamp());
        if (answers.size() >= MAX_ANSWERS) {
            answers.clear();
        }
        answers.put(key, fresh);
        return fresh;
    }
}
