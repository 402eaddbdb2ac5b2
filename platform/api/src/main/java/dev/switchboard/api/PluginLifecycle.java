package dev.switchboard.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Optional: work a plugin does when it starts and stops (open a connection pool, close it). The host
 * calls {@link #start()} once before any other extension of the plugin is used, with a time limit; a
 * plugin whose start throws or overruns is not activated, and the operator sees why.
 *
 * <pre>{@code
 * @Extension
 * public final class Pool implements PluginLifecycle {
 *     public void start() { ... }
 *     public void stop() { ... }
 * }
 * }</pre>
 */
@ConsumerType
@ExtensionPoint(descriptor = Extension.class, key = "")
public interface PluginLifecycle {

    void start() throws Exception;

    /** Called once when the plugin version is replaced or removed, after its calls have finished. */
    default void stop() {
    }
}
