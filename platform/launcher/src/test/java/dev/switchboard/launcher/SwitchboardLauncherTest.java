package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class SwitchboardLauncherTest {

    @Test
    void theSupervisorHandsItsSwitchboardSettingsToThePlatformsLauncher() {
        Properties properties = new Properties();
        properties.setProperty("switchboard.port", "18093");
        properties.setProperty("switchboard.data-dir", "/srv/switchboard data");
        properties.setProperty("java.home", "/usr/lib/jvm/17");
        properties.setProperty("user.name", "ops");

        assertThat(SwitchboardLauncher.forwardedSettings(properties))
                .containsExactly("-Dswitchboard.data-dir=/srv/switchboard data", "-Dswitchboard.port=18093");
    }
}
