package dev.switchboard.core.plugins;

import dev.switchboard.api.action.WorkflowAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.Manifest;
import java.util.logging.Logger;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The embedded Apache Felix framework that runs plugins. The host's SDK packages
 * ({@code switchboard-api}) are exported by the system bundle with the versions the SDK jar
 * declares, so plugins wire to the very classes the host uses.
 */
public final class PluginRuntime {

    private static final Logger LOG = Logger.getLogger(PluginRuntime.class.getName());
    private static final long REFRESH_TIMEOUT_SECONDS = 30;

    private final Framework framework;

    private PluginRuntime(Framework framework) {
        this.framework = framework;
    }

    /** Starts a framework whose cache lives under {@code storage}, emptied on every start. */
    public static PluginRuntime start(Path storage) {
        Map<String, Object> config = new HashMap<>();
        config.put("org.osgi.framework.storage", storage.toAbsolutePath().toString());
        // installed plugins come back from the platform's own store at boot, not from the cache
        config.put("org.osgi.framework.storage.clean", "onFirstInit");
        config.put("org.osgi.framework.system.packages.extra", sdkExports());
        // parallel resolver threads outlive a redeploy of the WAR and pin its class loader
        config.put("felix.resolver.parallelism", "1");
        config.put("felix.service.urlhandlers", "false");
        config.put("org.osgi.framework.bundle.parent", "framework");
        // a new version of a plugin starts next to the old one, which drains before it is uninstalled
        config.put("org.osgi.framework.bsnversion", "multiple");
        Felix felix = new Felix(config);
        try {
            felix.start();
        } catch (BundleException e) {
            throw new IllegalStateException("the plugin framework did not start: " + e.getMessage(), e);
        }
        LOG.info(() -> "Plugin framework started (Felix " + felix.getVersion() + "), SDK exports: " + sdkExports());
        return new PluginRuntime(felix);
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** Re-wires {@code bundle} after an update so no one keeps classes of the old revision. */
    public void refresh(Bundle bundle) {
        CountDownLatch done = new CountDownLatch(1);
        framework.adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("refreshing " + bundle.getSymbolicName() + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while refreshing " + bundle.getSymbolicName(), e);
        }
    }

    public void stop() {
        try {
            framework.stop();
            framework.waitForStop(TimeUnit.SECONDS.toMillis(30));
        } catch (BundleException e) {
            LOG.warning("Plugin framework did not stop cleanly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The Export-Package header of the SDK jar, which versions each package from its package-info. */
    static String sdkExports() {
        return sdkManifestHeader("Export-Package");
    }

    /** The SDK's release ({@code Bundle-Version} of the SDK jar), which PF4J plugins' Plugin-Requires is checked against. */
    public static String sdkVersion() {
        return sdkManifestHeader("Bundle-Version");
    }

    private static String sdkManifestHeader(String header) {
        ClassLoader loader = WorkflowAction.class.getClassLoader();
        try {
            for (URL url : Collections.list(loader.getResources("META-INF/MANIFEST.MF"))) {
                try (InputStream in = url.openStream()) {
                    Manifest manifest = new Manifest(in);
                    String name = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
                    if (name != null && name.startsWith("dev.switchboard.api")) {
                        return manifest.getMainAttributes().getValue(header);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SDK manifest", e);
        }
        throw new IllegalStateException("switchboard-api jar (Bundle-SymbolicName dev.switchboard.api) is not on the class path");
    }
}
