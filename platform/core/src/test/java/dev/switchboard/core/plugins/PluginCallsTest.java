package dev.switchboard.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.config.PlatformConfig;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PluginCallsTest {

    private final PluginCalls calls = new PluginCalls();

    PluginCallsTest() {
        calls.config = new PlatformConfig() {
            @Override
            public Optional<String> optional(String key) {
                return Optional.empty();
            }
        };
    }

    @AfterEach
    void stop() {
        calls.stop();
    }

    @Test
    void aWatchedCallIsInterruptedWhenItsWatchdogThrows() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);

        assertThatThrownBy(() -> calls.callWatched("test.plugin", () -> {
            throw new IllegalStateException("the database is away");
        }, () -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessage("the database is away");

        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the plugin call was interrupted").isTrue();
    }

    @Test
    void aWatchedCallWhoseWatchdogNamesAReasonIsInterruptedAndTimesOut() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);

        assertThatThrownBy(() -> calls.callWatched("test.plugin", () -> Optional.of("hung"), () -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return null;
        })).isInstanceOf(PluginCalls.TimedOut.class).hasMessage("hung");

        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
