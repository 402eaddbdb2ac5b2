package dev.switchboard.launcher.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Stops an embedded PostgreSQL with its own {@code pg_ctl}, when the launcher that started it can no
 * longer do so (it was killed). As root, {@code pg_ctl} runs in a user namespace like the embedded
 * server itself, since PostgreSQL refuses to run as root.
 */
public final class PgCtlStop {

    private static final Logger LOG = Logger.getLogger(PgCtlStop.class.getName());
    private static final Path UNSHARE = Path.of("/usr/bin/unshare");

    private PgCtlStop() {
    }

    public static void stop(Path pgCtl, Path pgData) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(UNSHARE)) {
            command.addAll(List.of(UNSHARE.toString(), "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "stop", "-D", pgData.toString(), "-m", "fast", "-w", "-t", "30"));
        try {
            Process stop = new ProcessBuilder(command).inheritIO().start();
            if (!stop.waitFor(40, TimeUnit.SECONDS)) {
                stop.destroyForcibly();
                LOG.warning("pg_ctl did not stop the database in " + pgData + " within 40 s");
            }
        } catch (IOException e) {
            LOG.warning("Could not stop the embedded PostgreSQL in " + pgData + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
