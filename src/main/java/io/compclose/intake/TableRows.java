package io.compclose.intake;

import java.sql.Types;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.StatementCreatorUtils;

import io.compclose.system.BulkLoad;

/**
 * A table intake writes, and how an accepted row fills its columns: the one definition that both the
 * batched upsert and {@link BulkLoad} use. Every table is keyed by pay period first, then by its
 * {@code keys} leading columns; a row stored again under its key replaces the earlier one's other columns.
 */
record TableRows<T>(String table, int keys, List<Column<T>> columns) {

    /** A column, its JDBC type (the batched INSERT binds with it, never asking the driver) and its value. */
    record Column<T>(String name, int sqlType, Function<T, Object> value) {
    }

    static <T> Column<T> text(String name, Function<T, Object> value) {
        return new Column<>(name, Types.VARCHAR, value);
    }

    static <T> Column<T> date(String name, Function<T, Object> value) {
        return new Column<>(name, Types.DATE, value);
    }

    static <T> Column<T> number(String name, Function<T, Object> value) {
        return new Column<>(name, Types.DECIMAL, value);
    }

    static <T> Column<T> whole(String name, Function<T, Object> value) {
        return new Column<>(name, Types.BIGINT, value);
    }

    @SafeVarargs
    static <T> TableRows<T> of(String table, int keys, Column<T>... columns) {
        return new TableRows<>(table, keys, List.of(columns));
    }

    /** The same columns in another table (the usage intake's preview of billed_usage). */
    TableRows<T> in(String otherTable) {
        return new TableRows<>(otherTable, keys, columns);
    }

    /** The columns after pay_period, in their order here. */
    String columnNames() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    String names() {
        return "pay_period, " + columnNames();
    }

    /** Stores the rows with one batched upsert; the table and columns are this class's constants, never input. */
    void upsert(JdbcTemplate jdbc, String period, List<T> rows) {
        String sql = "INSERT INTO " + table + " (" + names() + ") VALUES (?"
                + ", ?".repeat(columns.size()) + ") ON DUPLICATE KEY UPDATE "
                + columns.subList(keys, columns.size()).stream().map(c -> c.name() + " = VALUES(" + c.name() + ")")
                        .collect(Collectors.joining(", "));
        jdbc.batchUpdate(sql, rows, rows.size(), (ps, row) -> {
            ps.setString(1, period);
            for (int i = 0; i < columns.size(); i++) {
                Column<T> column = columns.get(i);
                StatementCreatorUtils.setParameterValue(ps, i + 2, column.sqlType(), column.value().apply(row));
            }
        });
    }

    /** Stores the rows through LOAD DATA where the database allows it, else with {@link #upsert}. */
    void store(JdbcTemplate jdbc, BulkLoad bulkLoad, String period, List<T> rows) {
        if (bulkLoad.available()) {
            bulkLoad.replace(table, names(), rows, row -> values(period, row));
        } else {
            upsert(jdbc, period, rows);
        }
    }

    private Object[] values(String period, T row) {
        Object[] values = new Object[columns.size() + 1];
        values[0] = period;
        for (int i = 0; i < columns.size(); i++) {
            values[i + 1] = columns.get(i).value().apply(row);
        }
        return values;
    }
}
