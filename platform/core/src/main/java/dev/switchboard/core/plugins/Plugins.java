package dev.switchboard.core.plugins;

import dev.switchboard.core.config.PlatformConfig;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.plugins.PluginInfo.ExtensionInfo;
import dev.switchboard.core.plugins.data.PluginSchemas;
import dev.switchboard.core.plugins.locations.WorkflowActionUsage;
import dev.switchboard.core.plugins.packaging.OsgiPackaging;
import dev.switchboard.core.plugins.packaging.Packaging;
import dev.switchboard.core.plugins.packaging.Pf4jPackaging;
import dev.switchboard.core.plugins.registry.Descriptors;
import dev.switchboard.core.plugins.registry.ExtensionCheck;
import dev.switchboard.core.plugins.registry.ExtensionRegistry;
import dev.switchboard.core.plugins.registry.ExtensionScanner;
import dev.switchboard.core.plugins.registry.LoadedPlugin;
import dev.switchboard.core.plugins.registry.PluginGeneration;
import dev.switchboard.core.plugins.registry.PluginLoadException;
import dev.switchboard.core.plugins.trust.CodeTrust;
import dev.switchboard.core.plugins.trust.PluginTrust;
import dev.switchboard.core.plugins.trust.TrustVerdict;
import dev.switchboard.core.problems.ProblemException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The plugins' lifecycle: install, upgrade, roll back and remove, for both packagings alike. A new
 * version is loaded next to the running one, scanned, checked and started within a time limit; only
 * then is it published to the registry (the next call goes to it) and recorded as the active artifact,
 * and the old version drains and is unloaded. Whatever fails on the way leaves the running version
 * as it was, and the caller gets the reason.
 */
@ApplicationScoped
public class Plugins {

    private static final Logger LOG = Logger.getLogger(Plugins.class.getName());

    @Inject
    PluginArtifacts artifacts;

    @Inject
    PlatformConfig config;

    @Inject
    PluginTrust trust;

    @Inject
    CodeTrust codeTrust;

    @Inject
    Instance<ExtensionCheck> checks;

    @Inject
    WorkflowActionUsage usage;

    @Inject
    PluginSchemas schemas;

    @Resource
    ManagedThreadFactory threadFactory;

    private volatile ExtensionRegistry registry;
    private volatile Packaging osgi;
    private volatile Packaging pf4j;
    private volatile ExecutorService starter;
    private final Map<String, Failed> failed = new ConcurrentHashMap<>();
    /** One change at a time per plugin; changes of different plugins (a slow start among them) do not wait for each other. */
    private final Map<String, ReentrantLock> changing = new ConcurrentHashMap<>();

    /** A stored plugin that did not start at boot. */
    private record Failed(PluginArchive archive, String reason) {
    }

    /**
     * Starts the loaders and activates every stored plugin, in parallel, each within the start time
     * limit: a plugin that fails or hangs is FAILED with the reason and delays nothing else.
     *
     * @return what stops the loaders again
     */
    public synchronized AutoCloseable start() {
        starter = Executors.newCachedThreadPool(threadFactory == null ? Executors.defaultThreadFactory() : threadFactory);
        registry = new ExtensionRegistry();
        osgi = new OsgiPackaging(config.dataDirectory().resolve("plugin-cache"));
        pf4j = new Pf4jPackaging(config.dataDirectory().resolve("pf4j-plugins"), PluginRuntime.sdkVersion());
        List<PluginArtifacts.StoredArtifact> stored = artifacts.allActive();
        List<CompletableFuture<Void>> activations = new ArrayList<>();
        for (PluginArtifacts.StoredArtifact artifact : stored) {
            activations.add(CompletableFuture.runAsync(() -> activateAtBoot(artifact), starter));
        }
        activations.forEach(CompletableFuture::join);
        ExtensionRegistry startedRegistry = registry;
        Packaging startedOsgi = osgi;
        ExecutorService startedStarter = starter;
        return () -> {
            for (PluginGeneration generation : startedRegistry.generations()) {
                startedRegistry.withdraw(generation.pluginId());
                generation.retire(Duration.ofSeconds(5));
            }
            startedOsgi.close();
            startedStarter.shutdownNow();
        };
    }

    private void activateAtBoot(PluginArtifacts.StoredArtifact stored) {
        PluginArchive archive;
        try {
            archive = PluginArchive.read(stored.content());
        } catch (ProblemException e) {
            LOG.severe("Stored plugin " + stored.pluginId() + " " + stored.version() + " is unreadable: " + e.getMessage());
            return;
        }
        try {
            PluginGeneration generation = activate(archive);
            registry.publish(generation);
            LOG.info(() -> "Plugin " + archive.pluginId() + " " + archive.version() + " (" + archive.packaging()
                    + ") started");
        } catch (PluginLoadException e) {
            failed.put(archive.pluginId(), new Failed(archive, e.getMessage()));
            LOG.log(Level.SEVERE, "Plugin " + archive.pluginId() + " " + archive.version() + " did not start: "
                    + e.getMessage());
        }
    }

    public ExtensionRegistry registry() {
        return registry;
    }

    /**
     * Installs a new plugin, or upgrades the running one to this version. A version lower than the
     * running one is refused: that is what {@link #rollback} is for.
     */
    public PluginInfo install(byte[] upload, UUID uploadedBy) {
        PluginArchive archive = PluginArchive.read(upload);
        // signed by a trusted key, and no forbidden calls unless the operator trusts this plugin's code
        TrustVerdict verdict = trust.assess(upload, archive.pluginId(), codeTrust.trusts(archive.pluginId()));
        return exclusively(archive.pluginId(), () -> upgrade(archive, uploadedBy, verdict));
    }

    private PluginInfo upgrade(PluginArchive archive, UUID uploadedBy, TrustVerdict verdict) {
        Optional<PluginGeneration> running = registry.generation(archive.pluginId());
        if (running.isPresent() && archive.version().compareTo(org.osgi.framework.Version.parseVersion(
                running.get().version())) < 0) {
            throw ProblemException.conflict(archive.pluginId() + " " + archive.version() + " is older than the running "
                    + running.get().version() + "; to go back, roll back (POST /plugins/" + archive.pluginId()
                    + "/rollback)");
        }
        String verdictJson;
        try (Jsonb json = JsonbBuilder.create()) {
            verdictJson = json.toJson(verdict);
        } catch (Exception e) {
            throw new IllegalStateException("the trust verdict cannot be written as JSON", e);
        }
        return swapIn(archive, () -> artifacts.recordActive(archive, uploadedBy, verdictJson));
    }

    /** Returns the plugin to the version that ran before the current one. */
    public PluginInfo rollback(String pluginId) {
        return exclusively(pluginId, () -> rollBack(pluginId));
    }

    private PluginInfo rollBack(String pluginId) {
        if (registry.generation(pluginId).isEmpty() && !failed.containsKey(pluginId)) {
            throw ProblemException.notFound("plugin " + pluginId);
        }
        PluginArtifacts.StoredArtifact previous = artifacts.previous(pluginId).orElseThrow(() ->
                ProblemException.conflict("plugin " + pluginId + " has no earlier version to roll back to"));
        PluginArchive archive = PluginArchive.read(previous.content());
        return swapIn(archive, () -> artifacts.reactivate(previous));
    }

    /**
     * Removes a plugin: no new call reaches it, calls in flight finish, and it is not loaded at the next
     * boot. Its settings stay, for a later reinstall. Refused while published workflows use its actions
     * (the refusal names them) unless {@code force}: then their steps fail, saying the plugin was removed.
     */
    public void remove(String pluginId, boolean force) {
        exclusively(pluginId, () -> {
            withdraw(pluginId, force);
            return null;
        });
    }

    private void withdraw(String pluginId, boolean force) {
        Optional<PluginGeneration> running = registry.generation(pluginId);
        if (running.isEmpty() && !failed.containsKey(pluginId)) {
            throw ProblemException.notFound("plugin " + pluginId);
        }
        List<WorkflowActionUsage.Use> uses = usage.uses(pluginId);
        if (!uses.isEmpty() && !force) {
            throw ProblemException.conflict("plugin " + pluginId + " is used by " + uses.size() + " workflow step type(s): "
                    + String.join(", ", uses.stream().limit(20).map(use -> "workflow '" + use.workflowKey()
                            + "' of location " + use.locationId() + " (" + use.actionId() + ")").toList())
                    + (uses.size() > 20 ? ", …" : "") + "; change those workflows, or remove with force=true and "
                    + "their steps fail");
        }
        failed.remove(pluginId);
        artifacts.deactivate(pluginId);
        running.ifPresent(generation -> {
            registry.withdraw(pluginId);
            generation.retire(drainLimit());
        });
        LOG.info(() -> "Plugin " + pluginId + " was removed");
    }

    public List<PluginInfo> list() {
        List<PluginInfo> plugins = new ArrayList<>();
        registry.generations().forEach(generation -> plugins.add(info(generation)));
        failed.forEach((id, failure) -> {
            if (registry.generation(id).isEmpty()) {
                plugins.add(info(failure));
            }
        });
        plugins.sort(Comparator.comparing(PluginInfo::id));
        return plugins;
    }

    public Optional<PluginInfo> find(String pluginId) {
        Optional<PluginGeneration> running = registry.generation(pluginId);
        if (running.isPresent()) {
            return running.map(this::info);
        }
        return Optional.ofNullable(failed.get(pluginId)).map(this::info);
    }

    private <T> T exclusively(String pluginId, Supplier<T> change) {
        ReentrantLock lock = changing.computeIfAbsent(pluginId, id -> new ReentrantLock());
        lock.lock();
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }

    private PluginInfo swapIn(PluginArchive archive, Runnable record) {
        PluginGeneration generation;
        try {
            generation = activate(archive);
        } catch (PluginLoadException e) {
            throw PluginArchive.invalid(e.getMessage());
        }
        Optional<PluginGeneration> replaced;
        try {
            replaced = registry.publish(generation);
        } catch (PluginLoadException e) {
            generation.retire(Duration.ZERO);
            throw ProblemException.conflict(archive.pluginId() + " is refused: " + e.getMessage()
                    + " (a plugin cannot register or shadow another plugin's contribution)");
        }
        try {
            record.run();
        } catch (RuntimeException e) {
            replaced.ifPresentOrElse(previous -> registry.restore(previous, generation),
                    () -> registry.withdraw(archive.pluginId()));
            generation.retire(Duration.ZERO);
            throw e;
        }
        failed.remove(archive.pluginId());
        replaced.ifPresent(previous -> previous.retire(drainLimit()));
        LOG.info(() -> "Plugin " + archive.pluginId() + " " + archive.version() + " (" + archive.packaging()
                + ") is active" + replaced.map(previous -> ", replacing " + previous.version()).orElse(""));
        return info(generation);
    }

    /**
     * Loads, scans, checks and starts a version within the start time limit, on a thread of its own.
     * If the limit passes, the version is refused, and unloaded should its start ever finish.
     */
    private PluginGeneration activate(PluginArchive archive) throws PluginLoadException {
        Packaging packaging = archive.packaging() == PluginArchive.Packaging.PF4J ? pf4j : osgi;
        CompletableFuture<PluginGeneration> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return load(packaging, archive);
            } catch (PluginLoadException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, starter);
        Duration limit = startLimit();
        try {
            return starting.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            starting.whenComplete((late, error) -> {
                if (late != null) {
                    late.retire(Duration.ZERO);
                }
            });
            throw new PluginLoadException("the plugin did not start within " + limit.toSeconds()
                    + " s (switchboard.plugins.start-timeout-seconds)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PluginLoadException refused) {
                throw refused;
            }
            throw new PluginLoadException("the plugin failed to start: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PluginLoadException("interrupted while the plugin started");
        }
    }

    private PluginGeneration load(Packaging packaging, PluginArchive archive) throws PluginLoadException {
        LoadedPlugin loaded = packaging.load(archive);
        try {
            List<ExtensionScanner.Declared> declared = ExtensionScanner.scan(loaded);
            List<String> problems = new ArrayList<>();
            for (ExtensionScanner.Declared extension : declared) {
                for (ExtensionCheck check : checks) {
                    if (check.point() == extension.point()) {
                        problems.addAll(check.check(extension));
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new PluginLoadException(problems);
            }
            schemas.migrate(archive);
            return PluginGeneration.create(loaded, declared);
        } catch (PluginLoadException | RuntimeException | LinkageError e) {
            loaded.close();
            if (e instanceof PluginLoadException refused) {
                throw refused;
            }
            throw new PluginLoadException("the plugin cannot be read: " + e, e);
        }
    }

    private Duration startLimit() {
        return Duration.ofSeconds(config.optional("switchboard.plugins.start-timeout-seconds").map(Long::parseLong)
                .orElse(30L));
    }

    private Duration drainLimit() {
        return Duration.ofSeconds(config.optional("switchboard.plugins.drain-timeout-seconds").map(Long::parseLong)
                .orElse(120L));
    }

    private PluginInfo info(PluginGeneration generation) {
        PluginArchive archive = generation.loaded().archive();
        List<ExtensionInfo> extensions = generation.extensions().stream()
                .map(extension -> new ExtensionInfo(extension.pointName(), extension.key(),
                        Descriptors.json(extension.descriptor())))
                .toList();
        return new PluginInfo(archive.pluginId(), archive.name(), archive.version().toString(),
                archive.packaging().name(), "ACTIVE", null, artifacts.previousVersion(archive.pluginId()).orElse(null),
                trust(archive.pluginId()), extensions);
    }

    private JsonObject trust(String pluginId) {
        return artifacts.trustVerdict(pluginId).map(text -> {
            try (var reader = Json.createReader(new java.io.StringReader(text))) {
                return reader.readObject();
            }
        }).orElse(null);
    }

    private PluginInfo info(Failed failure) {
        PluginArchive archive = failure.archive();
        return new PluginInfo(archive.pluginId(), archive.name(), archive.version().toString(),
                archive.packaging().name(), "FAILED", failure.reason(),
                artifacts.previousVersion(archive.pluginId()).orElse(null), trust(archive.pluginId()), List.of());
    }
}
