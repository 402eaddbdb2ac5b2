package dev.switchboard.core.plugins.data;

import dev.switchboard.core.config.PlatformConfig;
import dev.switchboard.core.plugins.PluginArchive;
import dev.switchboard.core.plugins.registry.PluginLoadException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A plugin's own tables: the SQL migrations it ships in {@code db/migration/} (Flyway's
 * {@code V1__name.sql} naming) run into a schema of its own at install and at every upgrade, with a
 * history table there. Afterwards every table of the schema must have a {@code location_id uuid}
 * column, and is put under the same row-level security as the platform's tables, so a plugin's rows
 * of one location are invisible in another whatever SQL the plugin runs.
 *
 * <p>Migrations are plugin code, trusted as such: they run like the platform's own, in the system
 * scope. An upgrade whose migration fails is refused; what the failed script did before its error is
 * rolled back by PostgreSQL's transactional DDL. Going back to an older version leaves the newer
 * tables as they are (Flyway ignores the newer migrations).
 */
@ApplicationScoped
public class PluginSchemas {

    /** Where migrations live in a plugin artifact. */
    public static final String FOLDER = "db/migration/";
    private static final Pattern SCRIPT = Pattern.compile("V[0-9._]+__[A-Za-z0-9_-]+\\.sql");
    private static final int MAX_SCRIPTS = 500;
    private static final int MAX_SCRIPT_BYTES = 1024 * 1024;
    private static final String HISTORY = "plugin_schema_history";

    @Inject
    PlatformConfig config;

    /** The schema of a plugin: {@code plugin_} and its id in lower case, made safe and short enough. */
    public static String schemaOf(String pluginId) {
        String name = "plugin_" + pluginId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        if (name.length() <= 63) {
            return name;
        }
        return name.substring(0, 50) + "_" + sha256(pluginId).substring(0, 12);
    }

    /**
     * Runs the artifact's migrations, if it has any, and secures every table of the schema.
     *
     * @return how many migrations ran
     */
    public int migrate(PluginArchive archive) throws PluginLoadException {
        Map<String, byte[]> scripts = scripts(archive);
        if (scripts.isEmpty()) {
            return 0;
        }
        String schema = schemaOf(archive.pluginId());
        Path folder = null;
        try {
            folder = Files.createTempDirectory("switchboard-plugin-migrations");
            for (Map.Entry<String, byte[]> script : scripts.entrySet()) {
                Files.write(folder.resolve(script.getKey()), script.getValue());
            }
            PGSimpleDataSource dataSource = dataSource();
            int applied = Flyway.configure(PluginSchemas.class.getClassLoader())
                    .dataSource(dataSource)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(true)
                    .table(HISTORY)
                    .locations("filesystem:" + folder)
                    .ignoreMigrationPatterns("*:future")
                    .initSql("SELECT set_config('switchboard.scope', 'system', false)")
                    .load().migrate().migrationsExecuted;
            secure(dataSource, schema);
            return applied;
        } catch (FlywayException e) {
            throw new PluginLoadException("the plugin's database migrations failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PluginLoadException("the plugin's migrations cannot be prepared: " + e.getMessage(), e);
        } finally {
            deleteQuietly(folder);
        }
    }

    /** Every table of the schema gets row-level security by location; one without location_id is refused. */
    private static void secure(PGSimpleDataSource dataSource, String schema) throws PluginLoadException {
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT t.table_name, c.data_type FROM information_schema.tables t
                    LEFT JOIN information_schema.columns c ON c.table_schema = t.table_schema
                         AND c.table_name = t.table_name AND c.column_name = 'location_id'
                    WHERE t.table_schema = ? AND t.table_type = 'BASE TABLE' AND t.table_name <> ?
                    ORDER BY t.table_name""")) {
                query.setString(1, schema);
                query.setString(2, HISTORY);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        if (!"uuid".equals(rows.getString(2))) {
                            problems.add("table " + rows.getString(1) + " has no location_id uuid column");
                        } else {
                            tables.add(rows.getString(1));
                        }
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new PluginLoadException("every table of a plugin belongs to a location: " + String.join("; ", problems));
            }
            try (Statement statement = connection.createStatement()) {
                for (String table : tables) {
                    String qualified = quote(schema) + "." + quote(table);
                    statement.execute("ALTER TABLE " + qualified + " ENABLE ROW LEVEL SECURITY");
                    statement.execute("ALTER TABLE " + qualified + " FORCE ROW LEVEL SECURITY");
                    statement.execute("DROP POLICY IF EXISTS switchboard_tenant ON " + qualified);
                    statement.execute("CREATE POLICY switchboard_tenant ON " + qualified + " USING ((SELECT "
                            + "public.switchboard_scope_is_system()) OR location_id = (SELECT public.switchboard_scope_location()))");
                }
            }
        } catch (SQLException e) {
            throw new PluginLoadException("the plugin's tables cannot be secured: " + e.getMessage(), e);
        }
    }

    /** The artifact's {@code db/migration/V…__….sql} files, by name. */
    static Map<String, byte[]> scripts(PluginArchive archive) throws PluginLoadException {
        Map<String, byte[]> scripts = new LinkedHashMap<>();
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(archive.content()))) {
            JarEntry entry;
            while ((entry = jar.getNextJarEntry()) != null) {
                String name = entry.getName();
                if (!name.startsWith(FOLDER) || entry.isDirectory() || name.substring(FOLDER.length()).contains("/")) {
                    continue;
                }
                String file = name.substring(FOLDER.length());
                if (!SCRIPT.matcher(file).matches()) {
                    throw new PluginLoadException("migration " + name + " is not named like V1__create_tables.sql");
                }
                byte[] content = jar.readNBytes(MAX_SCRIPT_BYTES + 1);
                if (content.length > MAX_SCRIPT_BYTES) {
                    throw new PluginLoadException("migration " + name + " is larger than 1 MB");
                }
                scripts.put(file, content);
                if (scripts.size() > MAX_SCRIPTS) {
                    throw new PluginLoadException("the plugin has more than " + MAX_SCRIPTS + " migrations");
                }
            }
        } catch (IOException e) {
            throw new PluginLoadException("the plugin's migrations cannot be read: " + e.getMessage(), e);
        }
        return scripts;
    }

    private PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(config.databaseUrl());
        config.databaseUser().ifPresent(dataSource::setUser);
        config.databasePassword().ifPresent(dataSource::setPassword);
        return dataSource;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a temporary folder; the OS cleans it
        }
    }
}
