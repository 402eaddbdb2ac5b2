package dev.switchboard.core.plugins;

import dev.switchboard.core.config.PlatformConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs calls into plugin code so that a misbehaving plugin harms only its own calls: each call runs
 * within a time limit (the waiting caller gives up and the call's thread is interrupted), and each
 * plugin has a bounded number of calls running at once, so a plugin whose calls hang cannot take
 * every worker from the others. A hung call keeps its permit until it really returns.
 */
@ApplicationScoped
public class PluginCalls {

    @Inject
    PlatformConfig config;

    @Resource
    ManagedThreadFactory threadFactory;

    /** How long a call waits for one of its plugin's permits before it is {@link Busy}. */
    static final long PERMIT_WAIT_MILLIS = 200;

    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
    private volatile ExecutorService threads;

    /** The plugin has as many calls running as it may; try again later. */
    public static final class Busy extends Exception {

        private static final long serialVersionUID = 1L;

        Busy(String pluginId, int limit) {
            super("plugin " + pluginId + " already has " + limit + " calls running (switchboard.plugins.max-concurrent-calls)");
        }
    }

    /** The call did not finish within its limit. */
    public static final class TimedOut extends Exception {

        private static final long serialVersionUID = 1L;

        TimedOut(String pluginId, Duration limit) {
            super("plugin " + pluginId + " did not answer within " + limit.toSeconds() + " s");
        }

        TimedOut(String reason) {
            super(reason);
        }
    }

    /**
     * Runs {@code work} for {@code pluginId} within {@code limit}.
     *
     * @throws ExecutionException with what the call threw
     */
    public <T> T call(String pluginId, Duration limit, Callable<T> work) throws Busy, TimedOut, ExecutionException {
        Future<T> running = submit(pluginId, work);
        try {
            return running.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            throw new TimedOut(pluginId, limit);
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExecutionException("interrupted while waiting for plugin " + pluginId, e);
        }
    }

    /**
     * Runs {@code work} for {@code pluginId} with no time limit of its own, for calls that may rightly
     * take hours (an import): once a second {@code watchdog} is asked whether to give up, and when it
     * names a reason the call's thread is interrupted and the caller gets {@link TimedOut} with it. When
     * the watchdog throws, the call is interrupted too and the caller gets what it threw.
     *
     * @throws ExecutionException with what the call threw
     */
    public <T> T callWatched(String pluginId, Supplier<Optional<String>> watchdog, Callable<T> work)
            throws Busy, TimedOut, ExecutionException {
        Future<T> running = submit(pluginId, work);
        try {
            while (true) {
                try {
                    return running.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    Optional<String> giveUp = watchdog.get();
                    if (giveUp.isPresent()) {
                        running.cancel(true);
                        throw new TimedOut(giveUp.get());
                    }
                }
            }
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExecutionException("interrupted while waiting for plugin " + pluginId, e);
        } finally {
            // however the caller leaves (the watchdog itself may throw), the call is not left running unsupervised
            if (!running.isDone()) {
                running.cancel(true);
            }
        }
    }

    private <T> Future<T> submit(String pluginId, Callable<T> work) throws Busy, ExecutionException {
        Semaphore semaphore = permits.computeIfAbsent(pluginId, id -> new Semaphore(maxConcurrentCalls()));
        try {
            // a call about to end frees its permit soon: waiting a moment spares the caller a round trip
            if (!semaphore.tryAcquire(PERMIT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new Busy(pluginId, maxConcurrentCalls());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException("interrupted while waiting to call plugin " + pluginId, e);
        }
        Future<T> running;
        try {
            running = threads().submit(() -> {
                try {
                    return work.call();
                } finally {
                    semaphore.release();
                }
            });
        } catch (RuntimeException e) {
            semaphore.release();
            throw e;
        }
        return running;
    }

    /** The time limit of one action call when the action names none. */
    public Duration defaultActionTimeout() {
        return Duration.ofSeconds(config.optional("switchboard.plugins.action-timeout-seconds").map(Long::parseLong)
                .filter(seconds -> seconds > 0).orElse(60L));
    }

    /** Calls one plugin may have running at once. */
    public int maxConcurrentCalls() {
        return config.optional("switchboard.plugins.max-concurrent-calls").map(Integer::parseInt)
                .filter(limit -> limit > 0).orElse(6);
    }

    private ExecutorService threads() {
        ExecutorService pool = threads;
        if (pool == null) {
            synchronized (this) {
                if (threads == null) {
                    threads = Executors.newCachedThreadPool(threadFactory == null
                            ? Executors.defaultThreadFactory() : threadFactory);
                }
                pool = threads;
            }
        }
        return pool;
    }

    @PreDestroy
    void stop() {
        if (threads != null) {
            threads.shutdownNow();
        }
    }
}
