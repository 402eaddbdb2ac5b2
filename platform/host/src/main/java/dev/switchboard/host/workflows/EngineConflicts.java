package dev.switchboard.host.workflows;

import java.util.function.Supplier;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;

/**
 * A request that changes a run the engine may be moving at the same moment (cancelling a run whose start
 * job is running, say) meets the engine's optimistic lock: it is tried again a few times, each in a
 * transaction of its own, before the conflict is answered (409).
 */
final class EngineConflicts {

    private static final int ATTEMPTS = 4;

    private EngineConflicts() {
    }

    static <T> T retried(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !conflict(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(100L << attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static void retried(Runnable change) {
        retried(() -> {
            change.run();
            return null;
        });
    }

    private static boolean conflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof FlowableOptimisticLockingException) {
                return true;
            }
        }
        return false;
    }
}
