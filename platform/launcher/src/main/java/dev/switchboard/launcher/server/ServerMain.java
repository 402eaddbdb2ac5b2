package dev.switchboard.launcher.server;

import fish.payara.micro.PayaraMicroRuntime;
import fish.payara.micro.boot.PayaraMicroBoot;
import fish.payara.micro.boot.PayaraMicroLauncher;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The main class of the server process: boots Payara Micro with the platform deployed and tells the
 * launcher how that went ({@link ServerState}). The platform itself reports READY, or FAILED with the
 * reason, once its boot finished (into the file named by {@code switchboard.platform-state-file});
 * once Payara is done deploying, this class hands that report on to the launcher, or reports that the
 * deployment failed before the platform's code ran. Readiness is therefore the server's own answer,
 * not a guess from polling an URL.
 *
 * <p>While it runs it watches the launcher that started it: if the launcher dies, even by SIGKILL, the
 * server stops the platform and, when the launcher ran an embedded PostgreSQL, that database too.
 *
 * <p>Arguments: {@code --war <file> --port <n> --root <dir> --properties <file> --platform-state <file> --state <file>
 * [--pg-ctl <file> --pg-data <dir>]}.
 */
public final class ServerMain {

    private static final Logger LOG = Logger.getLogger(ServerMain.class.getName());

    private final Map<String, String> arguments;
    private volatile PayaraMicroRuntime runtime;

    private ServerMain(Map<String, String> arguments) {
        this.arguments = arguments;
    }

    public static void main(String[] args) {
        ServerMain server = new ServerMain(parse(args));
        ParentWatch.startForParent("switchboard-parent-watch", server::launcherDied);
        int status = server.boot();
        if (status != 0) {
            System.exit(status);
        }
        // the platform runs on in the server's own threads
    }

    /** @return 0 when the platform runs, else an exit status */
    private int boot() {
        Path state = Path.of(required("--state"));
        try {
            // the same entry as `java -jar payara-micro.jar`; returns once the deployment is done
            PayaraMicroBoot micro = PayaraMicroLauncher.create(new String[] {
                "--deploy", required("--war"),
                "--contextroot", "/",
                "--port", required("--port"),
                "--rootdir", required("--root"),
                "--systemProperties", required("--properties"),
                "--nohazelcast"});
            runtime = micro.getRuntime();
        } catch (Exception e) {
            ServerState.failed("Payara Micro did not start: " + e).writeTo(state);
            return 3;
        }
        ServerState outcome = ServerState.readFrom(Path.of(required("--platform-state"))).orElse(
                ServerState.failed("the application did not deploy; the server log above says why"));
        outcome.writeTo(state);
        if (!outcome.isReady()) {
            shutDownQuietly();
            return 3;
        }
        return 0;
    }

    /** Keeps the server from outliving its launcher: stop the platform, then the launcher's database. */
    private void launcherDied() {
        LOG.warning("The launcher that started this server is gone; stopping the platform");
        String pgCtl = arguments.get("--pg-ctl");
        String pgData = arguments.get("--pg-data");
        if (pgCtl != null && pgData != null) {
            // Payara's shutdown ends the JVM itself: stopping the database must be a hook to run at all
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                LOG.warning("Stopping the embedded PostgreSQL in " + pgData);
                PgCtlStop.stop(Path.of(pgCtl), Path.of(pgData));
            }, "switchboard-database-stop"));
        }
        shutDownQuietly();
        System.exit(0);
    }

    private void shutDownQuietly() {
        PayaraMicroRuntime running = runtime;
        if (running == null) {
            return;
        }
        try {
            running.shutdown();
        } catch (Exception e) {
            LOG.warning("Payara Micro did not shut down cleanly: " + e);
        }
    }

    private String required(String name) {
        String value = arguments.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing argument " + name);
        }
        return value;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> parsed = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            parsed.put(args[i], args[i + 1]);
        }
        return parsed;
    }
}
