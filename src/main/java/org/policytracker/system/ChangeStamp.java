package org.policytracker.system;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Statement;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The one home of the database's change stamp: a number in a one-row table ({@code change_stamp}) that every write
 * of what the dashboard shows increases, in the write's own transaction, so that an answer kept by the stamp is
 * right on every instance that shares the database (a write through another instance changes the number this one
 * reads).
 *
 * <p>
 * Two ways in, so that no write path has to remember it:
 * <ul>
 * <li>Every entity insert, update or delete Hibernate makes marks its transaction ({@link #register}: a Hibernate
 * event listener, added at start before anything is written), except those of the entities marked {@link Unstamped},
 * which the dashboard does not read. A new entity is stamped unless it says otherwise: the safe default.</li>
 * <li>Writes past Hibernate (JDBC batches, native or bulk statements) call {@link #touch()}: the value store
 * ({@code ObservationStore}, the one write path of values, entered or imported), the sample's removal, a restore
 * and the catalogue loader's native update.</li>
 * </ul>
 * A marked transaction increases the stamp once, just before it commits (after Hibernate's last flush), so the row
 * is locked for the commit only, not for a whole import, and writers never wait on each other for it. A rolled-back
 * write leaves it unchanged.
 */
@ApplicationScoped
public class ChangeStamp {

    /** The statement that increases the stamp; a test's raw SQL that changes data runs it too. */
    public static final String BUMP = "UPDATE change_stamp SET stamp = stamp + 1 WHERE id = 1";
    static final String READ = "SELECT stamp FROM change_stamp WHERE id = 1";

    private static final String MARK = ChangeStamp.class.getName();

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    ChangeStamp(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /** The stamp now: one tiny query. */
    public long current() {
        return ((Number) em.createNativeQuery(READ).getSingleResult()).longValue();
    }

    /**
     * Marks the current transaction as a write of what the dashboard shows: the stamp goes up in it, once, just
     * before it commits. For writes Hibernate does not see (JDBC, native SQL); entity writes mark themselves.
     */
    public void touch() {
        touch(em.unwrap(SharedSessionContractImplementor.class));
    }

    private void touch(SharedSessionContractImplementor session) {
        if (transactions.getTransactionKey() == null) {
            throw new IllegalStateException("A write outside a transaction cannot increase the change stamp");
        }
        if (transactions.getResource(MARK) != null) {
            return;
        }
        transactions.putResource(MARK, Boolean.TRUE);
        session.getTransactionCompletionCallbacks().registerCallback((BeforeCompletionCallback) s -> s.doWork(c -> {
            try (Statement statement = c.createStatement()) {
                statement.executeUpdate(BUMP);
            }
        }));
    }

    /** Before the catalogue loader (APPLICATION priority), which is the first writer at start. */
    void register(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
            EntityManagerFactory factory) {
        Listener listener = new Listener(this);
        var registry = factory.unwrap(SessionFactoryImplementor.class).getEventListenerRegistry();
        registry.appendListeners(EventType.POST_INSERT, listener);
        registry.appendListeners(EventType.POST_UPDATE, listener);
        registry.appendListeners(EventType.POST_DELETE, listener);
    }

    /** Marks the transaction of every entity write but those of entities marked {@link Unstamped}. */
    private record Listener(ChangeStamp stamp)
            implements
                PostInsertEventListener,
                PostUpdateEventListener,
                PostDeleteEventListener {

        @Override
        public void onPostInsert(PostInsertEvent event) {
            mark(event.getPersister(), event.getSession());
        }

        @Override
        public void onPostUpdate(PostUpdateEvent event) {
            mark(event.getPersister(), event.getSession());
        }

        @Override
        public void onPostDelete(PostDeleteEvent event) {
            mark(event.getPersister(), event.getSession());
        }

        private void mark(EntityPersister persister, SharedSessionContractImplementor session) {
            if (!persister.getMappedClass().isAnnotationPresent(Unstamped.class)) {
                stamp.touch(session);
            }
        }

        @Override
        public boolean requiresPostCommitHandling(EntityPersister persister) {
            return false;
        }
    }
}
