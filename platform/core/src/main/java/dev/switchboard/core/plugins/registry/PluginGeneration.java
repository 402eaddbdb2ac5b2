package dev.switchboard.core.plugins.registry;

import dev.switchboard.api.PluginLifecycle;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One running version of a plugin: its extensions, instantiated, and a count of the calls in flight.
 * When a newer version replaces it, it is retired: new calls go to the newer one, calls already in
 * flight finish here (drain), and only then is it stopped and unloaded.
 */
public final class PluginGeneration {

    private static final Logger LOG = Logger.getLogger(PluginGeneration.class.getName());

    private final LoadedPlugin loaded;
    private final List<Extension> extensions;
    private final Object drained = new Object();
    private int inFlight;
    private boolean retired;

    private PluginGeneration(LoadedPlugin loaded, List<Extension> extensions) {
        this.loaded = loaded;
        this.extensions = List.copyOf(extensions);
    }

    /**
     * Instantiates the declared extensions and runs the plugin's start. Constructors and start are the
     * plugin's code: the caller runs this on a thread of its own, within a time limit.
     */
    public static PluginGeneration create(LoadedPlugin loaded, List<ExtensionScanner.Declared> declared)
            throws PluginLoadException {
        return instantiate(loaded, declared);
    }

    private static PluginGeneration instantiate(LoadedPlugin loaded, List<ExtensionScanner.Declared> declared)
            throws PluginLoadException {
        List<Extension> extensions = new ArrayList<>();
        for (ExtensionScanner.Declared extension : declared) {
            Object instance = null;
            if (extension.instantiated()) {
                try {
                    instance = extension.type().getConstructor().newInstance();
                } catch (InvocationTargetException e) {
                    throw new PluginLoadException(extension.type().getName() + " cannot be created: "
                            + describe(e.getCause()), e.getCause());
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    throw new PluginLoadException(extension.type().getName() + " cannot be created: " + describe(e), e);
                }
            }
            extensions.add(new Extension(loaded.archive().pluginId(), loaded.archive().version().toString(),
                    loaded.archive().packaging(), extension.point(), extension.key(), extension.descriptor(),
                    extension.type(), instance));
        }
        PluginGeneration generation = new PluginGeneration(loaded, extensions);
        for (PluginLifecycle lifecycle : generation.instances(PluginLifecycle.class)) {
            try {
                lifecycle.start();
            } catch (Exception | LinkageError e) {
                throw new PluginLoadException(lifecycle.getClass().getName() + ".start() failed: " + describe(e), e);
            }
        }
        return generation;
    }

    public String pluginId() {
        return loaded.archive().pluginId();
    }

    public String version() {
        return loaded.archive().version().toString();
    }

    public LoadedPlugin loaded() {
        return loaded;
    }

    public List<Extension> extensions() {
        return extensions;
    }

    public Optional<Extension> find(Class<?> point, String key) {
        return extensions.stream().filter(e -> e.point() == point && e.key().equals(key)).findFirst();
    }

    <T> List<T> instances(Class<T> point) {
        return extensions.stream().filter(e -> e.point() == point && e.instance() != null)
                .map(e -> point.cast(e.instance())).toList();
    }

    /** Counts a call in, unless the generation is retired (the caller then looks up the newer one). */
    boolean enter() {
        synchronized (drained) {
            if (retired) {
                return false;
            }
            inFlight++;
            return true;
        }
    }

    void exit() {
        synchronized (drained) {
            inFlight--;
            if (inFlight == 0) {
                drained.notifyAll();
            }
        }
    }

    /** Calls in flight right now. */
    public int inFlight() {
        synchronized (drained) {
            return inFlight;
        }
    }

    /**
     * Takes no new calls, waits for those in flight (at most {@code limit}), then stops the plugin's
     * lifecycle extensions and unloads the version.
     *
     * @return whether every call finished before the limit
     */
    public boolean retire(Duration limit) {
        boolean finished;
        synchronized (drained) {
            retired = true;
            long deadline = System.nanoTime() + limit.toNanos();
            while (inFlight > 0 && System.nanoTime() < deadline) {
                try {
                    drained.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            finished = inFlight == 0;
        }
        if (!finished) {
            LOG.warning(() -> "Plugin " + pluginId() + " " + version() + " is unloaded with " + inFlight()
                    + " call(s) still running after " + limit.toSeconds() + " s");
        }
        for (PluginLifecycle lifecycle : instances(PluginLifecycle.class)) {
            try {
                lifecycle.stop();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "Plugin " + pluginId() + " " + version() + " failed to stop", e);
            }
        }
        loaded.close();
        return finished;
    }

    static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
