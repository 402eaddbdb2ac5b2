package dev.switchboard.core.db;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Work that may fail without failing the transaction around it: it runs inside a savepoint of the
 * caller's transaction, and should it throw, its writes (plain SQL and entities alike) are undone while
 * the rest of the transaction goes on. Entities are flushed before the savepoint is released, so that a
 * write the database refuses fails here, not at the commit.
 *
 * <p>What cannot be undone this way: a transaction that the work marked for rollback (a
 * {@code @Transactional} method it called threw an unchecked exception). {@link Failed#contained()}
 * then says false and the caller's transaction can only roll back.
 */
@ApplicationScoped
public class Savepoints {

    private static final AtomicLong NAMES = new AtomicLong();

    @Inject
    Database db;

    @PersistenceContext(unitName = EntityMappings.UNIT)
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The work's failure, its writes undone. */
    public static final class Failed extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final boolean contained;

        Failed(RuntimeException cause, boolean contained) {
            super(cause.getMessage(), cause);
            this.contained = contained;
        }

        /** Whether the transaction around the work is still good: false when the work marked it for rollback. */
        public boolean contained() {
            return contained;
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /**
     * Runs {@code work} in a savepoint of the caller's active transaction.
     *
     * @throws Failed when the work threw, its writes undone
     * @throws IllegalStateException when there is no active transaction
     */
    public <T> T run(Supplier<T> work) {
        if (transactions.getTransactionKey() == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("a savepoint needs an active transaction");
        }
        String name = "sb_work_" + NAMES.incrementAndGet();
        // entities changed before are written first, so that undoing the work cannot undo them
        em.flush();
        db.update("SAVEPOINT " + name);
        try {
            T result = work.get();
            em.flush();
            db.update("RELEASE SAVEPOINT " + name);
            return result;
        } catch (RuntimeException e) {
            boolean contained = transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
            try {
                db.update("ROLLBACK TO SAVEPOINT " + name);
                db.update("RELEASE SAVEPOINT " + name);
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
                contained = false;
            }
            // the entities the work changed are forgotten, or the commit would write them again
            em.clear();
            throw new Failed(e, contained);
        }
    }
}
