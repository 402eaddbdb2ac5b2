package dev.switchboard.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.api.action.WorkflowAction;
import dev.switchboard.core.plugins.actions.ActionSpec;
import dev.switchboard.core.plugins.fixture.Echo;
import dev.switchboard.core.plugins.fixture.FailingConstructor;
import dev.switchboard.core.plugins.fixture.NoDescriptor;
import dev.switchboard.core.plugins.packaging.OsgiPackaging;
import dev.switchboard.core.plugins.packaging.Packaging;
import dev.switchboard.core.plugins.packaging.Pf4jPackaging;
import dev.switchboard.core.plugins.registry.ExtensionRegistry;
import dev.switchboard.core.plugins.registry.ExtensionRegistry.Lease;
import dev.switchboard.core.plugins.registry.ExtensionScanner;
import dev.switchboard.core.plugins.registry.LoadedPlugin;
import dev.switchboard.core.plugins.registry.PluginGeneration;
import dev.switchboard.core.plugins.registry.PluginLoadException;
import dev.switchboard.core.plugins.schema.RecordValues;
import dev.switchboard.testkit.TestActionContext;
import dev.switchboard.testkit.TestBundles;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The registry fed by both packagings, against a real Felix framework and real PF4J plugin managers:
 * the same plugin classes, packaged either way, are scanned, called, swapped with drain and unloaded
 * alike.
 */
class PluginPlatformTest {

    @TempDir
    static Path storage;

    private static Packaging osgi;
    private static Packaging pf4j;

    @BeforeAll
    static void startLoaders() {
        osgi = new OsgiPackaging(storage.resolve("felix"));
        pf4j = new Pf4jPackaging(storage.resolve("pf4j"), "1.0.0");
    }

    @AfterAll
    static void stopLoaders() {
        osgi.close();
        pf4j.close();
    }

    static Stream<Arguments> packagings() {
        BiFunction<String, Class<?>[], byte[]> bundle = (version, classes) -> TestBundles.bundle("test.echo.plugin",
                version, classes);
        BiFunction<String, Class<?>[], byte[]> plain = (version, classes) -> TestBundles.pf4j("test.echo.plugin",
                version, classes);
        return Stream.of(Arguments.of("OSGI", bundle), Arguments.of("PF4J", plain));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packagings")
    void theSameClassesAreScannedAndCalledInEitherPackaging(String packaging, BiFunction<String, Class<?>[], byte[]> jar)
            throws Exception {
        ExtensionRegistry registry = new ExtensionRegistry();
        PluginGeneration generation = activate(jar.apply("1.0.0", new Class<?>[] {Echo.class}));
        registry.publish(generation);

        try (Lease<WorkflowAction> lease = registry.lease(WorkflowAction.class, "test.echo").orElseThrow()) {
            assertThat(lease.extension().packaging().name()).isEqualTo(packaging);
            assertThat(lease.extension().pluginVersion()).isEqualTo("1.0.0");
            assertThat(lease.instance().getClass()).as("a class of the plugin, not the test's").isNotSameAs(Echo.class);
            assertThat(call(lease, "hi")).isEqualTo("echo hi");
        }
        registry.withdraw("test.echo.plugin").orElseThrow().retire(Duration.ofSeconds(5));
        assertThat(registry.lease(WorkflowAction.class, "test.echo")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packagings")
    void aCallInFlightFinishesOnTheOldVersionWhileTheNextGoesToTheNew(String packaging,
            BiFunction<String, Class<?>[], byte[]> jar) throws Exception {
        ExtensionRegistry registry = new ExtensionRegistry();
        registry.publish(activate(jar.apply("1.0.0", new Class<?>[] {Echo.class})));
        Lease<WorkflowAction> inFlight = registry.lease(WorkflowAction.class, "test.echo").orElseThrow();

        PluginGeneration old = registry.publish(activate(jar.apply("2.0.0", new Class<?>[] {Echo.class}))).orElseThrow();
        CompletableFuture<Boolean> retired = CompletableFuture.supplyAsync(() -> old.retire(Duration.ofSeconds(30)));

        try (Lease<WorkflowAction> next = registry.lease(WorkflowAction.class, "test.echo").orElseThrow()) {
            assertThat(next.extension().pluginVersion()).isEqualTo("2.0.0");
            assertThat(call(next, "new")).isEqualTo("echo new");
        }
        Thread.sleep(200);
        assertThat(retired).as("the old version waits for its call").isNotDone();
        assertThat(call(inFlight, "old")).as("the old version still answers its call").isEqualTo("echo old");
        inFlight.close();
        assertThat(retired.get(10, TimeUnit.SECONDS)).as("drained").isTrue();
        registry.withdraw("test.echo.plugin").orElseThrow().retire(Duration.ofSeconds(5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packagings")
    void theClassLoaderOfARetiredVersionIsCollected(String packaging, BiFunction<String, Class<?>[], byte[]> jar)
            throws Exception {
        ExtensionRegistry registry = new ExtensionRegistry();
        PluginGeneration generation = activate(jar.apply("1.0.0", new Class<?>[] {Echo.class}));
        registry.publish(generation);
        try (Lease<WorkflowAction> lease = registry.lease(WorkflowAction.class, "test.echo").orElseThrow()) {
            call(lease, "once");
        }
        WeakReference<ClassLoader> loader = new WeakReference<>(generation.loaded().classLoader());
        assertThat(loader.get()).isNotNull();

        registry.withdraw("test.echo.plugin").orElseThrow().retire(Duration.ofSeconds(5));
        generation = null;

        for (int attempt = 0; attempt < 50 && loader.get() != null; attempt++) {
            System.gc();
            Thread.sleep(100);
        }
        assertThat(loader.get()).as("the replaced version's class loader is garbage").isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packagings")
    void brokenExtensionsAreRefusedWithEveryReason(String packaging, BiFunction<String, Class<?>[], byte[]> jar) {
        assertThatThrownBy(() -> activate(jar.apply("1.0.0", new Class<?>[] {Echo.class, NoDescriptor.class})))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining(NoDescriptor.class.getName() + " implements WorkflowAction but lacks its @Action");
        assertThatThrownBy(() -> activate(jar.apply("1.0.0", new Class<?>[] {FailingConstructor.class})))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("the constructor is broken on purpose");
        assertThatThrownBy(() -> activate(jar.apply("1.0.0", new Class<?>[] {Echo.Input.class})))
                .isInstanceOf(PluginLoadException.class).hasMessageContaining("declares no extensions");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packagings")
    void anActionIdBelongsToThePluginThatDeclaredItFirst(String packaging, BiFunction<String, Class<?>[], byte[]> jar)
            throws Exception {
        ExtensionRegistry registry = new ExtensionRegistry();
        registry.publish(activate(jar.apply("1.0.0", new Class<?>[] {Echo.class})));
        PluginGeneration intruder = activate(packaging.equals("OSGI")
                ? TestBundles.bundle("test.intruder", "1.0.0", Echo.class)
                : TestBundles.pf4j("test.intruder", "1.0.0", Echo.class));

        assertThatThrownBy(() -> registry.publish(intruder)).isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("WorkflowAction 'test.echo' belongs to plugin 'test.echo.plugin'");
        intruder.retire(Duration.ZERO);
        registry.withdraw("test.echo.plugin").orElseThrow().retire(Duration.ofSeconds(5));
    }

    private static PluginGeneration activate(byte[] artifact) throws PluginLoadException {
        PluginArchive archive = PluginArchive.read(artifact);
        LoadedPlugin loaded = (archive.packaging() == PluginArchive.Packaging.OSGI ? osgi : pf4j).load(archive);
        try {
            return PluginGeneration.create(loaded, ExtensionScanner.scan(loaded));
        } catch (PluginLoadException | RuntimeException e) {
            loaded.close();
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static String call(Lease<WorkflowAction> lease, String text) throws Exception {
        ActionSpec action = ActionSpec.of(lease.extension());
        Record input = RecordValues.bind(action.input(), Map.of("text", text));
        Record output = (Record) lease.instance().execute(input, TestActionContext.of(Map.of("text", text)));
        return RecordValues.text(output).get("echo");
    }
}
