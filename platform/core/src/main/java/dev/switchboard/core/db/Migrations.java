package dev.switchboard.core.db;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Brings the platform's tables to the current schema with Flyway. Runs on its own non-JTA
 * connection before anything else touches the database.
 */
public final class Migrations {

    private Migrations() {
    }

    /** @return the number of migrations applied */
    public static int migrate(String url, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        if (user != null && !user.isBlank()) {
            dataSource.setUser(user);
        }
        if (password != null && !password.isBlank()) {
            dataSource.setPassword(password);
        }
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table("platform_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                // migrations move data of every tenant: they run in the system scope of row-level security
                .initSql("SELECT set_config('switchboard.scope', 'system', false)")
                .load();
        return flyway.migrate().migrationsExecuted;
    }
}
