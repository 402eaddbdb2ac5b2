package dev.switchboard.core.plugins.packaging;

import dev.switchboard.core.plugins.PluginArchive;
import dev.switchboard.core.plugins.registry.LoadedPlugin;
import dev.switchboard.core.plugins.registry.PluginLoadException;

/** Loads one version of a plugin from its artifact, in a class loader of its own. */
public interface Packaging {

    /**
     * Loads the artifact next to any version already loaded (so calls in flight on that one can
     * finish while the new one takes the next).
     *
     * @throws PluginLoadException saying why the artifact cannot run here (an unresolved import, a
     *     missing class, an SDK version the host does not offer)
     */
    LoadedPlugin load(PluginArchive archive) throws PluginLoadException;

    /** Stops the loader itself at shutdown. */
    void close();
}
