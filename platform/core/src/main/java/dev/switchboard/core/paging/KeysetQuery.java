package dev.switchboard.core.paging;

import dev.switchboard.core.db.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keyset paging in SQL, for lists that page row ids: the rows after the cursor's key in the list's
 * order, one more than the page to know whether another follows, and the cursor after the page's last
 * row. The key expression and its type are constants of the list, never request text.
 */
public final class KeysetQuery {

    /**
     * A list's order: its cursor name (a cursor of another list or order is refused), the key's SQL
     * expression and type, the id column that breaks ties, and the direction.
     */
    public record Order(String cursorName, String key, String keyType, String id, boolean ascending) {
    }

    private KeysetQuery() {
    }

    /**
     * @param from the list's {@code FROM … WHERE …} (no {@code ORDER BY}, no {@code LIMIT})
     * @param params the bind parameters of {@code from}
     * @return the page's ids in order, and the cursor after the last one when more follow
     */
    public static Page<UUID> ids(Database db, String from, List<Object> params, Order order, int limit, String cursor) {
        Cursor after = Cursor.decode(cursor, order.cursorName(), 2);
        String direction = order.ascending() ? "ASC" : "DESC";
        StringBuilder sql = new StringBuilder("SELECT ").append(order.id()).append(", (").append(order.key())
                .append(")::text ").append(from);
        List<Object> all = new ArrayList<>(params);
        if (after != null) {
            sql.append(" AND (").append(order.key()).append(", ").append(order.id()).append(") ")
                    .append(order.ascending() ? ">" : "<").append(" (?::").append(order.keyType()).append(", ?::uuid)");
            all.add(after.value(0));
            all.add(after.value(1));
        }
        sql.append(" ORDER BY ").append(order.key()).append(' ').append(direction).append(", ").append(order.id())
                .append(' ').append(direction).append(" LIMIT ?");
        all.add(limit + 1);
        List<String[]> rows = db.query(sql.toString(), row -> new String[] {row.getString(1), row.getString(2)}, all.toArray());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            String[] last = rows.get(limit - 1);
            next = Cursor.encode(order.cursorName(), last[1], last[0]);
        }
        return new Page<>(rows.stream().map(row -> UUID.fromString(row[0])).toList(), next);
    }
}
