package dev.switchboard.acceptance.support;

import dev.switchboard.testkit.ApiClient;
import dev.switchboard.testkit.RunningPlatform;
import dev.switchboard.testkit.TestLocation;
import java.nio.file.Path;
import java.util.Map;

/** A platform of a test class's own (for what is platform-wide or kills the platform), with a location in it. */
public final class OwnPlatform {

    private OwnPlatform() {
    }

    public static RunningPlatform start() {
        return RunningPlatform.start(Path.of(System.getProperty("switchboard.launcher.jar")),
                Path.of(System.getProperty("switchboard.test.dir")));
    }

    /** Creates a location named {@code name}, signed in as the platform's admin. */
    public static TestLocation location(RunningPlatform platform, String name) {
        ApiClient api = platform.admin();
        return new TestLocation(api, api.postJson("locations", Map.of("name", name)).json().get("id").asText(), name);
    }

    /** The same location with a fresh sign-in, after the platform was restarted. */
    public static TestLocation signInAgain(RunningPlatform platform, TestLocation location) {
        return new TestLocation(platform.admin(), location.id(), location.name());
    }
}
