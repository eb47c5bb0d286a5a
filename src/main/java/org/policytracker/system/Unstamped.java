package org.policytracker.system;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entity the dashboard never reads (users, sessions, tokens, the sign-in throttle, the audit trail, import
 * jobs, the catalogue lock): its writes leave the database's change stamp as it is ({@link ChangeStamp}). An entity
 * without it is stamped, the safe default; the entity says so itself, so a new one needs no list kept elsewhere.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Unstamped {
}
