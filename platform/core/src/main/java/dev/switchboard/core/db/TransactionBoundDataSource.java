package dev.switchboard.core.db;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The platform's data source as the platform and the workflow engine both use it: within a JTA
 * transaction every {@code getConnection()} returns the same physical connection, bound to the
 * transaction and closed when it completes; outside one, a plain connection.
 *
 * <p>Why: on the server's managed worker threads (where engine jobs, event deliveries and action
 * steps run) the pool does not enlist connections in the JTA transaction: each is in autocommit mode,
 * so every statement of an engine job committed on its own, and a job killed halfway left half its
 * work behind. Here such a connection is bound to the transaction and committed or rolled back with
 * it (see {@link #bind}), and the engine's writes and the platform's rows of one job share it: one unit
 * of work whatever thread it runs on.
 */
final class TransactionBoundDataSource implements DataSource {

    private static final String BOUND = TransactionBoundDataSource.class.getName() + ".connection";
    private static final Logger LOG = Logger.getLogger(TransactionBoundDataSource.class.getName());

    private final DataSource target;
    private final TransactionSynchronizationRegistry transactions;

    TransactionBoundDataSource(DataSource target, TransactionSynchronizationRegistry transactions) {
        this.target = target;
        this.transactions = transactions;
    }

    @Override
    public Connection getConnection() throws SQLException {
        DatabaseScope.Settings scope = DatabaseScope.current();
        if (transactions.getTransactionKey() == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            Connection connection = target.getConnection();
            try {
                applyScope(connection, scope);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            return connection;
        }
        Bound bound = (Bound) transactions.getResource(BOUND);
        if (bound == null) {
            bound = new Bound(bind(target.getConnection()));
            transactions.putResource(BOUND, bound);
        }
        if (!scope.equals(bound.scope)) {
            applyScope(bound.connection, scope);
            bound.scope = scope;
        }
        return borrowed(bound.connection);
    }

    /** The transaction's connection, and the scope its settings hold now. */
    private static final class Bound {
        final Connection connection;
        DatabaseScope.Settings scope;

        Bound(Connection connection) {
            this.connection = connection;
        }
    }

    /** Gives the connection the tenancy settings that row-level security reads (see {@link DatabaseScope}). */
    private static void applyScope(Connection connection, DatabaseScope.Settings scope) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('switchboard.scope', ?, false),"
                + " set_config('switchboard.agency_id', ?, false), set_config('switchboard.location_id', ?, false)")) {
            statement.setString(1, scope.scope());
            statement.setString(2, scope.agencyId() == null ? "" : scope.agencyId().toString());
            statement.setString(3, scope.locationId() == null ? "" : scope.locationId().toString());
            statement.execute();
        }
    }

    /**
     * Binds a connection to the current transaction. If the pool enlisted it, the transaction manager
     * commits or rolls it back; if not (it is in autocommit mode: the thread has no component context),
     * this data source does, as the transaction's last resource: it commits just before the transaction
     * completes (a failure there rolls the transaction back) and rolls back when it did not commit.
     */
    private Connection bind(Connection connection) throws SQLException {
        boolean unmanaged = connection.getAutoCommit();
        if (unmanaged) {
            connection.setAutoCommit(false);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                if (unmanaged && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                    try {
                        connection.commit();
                    } catch (SQLException e) {
                        throw new IllegalStateException("committing the transaction's connection failed", e);
                    }
                }
            }

            @Override
            public void afterCompletion(int status) {
                try {
                    if (unmanaged) {
                        if (status != Status.STATUS_COMMITTED) {
                            connection.rollback();
                        }
                        connection.setAutoCommit(true);
                    }
                } catch (SQLException e) {
                    LOG.warning("Ending the transaction's connection failed: " + e.getMessage());
                } finally {
                    try {
                        connection.close();
                    } catch (SQLException e) {
                        LOG.warning("Closing the transaction's connection failed: " + e.getMessage());
                    }
                }
            }
        });
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the platform's data source has its credentials configured");
    }

    /** A handle on the transaction's connection whose {@code close()} only ends this handle. */
    private static Connection borrowed(Connection connection) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean closed;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "close":
                        closed = true;
                        return null;
                    case "isClosed":
                        return closed || connection.isClosed();
                    case "unwrap":
                    case "isWrapperFor":
                        break;
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    default:
                        if (closed) {
                            throw new SQLException("this connection handle is closed");
                        }
                }
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(TransactionBoundDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }
}
