package dev.switchboard.core.plugins.data;

import dev.switchboard.api.host.PluginDatabase;
import dev.switchboard.core.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSetMetaData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plugin's SQL on its own tables, one transaction per statement, with the search path set to the
 * plugin's schema only and a statement time limit, both for that transaction alone. The caller holds
 * the location's database scope, so row-level security applies.
 */
@ApplicationScoped
public class PluginStatements {

    /** Longest a plugin's statement may run. */
    static final String STATEMENT_TIMEOUT = "10s";

    @Inject
    Database db;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Map<String, Object>> query(String schema, String sql, Object[] parameters) {
        prepare(schema);
        String query = sql.strip().replaceAll(";+$", "");
        // a bounded read whatever the plugin's SQL: one row more than allowed tells it went over
        List<Map<String, Object>> rows = db.query("SELECT * FROM (" + query + "\n) AS plugin_query LIMIT "
                + (PluginDatabase.MAX_ROWS + 1), row -> {
            ResultSetMetaData meta = row.getMetaData();
            Map<String, Object> values = new LinkedHashMap<>();
            for (int column = 1; column <= meta.getColumnCount(); column++) {
                values.put(meta.getColumnLabel(column), row.getObject(column));
            }
            return values;
        }, parameters);
        return rows;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int update(String schema, String sql, Object[] parameters) {
        prepare(schema);
        return db.update(sql, parameters);
    }

    private void prepare(String schema) {
        db.query("SELECT set_config('search_path', ?, true), set_config('statement_timeout', ?, true)",
                row -> null, "\"" + schema.replace("\"", "\"\"") + "\", pg_catalog", STATEMENT_TIMEOUT);
    }
}
