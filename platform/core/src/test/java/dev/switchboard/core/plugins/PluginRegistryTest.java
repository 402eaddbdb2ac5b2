package dev.switchboard.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.api.action.ActionContext;
import dev.switchboard.core.plugins.fixture.BrokenDescriptorActivator;
import dev.switchboard.core.plugins.fixture.EchoPluginActivator;
import dev.switchboard.testkit.TestActionContext;
import dev.switchboard.testkit.TestBundles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/** The registry against a real Felix framework and a real bundle built from {@link EchoPluginActivator}. */
class PluginRegistryTest {

    @TempDir
    Path storage;

    private PluginRuntime runtime;
    private PluginRegistry registry;

    @BeforeEach
    void startFramework() {
        runtime = PluginRuntime.start(storage);
        registry = new PluginRegistry(runtime.context());
    }

    @AfterEach
    void stopFramework() {
        registry.close();
        runtime.stop();
    }

    @Test
    void findsAnActionContributedByAStartedBundle() throws Exception {
        Bundle bundle = runtime.context().installBundle("test:echo", new ByteArrayInputStream(echoBundle("1.0.0")));
        bundle.start();

        ResolvedAction action = registry.action("test.echo").orElseThrow();
        assertThat(action.pluginId()).isEqualTo("test.echo.plugin");
        assertThat(action.pluginVersion()).isEqualTo("1.0.0");
        assertThat(action.action().execute(context("hi")).summary()).isEqualTo("echo hi from 1.0.0");
        assertThat(registry.contributesAnything(bundle)).isTrue();
        assertThat(registry.actions()).extracting(a -> a.descriptor().id()).containsExactly("test.echo");
    }

    @Test
    void anUpdatedBundleServesTheNextLookup() throws Exception {
        Bundle bundle = runtime.context().installBundle("test:echo", new ByteArrayInputStream(echoBundle("1.0.0")));
        bundle.start();
        ResolvedAction before = registry.action("test.echo").orElseThrow();

        bundle.update(new ByteArrayInputStream(echoBundle("2.0.0")));
        runtime.refresh(bundle);
        bundle.start();

        ResolvedAction after = registry.action("test.echo").orElseThrow();
        assertThat(after.pluginVersion()).isEqualTo("2.0.0");
        assertThat(after.action().execute(context("hi")).summary()).isEqualTo("echo hi from 2.0.0");
        assertThat(after.action().getClass()).isNotSameAs(before.action().getClass());
    }

    @Test
    void stoppedOrUnknownActionsAreNotFound() throws Exception {
        Bundle bundle = runtime.context().installBundle("test:echo", new ByteArrayInputStream(echoBundle("1.0.0")));
        bundle.start();
        bundle.stop();

        assertThat(registry.action("test.echo")).isEmpty();
        assertThat(registry.action("email.send")).isEmpty();
        assertThat(registry.contributesAnything(bundle)).isFalse();
    }

    @Test
    void aPluginWhoseDescriptorThrowsIsSetAsideAndTheOthersStillResolve() throws Exception {
        Bundle echo = runtime.context().installBundle("test:echo", new ByteArrayInputStream(echoBundle("1.0.0")));
        echo.start();
        Bundle broken = runtime.context().installBundle("test:broken", new ByteArrayInputStream(TestBundles.bundle(
                "test.broken.plugin", "1.0.0", BrokenDescriptorActivator.class)));
        broken.start();

        assertThat(registry.action("test.echo")).isPresent();
        assertThat(registry.actions()).extracting(a -> a.descriptor().id()).containsExactly("test.echo");
        assertThat(registry.failuresOf(broken)).singleElement().asString().contains("descriptor is broken");
        assertThat(registry.failuresOf(echo)).isEmpty();
        assertThat(registry.contributesAnything(broken)).isFalse();
    }

    @Test
    void exportsTheSdkPackagesWithTheirVersions() {
        assertThat(PluginRuntime.sdkExports())
                .contains("dev.switchboard.api.action;version=\"1.1.0\"")
                .contains("dev.switchboard.api.settings;version=\"1.0.0\"");
    }

    /** A bundle holding the fixture's classes, read from the test class path. */
    static byte[] echoBundle(String version) throws IOException {
        Manifest manifest = new Manifest();
        var main = manifest.getMainAttributes();
        main.putValue("Manifest-Version", "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "test.echo.plugin");
        main.putValue("Bundle-Version", version);
        main.putValue("Bundle-Activator", EchoPluginActivator.class.getName());
        main.putValue("Import-Package", "dev.switchboard.api.action;version=\"[1.0,2)\",org.osgi.framework");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            String folder = EchoPluginActivator.class.getPackageName().replace('.', '/') + "/";
            for (String name : new String[] {"EchoPluginActivator.class", "EchoPluginActivator$1.class"}) {
                jar.putNextEntry(new JarEntry(folder + name));
                try (InputStream in = EchoPluginActivator.class.getResourceAsStream(name)) {
                    in.transferTo(jar);
                }
            }
        }
        return bytes.toByteArray();
    }

    private static ActionContext context(String text) {
        return TestActionContext.of(Map.of("text", text));
    }
}
