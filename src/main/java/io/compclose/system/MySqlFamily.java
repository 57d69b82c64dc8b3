package io.compclose.system;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Whether a connection leads to MySQL or MariaDB, the production databases: only they know LOAD DATA,
 * ANALYZE TABLE, GET_LOCK and streaming result sets. H2, the demo's database, is the other case.
 */
public final class MySqlFamily {

    private MySqlFamily() {
    }

    public static boolean of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return product != null && (product.startsWith("MySQL") || product.startsWith("MariaDB"));
    }
}
