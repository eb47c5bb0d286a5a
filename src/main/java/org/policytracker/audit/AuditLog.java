package org.policytracker.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;

/**
 * Records changes in the audit log, in the caller's transaction: a change and its audit entry
 * commit or roll back together.
 */
@ApplicationScoped
public class AuditLog {

    private final ObjectMapper json;

    AuditLog(ObjectMapper json) {
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, String actor, OffsetDateTime at, String indicatorCode, String targetCode,
            String period, Object before, Object after) {
        AuditEvent event = new AuditEvent();
        event.action = action.name();
        event.actor = actor;
        event.occurredAt = at;
        event.indicatorCode = indicatorCode;
        event.targetCode = targetCode;
        event.period = period;
        event.before = toJson(before);
        event.after = toJson(after);
        event.persist();
    }

    public String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot record audit state", e);
        }
    }
}
