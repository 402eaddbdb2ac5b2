package dev.switchboard.core.db;

import java.util.Objects;
import java.util.UUID;

/**
 * Which tenant's rows the current thread's database work may see and write. PostgreSQL's row-level
 * security enforces it: the platform's data source hands every connection out with the scope as
 * session settings ({@code switchboard.scope}, {@code switchboard.agency_id},
 * {@code switchboard.location_id}), which the policies of every agency or location table read. A
 * query that forgets its {@code WHERE location_id = ?} still sees only the current location's rows.
 *
 * <p>Scopes nest: {@link #close()} restores the one before. Outside every scope a connection sees
 * no tenant's rows at all. Work that spans tenants (claiming queued work, boot, recovery, sign-in)
 * names itself in a {@linkplain #system system scope}.
 */
public final class DatabaseScope implements AutoCloseable {

    /** What the settings of a connection say. */
    public record Settings(String scope, UUID agencyId, UUID locationId) {

        static final Settings NONE = new Settings("none", null, null);
    }

    private static final ThreadLocal<DatabaseScope> CURRENT = new ThreadLocal<>();

    private final Settings settings;
    private final String reason;
    private final DatabaseScope previous;
    private boolean closed;

    private DatabaseScope(Settings settings, String reason) {
        this.settings = settings;
        this.reason = reason;
        this.previous = CURRENT.get();
        CURRENT.set(this);
    }

    /** Work across tenants, named for the log and for the reader: {@code system("event dispatch")}. */
    public static DatabaseScope system(String reason) {
        Objects.requireNonNull(reason, "a system scope is named");
        return new DatabaseScope(new Settings("system", null, null), reason);
    }

    /** Work for one agency: its own rows, its locations and users, not its locations' data. */
    public static DatabaseScope agency(UUID agencyId) {
        return new DatabaseScope(new Settings("agency", Objects.requireNonNull(agencyId), null), null);
    }

    /** Work for one location of an agency. */
    public static DatabaseScope location(UUID agencyId, UUID locationId) {
        return new DatabaseScope(new Settings("location", agencyId, Objects.requireNonNull(locationId)), null);
    }

    /** Work for one location whose agency is not at hand (a workflow run, a queued step). */
    public static DatabaseScope location(UUID locationId) {
        return location(null, locationId);
    }

    /** Leaves no tenant in scope for this thread, until closed: the start of a request. */
    public static DatabaseScope none() {
        return new DatabaseScope(Settings.NONE, null);
    }

    /**
     * Forgets every scope of the current thread. For the edges of pooled work, such as the start and
     * end of an HTTP request, whose scopes are entered by filters and never closed one by one.
     */
    public static void reset() {
        CURRENT.remove();
    }

    /** The settings the current thread's connections get. */
    public static Settings current() {
        DatabaseScope scope = CURRENT.get();
        return scope == null ? Settings.NONE : scope.settings;
    }

    public String reason() {
        return reason;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (CURRENT.get() == this) {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
