package dev.switchboard.api.host;

import dev.switchboard.api.PluginException;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The plugin's own tables, made by the SQL migrations it ships in {@code db/migration/} (Flyway naming:
 * {@code V1__create_tables.sql}), which run into a schema of the plugin's own at install and upgrade.
 * Every table needs a {@code location_id uuid} column; the database shows a call only its location's
 * rows, and refuses rows written for another location. Unqualified names resolve to the plugin's
 * schema. Each call runs in a transaction of its own.
 *
 * <pre>{@code
 * // db/migration/V1__visits.sql: CREATE TABLE visit (location_id uuid NOT NULL, page text, at timestamptz);
 * context.database().update("INSERT INTO visit (location_id, page, at) VALUES (?::uuid, ?, now())",
 *         context.locationId(), page);
 * long visits = (Long) context.database().query("SELECT count(*) AS n FROM visit").get(0).get("n");
 * }</pre>
 */
@ProviderType
public interface PluginDatabase {

    /** Most rows one query returns; ask for fewer with LIMIT and page with a key. */
    int MAX_ROWS = 10_000;

    /**
     * Rows of a query, each a map of column label to value (JDBC types: String, Long, BigDecimal,
     * Boolean, java.time values, UUID …). Parameters are bound, never pasted into the SQL.
     *
     * @throws PluginException with the database's message, or when the query returns more than {@link #MAX_ROWS}
     */
    List<Map<String, Object>> query(String sql, Object... parameters) throws PluginException;

    /** Runs an INSERT, UPDATE or DELETE; returns how many rows it changed. */
    int update(String sql, Object... parameters) throws PluginException;
}
