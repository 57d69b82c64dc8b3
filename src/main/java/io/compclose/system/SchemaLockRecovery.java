package io.compclose.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.config.BeanPostProcessor;

import liquibase.integration.spring.SpringLiquibase;

/**
 * Liquibase locks a row of {@code DATABASECHANGELOGLOCK} while it checks the schema, at every start of
 * every command; a process killed meanwhile leaves it locked, and every later start waits five minutes
 * and fails. On MySQL and MariaDB each CompClose process first takes a named lock for the database,
 * which the server releases the moment its connection dies: holding it, a locked row can only be a
 * dead process's, and is unlocked. (Another tool migrating the same database without that named lock
 * would not be protected.)
 */
public final class SchemaLockRecovery implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(SchemaLockRecovery.class);
    private static final int WAIT_SECONDS = 300;

    private final Map<SpringLiquibase, Connection> held = new ConcurrentHashMap<>();

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null) {
            try {
                Connection connection = liquibase.getDataSource().getConnection();
                if (!MySqlFamily.of(connection)) {
                    connection.close();
                    return bean;
                }
                if (!lock(connection, "GET_LOCK(CONCAT('compclose.schema.', DATABASE()), " + WAIT_SECONDS + ")")) {
                    connection.close();
                    throw new BeanCreationException(beanName, "another CompClose process has been checking the "
                            + "database schema for " + WAIT_SECONDS + " s");
                }
                held.put(liquibase, connection);
                unlockStale(connection, liquibase.getDatabaseChangeLogLockTable());
            } catch (SQLException e) {
                throw new BeanCreationException(beanName, "cannot take the schema lock: " + e.getMessage(), e);
            }
        }
        return bean;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Connection connection = bean instanceof SpringLiquibase liquibase ? held.remove(liquibase) : null;
        if (connection != null) {
            try (connection) {
                lock(connection, "RELEASE_LOCK(CONCAT('compclose.schema.', DATABASE()))");
            } catch (SQLException e) {
                // closing the connection releases the named lock anyway
            }
        }
        return bean;
    }

    private static boolean lock(Connection connection, String function) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + function);
                ResultSet result = select.executeQuery()) {
            return result.next() && result.getInt(1) == 1;
        }
    }

    private static void unlockStale(Connection connection, String lockTable) {
        // the table name is Liquibase's setting, never input; it cannot be a bind parameter
        String table = lockTable == null || lockTable.isBlank() ? "DATABASECHANGELOGLOCK" : lockTable;
        try (PreparedStatement unlock = connection.prepareStatement("UPDATE " + table
                + " SET LOCKED = 0, LOCKGRANTED = NULL, LOCKEDBY = NULL WHERE LOCKED = 1")) {
            if (unlock.executeUpdate() > 0) {
                log.warn("Released the schema lock ({}) a killed process had left behind", table);
            }
        } catch (SQLException noTableYet) {
            // a new database: Liquibase creates the table
        }
    }
}
