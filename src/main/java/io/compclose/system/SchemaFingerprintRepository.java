package io.compclose.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;

import javax.sql.DataSource;

/**
 * The {@code schema_fingerprint} rows, read and written through Liquibase's own data source (the migration
 * account where one is configured) before any other bean may use the database, so plain JDBC, not a JdbcClient.
 */
final class SchemaFingerprintRepository {

    private final DataSource dataSource;
    private final String changeLogTable;

    /** @param changeLogTable Liquibase's setting, never input: a table name cannot be a bind parameter */
    SchemaFingerprintRepository(DataSource dataSource, String changeLogTable) {
        this.dataSource = dataSource;
        this.changeLogTable = changeLogTable == null || changeLogTable.isBlank() ? "DATABASECHANGELOG" : changeLogTable;
    }

    /** Whether the schema was brought up to this fingerprint and no changeset has been applied or removed since. */
    boolean current(String fingerprint) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM schema_fingerprint "
                        + "WHERE fingerprint = ? AND changesets = (SELECT COUNT(*) FROM " + changeLogTable + ")")) {
            select.setString(1, fingerprint);
            try (ResultSet result = select.executeQuery()) {
                return result.next() && result.getInt(1) == 1;
            }
        } catch (SQLException newDatabaseOrOlderSchema) {
            // no such table yet: Liquibase decides
            return false;
        }
    }

    /** Records that the schema is now up to this fingerprint, with the changesets applied so far. */
    void record(String fingerprint) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM schema_fingerprint WHERE fingerprint = ?")) {
                delete.setString(1, fingerprint);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO schema_fingerprint "
                    + "(fingerprint, changesets, recorded_at) SELECT ?, COUNT(*), ? FROM " + changeLogTable)) {
                insert.setString(1, fingerprint);
                insert.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now()));
                insert.executeUpdate();
            }
        }
    }
}
