package io.compclose.system;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Connector/J reads a whole result set into memory unless the fetch size is
 * {@link Integer#MIN_VALUE}, which streams it row by row; H2 refuses that value and needs none.
 * Large reads (a month's bookings, a restart's accepted ids) use this to keep memory flat.
 */
public final class StreamingResults {

    private static final int PLAIN_FETCH_SIZE = 1000;

    private StreamingResults() {
    }

    public static int fetchSize(Connection connection) throws SQLException {
        return MySqlFamily.of(connection) ? Integer.MIN_VALUE : PLAIN_FETCH_SIZE;
    }

    public static int fetchSize(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return fetchSize(connection);
        } catch (SQLException e) {
            throw new CannotGetJdbcConnectionException("cannot read the database's product name", e);
        }
    }
}
