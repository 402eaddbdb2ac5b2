package dev.switchboard.core.plugins.data;

import dev.switchboard.api.PluginException;
import dev.switchboard.api.host.PluginDatabase;
import dev.switchboard.core.db.DatabaseException;
import dev.switchboard.core.db.DatabaseScope;
import dev.switchboard.core.tenancy.LocationId;
import java.util.List;
import java.util.Map;

/** {@link PluginDatabase} for one plugin in one location: its statements in that location's scope. */
public final class PluginData implements PluginDatabase {

    private final PluginStatements statements;
    private final LocationId locationId;
    private final String schema;

    public PluginData(PluginStatements statements, LocationId locationId, String pluginId) {
        this.statements = statements;
        this.locationId = locationId;
        this.schema = PluginSchemas.schemaOf(pluginId);
    }

    @Override
    public List<Map<String, Object>> query(String sql, Object... parameters) throws PluginException {
        List<Map<String, Object>> rows = run(() -> statements.query(schema, checked(sql), parameters));
        if (rows.size() > MAX_ROWS) {
            throw new PluginException("the query returns more than " + MAX_ROWS + " rows; page it");
        }
        return rows;
    }

    @Override
    public int update(String sql, Object... parameters) throws PluginException {
        return run(() -> statements.update(schema, checked(sql), parameters));
    }

    private <T> T run(java.util.function.Supplier<T> statement) throws PluginException {
        try (DatabaseScope scope = DatabaseScope.location(locationId.value())) {
            return statement.get();
        } catch (DatabaseException | IllegalArgumentException e) {
            throw new PluginException("the plugin's SQL failed: " + rootMessage(e));
        } catch (RuntimeException e) {
            throw new PluginException("the plugin's SQL failed: " + rootMessage(e));
        }
    }

    private static String checked(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("the SQL is empty");
        }
        if (sql.length() > 100_000) {
            throw new IllegalArgumentException("the SQL is longer than 100,000 characters");
        }
        return sql;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
