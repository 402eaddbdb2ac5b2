package dev.switchboard.launcher;

import dev.switchboard.launcher.server.PgCtlStop;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL server run from the binaries packaged on Maven Central, with its data kept under
 * the data directory so contacts, workflows and plugins survive restarts. It runs durably (fsync,
 * synchronous commit, full-page writes): a power cut loses no committed data. Setting
 * {@code switchboard.embedded-db.durable=false} trades that for speed, for throw-away installations.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "switchboard";
    /**
     * The role the platform connects as: it owns the platform's database but is no superuser and
     * cannot bypass row-level security, which keeps tenants apart.
     */
    static final String ROLE = "switchboard";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Path runtimeDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, Path runtimeDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.runtimeDirectory = runtimeDirectory;
    }

    static EmbeddedDatabase start(Path platformDataDirectory, int port, boolean durable) {
        try {
            Path pgData = platformDataDirectory.resolve("postgres");
            Path runtime = platformDataDirectory.resolve("postgres-runtime");
            Files.createDirectories(pgData);
            stopLeftOverServer(pgData, runtime);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // the launcher stops the database itself, after the server: not in parallel with it
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(runtime.toFile());
            // the library's defaults are made for tests: fsync off (-F) and asynchronous commit
            String on = durable ? "on" : "off";
            builder.setServerConfig("fsync", on);
            builder.setServerConfig("synchronous_commit", on);
            builder.setServerConfig("full_page_writes", on);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), pgData, runtime);
            database.createDatabaseIfMissing();
            database.ownDatabaseByPlatformRole();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(ROLE, DATABASE);
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** The {@code pg_ctl} of the unpacked binaries, with which the server can stop this database. */
    Path pgCtl() {
        return pgCtl(runtimeDirectory).orElseThrow(() ->
                new IllegalStateException("no bin/pg_ctl under " + runtimeDirectory));
    }

    private static Optional<Path> pgCtl(Path runtimeDirectory) {
        if (!Files.isDirectory(runtimeDirectory)) {
            return Optional.empty();
        }
        try (var entries = Files.list(runtimeDirectory)) {
            return entries.map(dir -> dir.resolve("bin").resolve("pg_ctl")).filter(Files::isExecutable).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A server still running on this data directory belongs to an earlier start whose launcher was
     * killed before it could stop it: stop it, or this start would fail on the data directory's lock.
     */
    private static void stopLeftOverServer(Path pgData, Path runtimeDirectory) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        boolean running = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        Optional<Path> pgCtl = pgCtl(runtimeDirectory);
        if (!running || pgCtl.isEmpty()) {
            return;
        }
        System.out.println("[switchboard] stopping an embedded PostgreSQL left running by an earlier start (pid " + pid + ")");
        PgCtlStop.stop(pgCtl.get(), pgData);
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the platform's role and hands it the database and everything in it. Data directories of
     * earlier versions, whose tables the superuser owns, are converted on their first start.
     */
    private void ownDatabaseByPlatformRole() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE");
                }
            }
            statement.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database role " + ROLE + ": " + e.getMessage(), e);
        }
        try (Connection connection = postgres.getDatabase("postgres", DATABASE).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER SCHEMA public OWNER TO " + ROLE);
            statement.execute("""
                    DO $$
                    DECLARE
                        object record;
                    BEGIN
                        FOR object IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                                        AND pg_get_userbyid(c.relowner) <> '%1$s' LOOP
                            EXECUTE format(CASE WHEN object.relkind = 'S' THEN 'ALTER SEQUENCE %%I OWNER TO %1$s'
                                                WHEN object.relkind = 'v' THEN 'ALTER VIEW %%I OWNER TO %1$s'
                                                WHEN object.relkind = 'm' THEN 'ALTER MATERIALIZED VIEW %%I OWNER TO %1$s'
                                                ELSE 'ALTER TABLE %%I OWNER TO %1$s' END, object.relname);
                        END LOOP;
                        FOR object IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
                                      JOIN pg_namespace n ON n.oid = p.pronamespace
                                      WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '%1$s' LOOP
                            EXECUTE format('ALTER FUNCTION %%s OWNER TO %1$s', object.signature);
                        END LOOP;
                    END $$""".formatted(ROLE));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot give the database to the role " + ROLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
