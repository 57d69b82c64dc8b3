package io.compclose.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.compclose.support.TestDatabases;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Changeset 032 widens every column holding a close's pay period id to ten characters, for ids such as 2026-10-15,
 * and leaves the calendar months of data at YYYY-MM; each column keeps its NOT NULL, and each table its primary
 * key and indexes.
 */
class PayPeriodColumnsFunctionalTests {

    /** Every pay period id column after 032, with its nullability as created (only the audit trail's may be null). */
    private static final List<String> PERIOD_IDS = List.of(
            "account_owner.pay_period varchar(10) NOT NULL",
            "account_usage.pay_period varchar(10) NOT NULL",
            "adjustment.pay_period varchar(10) NOT NULL",
            "audit_event.pay_period varchar(10) NULL",
            "billed_usage.pay_period varchar(10) NOT NULL",
            "booking.pay_period varchar(10) NOT NULL",
            "booking_split.pay_period varchar(10) NOT NULL",
            "cancellation.pay_period varchar(10) NOT NULL",
            "cap_effect.pay_period varchar(10) NOT NULL",
            "close_approval.pay_period varchar(10) NOT NULL",
            "close_input.pay_period varchar(10) NOT NULL",
            "close_lease.pay_period varchar(10) NOT NULL",
            "close_period.pay_period varchar(10) NOT NULL",
            "component_attainment.pay_period varchar(10) NOT NULL",
            "control_total.pay_period varchar(10) NOT NULL",
            "credit.pay_period varchar(10) NOT NULL",
            "credit_exception.pay_period varchar(10) NOT NULL",
            "delivery_log.pay_period varchar(10) NOT NULL",
            "earning_line.pay_period varchar(10) NOT NULL",
            "earning_line.source_period varchar(10) NOT NULL",
            "fx_rate.pay_period varchar(10) NOT NULL",
            "inquiry.pay_period varchar(10) NOT NULL",
            "inquiry_adjustment.target_period varchar(10) NOT NULL",
            "intake_reject.pay_period varchar(10) NOT NULL",
            "pay_line.pay_period varchar(10) NOT NULL",
            "payout.pay_period varchar(10) NOT NULL",
            "payout_export.pay_period varchar(10) NOT NULL",
            "rep_assignment.pay_period varchar(10) NOT NULL",
            "rep_figure.pay_period varchar(10) NOT NULL",
            "rep_ledger.pay_period varchar(10) NOT NULL",
            "review_exception.pay_period varchar(10) NOT NULL",
            "statement.pay_period varchar(10) NOT NULL",
            "statement_figure.pay_period varchar(10) NOT NULL",
            "usage_preview.pay_period varchar(10) NOT NULL",
            "usage_preview_reject.pay_period varchar(10) NOT NULL",
            "usage_redelivery.pay_period varchar(10) NOT NULL",
            "usage_redelivery.replaces_period varchar(10) NOT NULL");

    /** The calendar months of data: not pay periods, so still YYYY-MM. */
    private static final List<String> MONTHS = List.of(
            "account_usage.usage_month varchar(7) NOT NULL",
            "billed_usage.usage_month varchar(7) NOT NULL",
            "close_period.plan_year_start varchar(7) NULL",
            "fx_rate.rate_period varchar(7) NOT NULL",
            "usage_preview.usage_month varchar(7) NOT NULL");

    @TempDir
    Path work;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void periodIdColumnsHoldTenCharactersAndMonthsStaySeven(String database) throws Exception {
        try (Migration migration = Migration.fresh(database, work)) {
            migration.all();

            // every varchar(7) and varchar(10) of CompClose's tables (Spring Batch's, Liquibase's aside) is listed
            List<String> shortVarchars = migration.jdbc().query("""
                    SELECT LOWER(c.TABLE_NAME), LOWER(c.COLUMN_NAME), c.CHARACTER_MAXIMUM_LENGTH, c.IS_NULLABLE
                    FROM information_schema.COLUMNS c JOIN information_schema.TABLES t
                      ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
                    WHERE c.TABLE_SCHEMA = SCHEMA() AND t.TABLE_TYPE = 'BASE TABLE'
                      AND LOWER(c.DATA_TYPE) IN ('varchar', 'character varying')
                      AND c.CHARACTER_MAXIMUM_LENGTH IN (7, 10)
                      AND LOWER(c.TABLE_NAME) NOT LIKE 'databasechangelog%'
                      AND LOWER(c.TABLE_NAME) NOT LIKE 'batch%'""",
                    (rs, i) -> rs.getString(1) + "." + rs.getString(2) + " varchar(" + rs.getInt(3) + ") "
                            + (rs.getString(4).equals("YES") ? "NULL" : "NOT NULL"));
            List<String> expected = new ArrayList<>(PERIOD_IDS);
            expected.addAll(MONTHS);
            // created at ten by 033, beside the columns 032 widened
            expected.add("pay_period_span.pay_period varchar(10) NOT NULL");
            assertThat(shortVarchars).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void wideningKeepsEachColumnsNullabilityAndEachTablesKeysAndIndexes(String database) throws Exception {
        try (Migration migration = Migration.fresh(database, work)) {
            migration.allBefore("032-");
            JdbcTemplate jdbc = migration.jdbc();
            jdbc.update("INSERT INTO close_period (pay_period, revision, closed_at) VALUES ('2026-10', 1, NOW())");
            if (!migration.connection().getAutoCommit()) {
                migration.connection().commit(); // a partial update leaves the connection in a transaction
            }
            Set<String> before = shape(migration.connection().getMetaData());

            migration.allBefore("033-");

            // the same schema but for the widths of the period ids, 7 before and 10 after
            Set<String> after = shape(migration.connection().getMetaData());
            Set<String> widenedBefore = new TreeSet<>(before);
            widenedBefore.removeAll(after);
            Set<String> widenedAfter = new TreeSet<>(after);
            widenedAfter.removeAll(before);
            assertThat(widenedAfter).containsExactlyInAnyOrderElementsOf(PERIOD_IDS.stream()
                    .map(column -> "column " + column.replace(" varchar(10)", " 10")).toList());
            assertThat(widenedBefore).containsExactlyInAnyOrderElementsOf(PERIOD_IDS.stream()
                    .map(column -> "column " + column.replace(" varchar(10)", " 7")).toList());
            assertThat(after).contains("primary key close_period (pay_period)",
                    "primary key close_lease (job_name, pay_period)",
                    "index audit_event idx_audit_event_period (pay_period)");

            // a period closed before keeps its id, and a semi-monthly one now fits
            jdbc.update("INSERT INTO close_period (pay_period, revision, closed_at) VALUES ('2026-10-15', 1, NOW())");
            assertThat(jdbc.queryForList("SELECT pay_period FROM close_period ORDER BY pay_period", String.class))
                    .containsExactly("2026-10", "2026-10-15");
        }
    }

    /** The application's changelog applied, in whole or up to a changeset, to a fresh database. */
    private record Migration(Connection connection, Liquibase liquibase) implements AutoCloseable {

        static Migration fresh(String database, Path work) throws Exception {
            Connection connection = DriverManager.getConnection(
                    TestDatabases.of(database, work, "compclose_pay_period_columns"));
            Database liquibaseDatabase = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            return new Migration(connection, new Liquibase("db/changelog/db.changelog-master.yaml",
                    new ClassLoaderResourceAccessor(), liquibaseDatabase));
        }

        void all() throws Exception {
            liquibase.update(new Contexts(), new LabelExpression());
        }

        /** Every changeset before the first whose id starts with {@code idPrefix}. */
        void allBefore(String idPrefix) throws Exception {
            List<ChangeSet> pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression());
            int before = (int) pending.stream().takeWhile(changeSet -> !changeSet.getId().startsWith(idPrefix)).count();
            liquibase.update(before, new Contexts(), new LabelExpression());
        }

        JdbcTemplate jdbc() {
            return new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /**
     * Every varchar column's width and nullability, every primary key and every index of every table, one
     * line each. A primary key's own index is left out: H2 names it after the key, MariaDB {@code PRIMARY}.
     */
    private static Set<String> shape(DatabaseMetaData meta) throws SQLException {
        String catalog = meta.getConnection().getCatalog();
        String schema = meta.getConnection().getSchema();
        Set<String> shape = new TreeSet<>();
        for (String table : tables(meta, catalog, schema)) {
            String name = table.toLowerCase();
            try (ResultSet columns = meta.getColumns(catalog, schema, table, null)) {
                while (columns.next()) {
                    if (columns.getString("TYPE_NAME").toLowerCase().matches("varchar|character varying")) {
                        shape.add("column " + name + "." + columns.getString("COLUMN_NAME").toLowerCase() + " "
                                + columns.getInt("COLUMN_SIZE") + " "
                                + (columns.getString("IS_NULLABLE").equals("YES") ? "NULL" : "NOT NULL"));
                    }
                }
            }
            Map<Integer, String> bySequence = new TreeMap<>();
            try (ResultSet keys = meta.getPrimaryKeys(catalog, schema, table)) {
                while (keys.next()) {
                    bySequence.put(keys.getInt("KEY_SEQ"), keys.getString("COLUMN_NAME").toLowerCase());
                }
            }
            List<String> key = List.copyOf(bySequence.values());
            if (!key.isEmpty()) {
                shape.add("primary key " + name + " (" + String.join(", ", key) + ")");
            }
            indexes(meta, catalog, schema, table, key, shape);
        }
        return shape;
    }

    private static void indexes(DatabaseMetaData meta, String catalog, String schema, String table, List<String> key,
            Set<String> shape) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        try (ResultSet index = meta.getIndexInfo(catalog, schema, table, false, false)) {
            while (index.next()) {
                String indexName = index.getString("INDEX_NAME");
                if (indexName != null) {
                    String unique = index.getBoolean("NON_UNIQUE") ? "index " : "unique index ";
                    columns.computeIfAbsent(unique + table.toLowerCase() + " " + indexName.toLowerCase(),
                            n -> new ArrayList<>()).add(index.getString("COLUMN_NAME").toLowerCase());
                }
            }
        }
        columns.forEach((index, names) -> {
            if (!(index.startsWith("unique ") && names.equals(key))) {
                shape.add(index + " (" + String.join(", ", names) + ")");
            }
        });
    }

    private static List<String> tables(DatabaseMetaData meta, String catalog, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
