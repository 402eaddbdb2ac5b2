package dev.switchboard.testkit;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests a {@link RunningPlatform}, started once per test run and
 * stopped when the run ends. The launcher jar comes from system property
 * {@code switchboard.launcher.jar}; platforms run under {@code switchboard.test.dir}
 * (default {@code target/platforms}).
 *
 * <pre>{@code
 * @ExtendWith(PlatformExtension.class)
 * class MyPluginIT {
 *     @Test
 *     void installsMyPlugin(RunningPlatform platform) {
 *         ApiClient api = platform.admin();
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class PlatformExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PlatformExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("platform", key -> new Resource(start()), Resource.class).platform();
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
