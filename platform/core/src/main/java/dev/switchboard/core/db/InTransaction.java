package dev.switchboard.core.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs work in a transaction, joining the caller's or starting one: for code on threads that have
 * none (plugin calls, worker threads), where container-managed persistence contexts need one.
 */
@ApplicationScoped
public class InTransaction {

    @Transactional
    public <T> T get(Supplier<T> work) {
        return work.get();
    }
}
