package dev.switchboard.host.incontainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a fresh embedded PostgreSQL for the in-container tests before any of them, and stops it
 * after the last: its URL goes to the server through {@code switchboard.in-container.db.url}
 * (see {@code arquillian.xml}). Does nothing outside the in-container test run.
 */
public final class EmbeddedDatabaseSession implements LauncherSessionListener {

    private EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String directory = System.getProperty("switchboard.in-container.dir");
        if (!Boolean.getBoolean("switchboard.in-container") || directory == null) {
            return;
        }
        try {
            Path data = Files.createTempDirectory(Files.createDirectories(Path.of(directory)), "postgres-");
            postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
                    .setOverrideWorkingDirectory(Path.of(directory, "postgres-runtime").toFile()).start();
            // the platform refuses a role that bypasses row-level security: give it one that cannot
            try (java.sql.Connection connection = postgres.getPostgresDatabase().getConnection();
                 java.sql.Statement statement = connection.createStatement()) {
                statement.execute("CREATE ROLE switchboard LOGIN NOSUPERUSER NOBYPASSRLS");
                statement.execute("CREATE DATABASE switchboard OWNER switchboard");
            }
            System.setProperty("switchboard.in-container.db.url", postgres.getJdbcUrl("switchboard", "switchboard"));
        } catch (IOException e) {
            throw new UncheckedIOException("the in-container tests' PostgreSQL did not start", e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("the in-container tests' database could not be prepared", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("the in-container tests' PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
