package dev.switchboard.core.plugins.packaging;

import dev.switchboard.core.plugins.PluginArchive;
import dev.switchboard.core.plugins.PluginRuntime;
import dev.switchboard.core.plugins.registry.LoadedPlugin;
import dev.switchboard.core.plugins.registry.PluginLoadException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleWiring;

/**
 * OSGi bundles on the embedded Felix framework. Each version is a bundle of its own (several versions
 * of one symbolic name may be installed at once), so a new version starts while the old one drains;
 * the old bundle is uninstalled and refreshed away when it is retired.
 */
public final class OsgiPackaging implements Packaging {

    private static final Logger LOG = Logger.getLogger(OsgiPackaging.class.getName());
    private static final String LOCATION_PREFIX = "switchboard-plugin:";

    private final PluginRuntime runtime;
    private final AtomicLong installs = new AtomicLong();

    public OsgiPackaging(Path storage) {
        this.runtime = PluginRuntime.start(storage);
    }

    @Override
    public LoadedPlugin load(PluginArchive archive) throws PluginLoadException {
        String location = LOCATION_PREFIX + archive.pluginId() + ":" + archive.version() + ":"
                + archive.sha256().substring(0, 12) + ":" + installs.incrementAndGet();
        Bundle bundle;
        try {
            bundle = runtime.context().installBundle(location, new ByteArrayInputStream(archive.content()));
        } catch (BundleException e) {
            throw new PluginLoadException("the bundle cannot be installed: " + e.getMessage(), e);
        }
        Bundled loaded = new Bundled(archive, bundle, runtime);
        try {
            bundle.start();
            return loaded;
        } catch (BundleException | RuntimeException e) {
            loaded.close();
            throw new PluginLoadException("the bundle does not start: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        runtime.stop();
    }

    private record Bundled(PluginArchive archive, Bundle bundle, PluginRuntime runtime) implements LoadedPlugin {

        @Override
        public List<String> extensionClassNames() {
            URL index = bundle.getEntry(ExtensionIndex.SDK);
            if (index == null) {
                return List.of();
            }
            try (InputStream in = index.openStream()) {
                return ExtensionIndex.read(in);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + ExtensionIndex.SDK + " of " + archive.pluginId(), e);
            }
        }

        @Override
        public Class<?> loadClass(String name) throws ClassNotFoundException {
            return bundle.loadClass(name);
        }

        @Override
        public ClassLoader classLoader() {
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            return wiring == null ? null : wiring.getClassLoader();
        }

        @Override
        public void close() {
            try {
                if (bundle.getState() != Bundle.UNINSTALLED) {
                    bundle.uninstall();
                }
                runtime.refresh(bundle);
            } catch (BundleException | RuntimeException e) {
                LOG.log(Level.WARNING, "Unloading plugin " + archive.pluginId() + " " + archive.version() + " failed", e);
            }
        }
    }
}
