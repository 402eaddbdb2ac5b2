package dev.switchboard.core.plugins.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every extension of every active plugin version, found by extension point and key. Knows no
 * extension point by name: a new point is a new SDK interface and needs nothing here.
 *
 * <p>A call takes a {@link Lease} on the version that serves it; a newer version published meanwhile
 * serves the next call, and the older one is unloaded once its leases are returned.
 */
public final class ExtensionRegistry {

    private final Map<String, PluginGeneration> active = new ConcurrentHashMap<>();

    /** A call in flight on one extension of one plugin version; close it when the call is over. */
    public static final class Lease<T> implements AutoCloseable {

        private final PluginGeneration generation;
        private final Extension extension;
        private final T instance;
        private boolean closed;

        Lease(PluginGeneration generation, Extension extension, T instance) {
            this.generation = generation;
            this.extension = extension;
            this.instance = instance;
        }

        public T instance() {
            return instance;
        }

        public Extension extension() {
            return extension;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                generation.exit();
            }
        }
    }

    /**
     * Makes {@code generation} the plugin's active version, unless one of its keys belongs to another
     * plugin.
     *
     * @return the version it replaces, to retire
     * @throws PluginLoadException naming every key owned by another plugin
     */
    public synchronized Optional<PluginGeneration> publish(PluginGeneration generation) throws PluginLoadException {
        List<String> conflicts = new ArrayList<>();
        for (Extension extension : generation.extensions()) {
            if (extension.point().getAnnotation(dev.switchboard.api.ExtensionPoint.class).keyPerPlugin()) {
                continue;
            }
            for (PluginGeneration other : active.values()) {
                if (!other.pluginId().equals(generation.pluginId()) && other.find(extension.point(), extension.key()).isPresent()) {
                    conflicts.add(extension.pointName() + " '" + extension.key() + "' belongs to plugin '"
                            + other.pluginId() + "'");
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new PluginLoadException(conflicts);
        }
        return Optional.ofNullable(active.put(generation.pluginId(), generation));
    }

    /** Takes the plugin out: no new call reaches it. Returns the version to retire. */
    public synchronized Optional<PluginGeneration> withdraw(String pluginId) {
        return Optional.ofNullable(active.remove(pluginId));
    }

    /** Puts back a version withdrawn or replaced a moment ago, when the change that replaced it failed. */
    public synchronized void restore(PluginGeneration previous, PluginGeneration failed) {
        if (failed == null) {
            active.put(previous.pluginId(), previous);
        } else {
            active.replace(failed.pluginId(), failed, previous);
        }
    }

    public Optional<PluginGeneration> generation(String pluginId) {
        return Optional.ofNullable(active.get(pluginId));
    }

    public Collection<PluginGeneration> generations() {
        return List.copyOf(active.values());
    }

    /** The extension of {@code point} with {@code key}, across plugins (for globally keyed points). */
    public <T> Optional<Lease<T>> lease(Class<T> point, String key) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<PluginGeneration> owner = active.values().stream()
                    .filter(generation -> generation.find(point, key).isPresent()).findFirst();
            if (owner.isEmpty()) {
                return Optional.empty();
            }
            Optional<Lease<T>> lease = enter(owner.get(), point, key);
            if (lease.isPresent()) {
                return lease;
            }
            // retired between the lookup and the count: its successor is published already
        }
        return Optional.empty();
    }

    /** The extension of {@code point} with {@code key} in one plugin (for keys per plugin). */
    public <T> Optional<Lease<T>> lease(String pluginId, Class<T> point, String key) {
        for (int attempt = 0; attempt < 100; attempt++) {
            PluginGeneration generation = active.get(pluginId);
            if (generation == null || generation.find(point, key).isEmpty()) {
                return Optional.empty();
            }
            Optional<Lease<T>> lease = enter(generation, point, key);
            if (lease.isPresent()) {
                return lease;
            }
        }
        return Optional.empty();
    }

    /** Every extension of a point, of every active plugin, as declared (for listing, never calling). */
    public List<Extension> extensions(Class<?> point) {
        return active.values().stream().flatMap(generation -> generation.extensions().stream())
                .filter(extension -> extension.point() == point).toList();
    }

    private static <T> Optional<Lease<T>> enter(PluginGeneration generation, Class<T> point, String key) {
        if (!generation.enter()) {
            return Optional.empty();
        }
        Extension extension = generation.find(point, key).orElseThrow();
        return Optional.of(new Lease<>(generation, extension, point.cast(extension.instance())));
    }
}
