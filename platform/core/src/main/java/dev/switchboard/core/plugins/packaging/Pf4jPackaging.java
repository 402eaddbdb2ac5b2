package dev.switchboard.core.plugins.packaging;

import dev.switchboard.api.action.WorkflowAction;
import dev.switchboard.core.plugins.PluginArchive;
import dev.switchboard.core.plugins.registry.LoadedPlugin;
import dev.switchboard.core.plugins.registry.PluginLoadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.pf4j.JarPluginLoader;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * PF4J plugins: a plain jar with PF4J's manifest ({@code Plugin-Id}, {@code Plugin-Version},
 * optionally {@code Plugin-Requires} against the SDK version) and PF4J's extension index. Each version
 * gets a plugin manager of its own, so two versions of one plugin can be loaded while the older one
 * drains. The plugin sees the JDK, the SDK and PF4J only ({@link SdkClassLoader}).
 */
public final class Pf4jPackaging implements Packaging {

    private static final Logger LOG = Logger.getLogger(Pf4jPackaging.class.getName());

    private final Path storage;
    private final String sdkVersion;
    private final AtomicLong loads = new AtomicLong();

    /**
     * @param storage a folder for the plugin jars PF4J reads from disk; emptied now
     * @param sdkVersion the SDK version plugins' {@code Plugin-Requires} is checked against
     */
    public Pf4jPackaging(Path storage, String sdkVersion) {
        this.storage = storage;
        this.sdkVersion = sdkVersion;
        try {
            if (Files.isDirectory(storage)) {
                try (var old = Files.list(storage)) {
                    for (Path file : old.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
            Files.createDirectories(storage);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the PF4J plugin folder " + storage, e);
        }
    }

    @Override
    public LoadedPlugin load(PluginArchive archive) throws PluginLoadException {
        Path jar = storage.resolve(archive.pluginId() + "-" + archive.version() + "-" + loads.incrementAndGet() + ".jar");
        try {
            Files.write(jar, archive.content());
        } catch (IOException e) {
            throw new PluginLoadException("the plugin cannot be written to " + storage + ": " + e.getMessage(), e);
        }
        Manager manager = new Manager(storage);
        manager.setSystemVersion(sdkVersion);
        try {
            String pluginId = manager.loadPlugin(jar);
            PluginState state = manager.startPlugin(pluginId);
            PluginWrapper wrapper = manager.getPlugin(pluginId);
            if (state != PluginState.STARTED) {
                Throwable failure = wrapper.getFailedException();
                String requires = wrapper.getDescriptor().getRequires();
                throw new PluginLoadException("the PF4J plugin did not start (" + state + ")"
                        + (failure == null ? "" : ": " + failure.getMessage())
                        + ("*".equals(requires) ? "" : "; it requires SDK " + requires + ", this host offers " + sdkVersion));
            }
            return new Pf4jPlugin(archive, manager, pluginId, jar);
        } catch (PluginRuntimeException | IllegalArgumentException e) {
            unload(manager, archive.pluginId(), jar);
            throw new PluginLoadException("the PF4J plugin cannot be loaded: " + e.getMessage(), e);
        } catch (PluginLoadException e) {
            unload(manager, archive.pluginId(), jar);
            throw e;
        }
    }

    @Override
    public void close() {
        // each plugin's manager is closed with its version
    }

    private static void unload(JarPluginManager manager, String pluginId, Path jar) {
        try {
            if (manager.getPlugin(pluginId) != null) {
                manager.stopPlugin(pluginId);
                manager.unloadPlugin(pluginId);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Unloading PF4J plugin " + pluginId + " failed", e);
        }
        try {
            Files.deleteIfExists(jar);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Cannot delete " + jar, e);
        }
    }

    /** A manager whose plugins see only the SDK ({@link SdkClassLoader}). */
    private static final class Manager extends JarPluginManager {

        Manager(Path root) {
            super(root);
        }

        @Override
        protected PluginLoader createPluginLoader() {
            ClassLoader sdk = new SdkClassLoader(WorkflowAction.class.getClassLoader());
            return new JarPluginLoader(this) {
                @Override
                protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                    return new PluginClassLoader(this.pluginManager, descriptor, sdk);
                }
            };
        }
    }

    private record Pf4jPlugin(PluginArchive archive, JarPluginManager manager, String pluginId, Path jar)
            implements LoadedPlugin {

        @Override
        public List<String> extensionClassNames() {
            ClassLoader loader = manager.getPluginClassLoader(pluginId);
            // the plugin's own index only: the class loader's findResource does not ask the parent
            URL index = ((PluginClassLoader) loader).findResource(ExtensionIndex.PF4J);
            if (index == null) {
                return List.of();
            }
            try (InputStream in = index.openStream()) {
                return ExtensionIndex.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the extension index of " + pluginId, e);
            }
        }

        @Override
        public Class<?> loadClass(String name) throws ClassNotFoundException {
            return Class.forName(name, false, manager.getPluginClassLoader(pluginId));
        }

        @Override
        public ClassLoader classLoader() {
            return manager.getPluginClassLoader(pluginId);
        }

        @Override
        public void close() {
            unload(manager, pluginId, jar);
        }
    }
}
