package dev.switchboard.core.db;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain SQL on the platform's JTA data source. Within a transaction every statement, the platform's
 * and the workflow engine's alike, runs on the transaction's one connection, so platform rows and
 * Flowable's commit or roll back together on any thread.
 */
@ApplicationScoped
public class Database {

    public static final String DATA_SOURCE = "java:app/jdbc/switchboard";

    @Resource(lookup = DATA_SOURCE)
    DataSource pool;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private DataSource dataSource;

    @PostConstruct
    void bindToTransactions() {
        dataSource = new TransactionBoundDataSource(pool, transactions);
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** The data source the engine shares: one connection per JTA transaction, see {@link TransactionBoundDataSource}. */
    public DataSource dataSource() {
        return dataSource;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, params);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new DatabaseException(sql, e);
        }
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one row, got " + rows.size() + " for: " + sql);
        }
        return rows.stream().findFirst();
    }

    public int update(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException(sql, e);
        }
    }

    /**
     * Runs one statement in a short transaction of its own that commits without waiting for the
     * write-ahead log to reach the disk ({@code synchronous_commit = off}): for advisory bookkeeping
     * whose loss in a power cut is harmless. Call it outside any JTA transaction.
     */
    public int updateWithoutWaitingForDisk(String sql, Object... params) {
        try (Connection connection = pool.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement relax = connection.createStatement();
                 PreparedStatement statement = prepare(connection, sql, params)) {
                relax.execute("SET LOCAL synchronous_commit = off");
                int count = statement.executeUpdate();
                connection.commit();
                return count;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DatabaseException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i] instanceof SqlValue value ? value.sqlValue() : params[i]);
        }
        return statement;
    }
}
