package io.compclose.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A second datasource (a CRM or billing replica) that bookings and usage can be read from instead
 * of the inbox's files, bound from {@code compclose.extract.*}. A query's column labels are the
 * file's column names ({@code SELECT opp_id AS booking_id, ...}); rows are validated like the file's.
 *
 * @param url         JDBC URL of the replica; empty = read the inbox's files
 * @param bookingsSql the query standing in for bookings.csv, or empty
 * @param usageSql    the query standing in for usage.csv, or empty
 */
@ConfigurationProperties("compclose.extract")
public record ExtractProperties(String url, String username, String password, String bookingsSql,
        String usageSql) {

    public boolean configured(String sql) {
        return url != null && !url.isBlank() && sql != null && !sql.isBlank();
    }
}
