package dev.switchboard.testkit;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests a {@link RunningPlatform}, started once per test JVM and stopped
 * when the run ends, and a {@link TestLocation} of their own: one fresh location per test class, so
 * classes share the platform's boot but none of each other's data. The launcher jar comes from
 * system property {@code switchboard.launcher.jar}; platforms run under {@code switchboard.test.dir}
 * (default {@code target/platforms}).
 *
 * <pre>{@code
 * @ExtendWith(PlatformExtension.class)
 * class MyPluginIT {
 *     @Test
 *     void installsMyPlugin(RunningPlatform platform, TestLocation location) {
 *         ApiClient api = location.api();
 *         ...
 *     }
 * }
 * }</pre>
 *
 * Plugins are installed for the whole platform: a class that swaps plugin versions or restarts the
 * platform should start a {@link RunningPlatform} of its own instead.
 */
public final class PlatformExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PlatformExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningPlatform.class || type == TestLocation.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningPlatform platform = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("platform", key -> new Resource(start()), Resource.class).platform();
        if (parameter.getParameter().getType() == RunningPlatform.class) {
            return platform;
        }
        Class<?> testClass = context.getRequiredTestClass();
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("location:" + testClass.getName(),
                key -> createLocation(platform, testClass.getSimpleName()), TestLocation.class);
    }

    private static TestLocation createLocation(RunningPlatform platform, String name) {
        ApiClient api = platform.admin();
        ApiClient.Response created = api.postJson("locations", Map.of("name", name));
        if (created.status() != 201) {
            throw new IllegalStateException("could not create a location for " + name + ": " + created);
        }
        return new TestLocation(api, created.json().get("id").asText(), name);
    }

    private static RunningPlatform start() {
        String jar = System.getProperty("switchboard.launcher.jar");
        if (jar == null) {
            throw new IllegalStateException("set system property switchboard.launcher.jar to the launcher's switchboard.jar");
        }
        return RunningPlatform.start(Path.of(jar), Path.of(System.getProperty("switchboard.test.dir", "target/platforms")));
    }

    private record Resource(RunningPlatform platform) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            platform.close();
        }
    }
}
