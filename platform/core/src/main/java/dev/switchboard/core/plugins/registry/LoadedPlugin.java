package dev.switchboard.core.plugins.registry;

import dev.switchboard.core.plugins.PluginArchive;
import java.util.List;

/**
 * One version of a plugin, loaded by its packaging (an OSGi bundle on Felix, a PF4J plugin): its
 * classes, and the compile-time index naming its extension classes. The registry knows plugins only
 * through this, so it cannot tell the packagings apart.
 */
public interface LoadedPlugin extends AutoCloseable {

    PluginArchive archive();

    /** The binary names of the classes the artifact's index lists, in index order. */
    List<String> extensionClassNames();

    /** Loads a class of the plugin without initializing it (no plugin code runs). */
    Class<?> loadClass(String name) throws ClassNotFoundException;

    /** The class loader of the plugin's own classes. */
    ClassLoader classLoader();

    /** Unloads the version: nothing of it runs or is reachable afterwards. Never throws. */
    @Override
    void close();
}
