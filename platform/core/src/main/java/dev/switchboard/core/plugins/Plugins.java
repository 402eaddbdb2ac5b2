package dev.switchboard.core.plugins;

import dev.switchboard.core.config.PlatformConfig;
import dev.switchboard.core.problems.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * Installs, hot-swaps and lists plugins. An upload is checked, installed (or swapped in with
 * {@code Bundle.update} + refresh) and started; only if it starts and contributes something is it
 * recorded as the active artifact. Otherwise the previous state is restored and the caller gets a
 * 400 naming the reason.
 */
@ApplicationScoped
public class Plugins {

    private static final Logger LOG = Logger.getLogger(Plugins.class.getName());
    private static final String LOCATION_PREFIX = "switchboard-plugin:";

    @Inject
    PluginArtifacts artifacts;

    @Inject
    PlatformConfig config;

    private PluginRuntime runtime;
    private PluginRegistry registry;
    private final Map<String, String> bootErrors = new ConcurrentHashMap<>();

    /**
     * Starts the framework and re-installs every active plugin from the store.
     *
     * @return what stops the framework again (holding the framework itself, not this bean)
     */
    public synchronized AutoCloseable start() {
        runtime = PluginRuntime.start(config.dataDirectory().resolve("plugin-cache"));
        registry = new PluginRegistry(runtime.context());
        for (PluginArtifacts.StoredArtifact stored : artifacts.allActive()) {
            try {
                Bundle bundle = runtime.context().installBundle(LOCATION_PREFIX + stored.pluginId(),
                        new ByteArrayInputStream(stored.content()));
                bundle.start();
                LOG.info(() -> "Plugin " + stored.pluginId() + " " + stored.version() + " started");
            } catch (BundleException | RuntimeException e) {
                bootErrors.put(stored.pluginId(), e.getMessage());
                LOG.log(Level.SEVERE, "Plugin " + stored.pluginId() + " " + stored.version() + " did not start", e);
            }
        }
        PluginRegistry startedRegistry = registry;
        PluginRuntime startedRuntime = runtime;
        return () -> {
            startedRegistry.close();
            startedRuntime.stop();
        };
    }

    public PluginRegistry registry() {
        return registry;
    }

    /** Installs a new plugin or replaces the running version of the same plugin. */
    public synchronized PluginInfo install(byte[] upload, UUID uploadedBy) {
        PluginArchive archive = PluginArchive.read(upload);
        Optional<Bundle> existing = runtime.plugin(archive.pluginId());
        Bundle bundle = existing.isPresent() ? swap(existing.get(), archive) : installNew(archive);
        try {
            artifacts.recordActive(archive, uploadedBy);
        } catch (RuntimeException e) {
            restore(bundle, existing.isPresent(), archive.pluginId());
            throw e;
        }
        bootErrors.remove(archive.pluginId());
        LOG.info(() -> "Plugin " + archive.pluginId() + " " + archive.version() + " is active");
        return info(bundle);
    }

    /**
     * Removes a plugin: its bundle is uninstalled at once and it is not installed at the next boot.
     * Its settings stay, for a later reinstall; workflows that use its actions fail at those steps
     * until a plugin provides them again.
     */
    public synchronized void remove(String pluginId) {
        Bundle bundle = runtime.plugin(pluginId).orElseThrow(() -> ProblemException.notFound("plugin " + pluginId));
        artifacts.deactivate(pluginId);
        try {
            bundle.uninstall();
        } catch (BundleException e) {
            throw new IllegalStateException("uninstalling plugin " + pluginId + " failed: " + e.getMessage(), e);
        }
        bootErrors.remove(pluginId);
        LOG.info(() -> "Plugin " + pluginId + " was removed");
    }

    public List<PluginInfo> list() {
        return runtime.plugins().stream().map(this::info).toList();
    }

    public Optional<PluginInfo> find(String pluginId) {
        return runtime.plugin(pluginId).map(this::info);
    }

    private Bundle installNew(PluginArchive archive) {
        Bundle bundle;
        try {
            bundle = runtime.context().installBundle(LOCATION_PREFIX + archive.pluginId(),
                    new ByteArrayInputStream(archive.content()));
        } catch (BundleException e) {
            throw PluginArchive.invalid("the bundle cannot be installed: " + e.getMessage());
        }
        try {
            startAndCheck(bundle);
            return bundle;
        } catch (RuntimeException e) {
            uninstallQuietly(bundle);
            throw e instanceof ProblemException problem ? problem
                    : PluginArchive.invalid("the bundle fails when it starts: " + e);
        }
    }

    private Bundle swap(Bundle bundle, PluginArchive archive) {
        try {
            bundle.update(new ByteArrayInputStream(archive.content()));
            runtime.refresh(bundle);
            startAndCheck(bundle);
            return bundle;
        } catch (BundleException | RuntimeException e) {
            restore(bundle, true, archive.pluginId());
            throw e instanceof ProblemException problem ? problem
                    : PluginArchive.invalid("the new version cannot be swapped in: " + e.getMessage());
        }
    }

    private void startAndCheck(Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException e) {
            throw PluginArchive.invalid("the bundle does not start: " + e.getMessage());
        }
        List<String> shadowing = registry.shadowing(bundle);
        if (!shadowing.isEmpty()) {
            throw ProblemException.conflict(bundle.getSymbolicName() + " is refused: " + String.join("; ", shadowing)
                    + " (a plugin cannot register or shadow another plugin's action)");
        }
        List<String> failures = registry.failuresOf(bundle);
        if (!failures.isEmpty()) {
            throw PluginArchive.invalid("the bundle's contributions fail: " + String.join("; ", failures));
        }
        if (!registry.contributesAnything(bundle)) {
            throw PluginArchive.invalid("the bundle starts but registers no Switchboard contribution "
                    + "(a WorkflowAction or SettingsSchema service from switchboard-api)");
        }
    }

    /** Puts back what ran before a failed install or swap. */
    private void restore(Bundle bundle, boolean wasInstalled, String pluginId) {
        if (!wasInstalled) {
            uninstallQuietly(bundle);
            return;
        }
        Optional<PluginArtifacts.StoredArtifact> previous = artifacts.active(pluginId);
        if (previous.isEmpty()) {
            uninstallQuietly(bundle);
            return;
        }
        try {
            bundle.update(new ByteArrayInputStream(previous.get().content()));
            runtime.refresh(bundle);
            bundle.start();
            LOG.info(() -> "Plugin " + pluginId + " rolled back to " + previous.get().version());
        } catch (BundleException | RuntimeException e) {
            bootErrors.put(pluginId, "rollback failed: " + e.getMessage());
            LOG.log(Level.SEVERE, "Rolling back plugin " + pluginId + " failed", e);
        }
    }

    private static void uninstallQuietly(Bundle bundle) {
        try {
            bundle.uninstall();
        } catch (BundleException | IllegalStateException e) {
            LOG.log(Level.WARNING, "Uninstalling a refused bundle failed", e);
        }
    }

    private PluginInfo info(Bundle bundle) {
        String name = bundle.getHeaders().get("Bundle-Name");
        return new PluginInfo(bundle.getSymbolicName(), name == null ? bundle.getSymbolicName() : name,
                bundle.getVersion().toString(), state(bundle.getState()), registry.actionsOf(bundle),
                registry.settingsSchema(bundle.getSymbolicName()).map(schema -> schema.fields()).orElse(List.of()),
                bootErrors.get(bundle.getSymbolicName()));
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
