package dev.switchboard.host.boot;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The platform's one JTA data source, shared by platform tables and Flowable. Its URL and
 * credentials come from MicroProfile Config ({@code switchboard.db.*}).
 */
@DataSourceDefinition(
        name = "java:app/jdbc/switchboard",
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=switchboard.db.url}",
        user = "${MPCONFIG=switchboard.db.user}",
        password = "${MPCONFIG=switchboard.db.password}",
        transactional = true,
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {"fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data"})
@ApplicationScoped
public class PlatformDataSource {
}
