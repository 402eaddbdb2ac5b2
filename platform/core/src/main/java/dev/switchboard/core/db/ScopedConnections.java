package dev.switchboard.core.db;

import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Makes Jakarta Persistence use the platform's connections: every connection the persistence
 * provider gets comes from the same {@link TransactionBoundDataSource} as {@link Database}'s, so
 *
 * <ul>
 *   <li>it carries the thread's {@link DatabaseScope} as session settings, and row-level security
 *       shows an entity query the current location's rows only;</li>
 *   <li>within a JTA transaction entities and plain SQL run on one connection and commit together,
 *       on any thread (see {@link TransactionBoundDataSource}).</li>
 * </ul>
 *
 * <p>Named by {@code eclipselink.session.customizer} in {@code META-INF/persistence.xml}.
 */
public final class ScopedConnections implements SessionCustomizer {

    @Override
    public void customize(Session session) throws NamingException {
        DataSource pool = dataSourceOf(session.getDatasourceLogin());
        TransactionSynchronizationRegistry transactions = InitialContext.doLookup("java:comp/TransactionSynchronizationRegistry");
        DataSource scoped = new TransactionBoundDataSource(pool, transactions);
        use(session.getDatasourceLogin(), scoped);
        if (session instanceof ServerSession server) {
            // reads outside a transaction go through the read pool, which the container may have given
            // its own (non-transactional) login: it gets the same connections
            use(server.getReadConnectionPool().getLogin(), scoped);
            for (ConnectionPool connectionPool : server.getConnectionPools().values()) {
                use(connectionPool.getLogin(), scoped);
            }
        }
    }

    private static DataSource dataSourceOf(Login login) throws NamingException {
        Connector connector = login instanceof DatasourceLogin datasource ? datasource.getConnector() : null;
        if (!(connector instanceof JNDIConnector jndi)) {
            throw new IllegalStateException("the persistence unit must use the platform's data source "
                    + Database.DATA_SOURCE + ", not " + connector);
        }
        if (jndi.getDataSource() != null) {
            return jndi.getDataSource();
        }
        return InitialContext.doLookup(jndi.getName() == null ? Database.DATA_SOURCE : jndi.getName());
    }

    private static void use(Login login, DataSource scoped) {
        if (login instanceof DatasourceLogin datasource && datasource.getConnector() instanceof JNDIConnector jndi) {
            jndi.setDataSource(scoped);
        }
    }
}
