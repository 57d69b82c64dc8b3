package io.compclose.intake;

import io.compclose.core.input.BadInputException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import io.compclose.system.ExtractProperties;

/**
 * Streams the rows of a configured query against a CRM or billing replica as {@link CsvRow}s, so
 * they are validated exactly like the file they stand in for. Column labels are matched like a
 * header; a missing required column stops the close before any row is read. The cursor streams
 * (MySQL/MariaDB fetch size {@link Integer#MIN_VALUE}), so memory stays flat however many rows.
 */
public class ExtractRowReader extends AbstractItemCountingItemStreamItemReader<CsvRow> {

    private final ExtractProperties source;
    private final String sql;
    private final CsvFileSpec spec;
    private Connection connection;
    private PreparedStatement statement;
    private ResultSet rows;
    private List<String> labels;

    public ExtractRowReader(ExtractProperties source, String sql, CsvFileSpec spec) {
        this.source = source;
        this.sql = sql;
        this.spec = spec;
        setName("extract-" + spec.fileName());
    }

    /** The configured query standing in for a file (bookings or usage), if any. */
    public static Optional<String> queryFor(ExtractProperties source, CsvFileSpec spec) {
        String file = spec.fileName();
        String sql = file.equals(CsvFileSpec.BOOKINGS.fileName()) ? source.bookingsSql()
                : file.equals(CsvFileSpec.USAGE.fileName()) ? source.usageSql() : null;
        return source.configured(sql) ? Optional.of(sql) : Optional.empty();
    }

    /** The file's rows: from the configured query if there is one, else from the inbox's file. */
    public static AbstractItemCountingItemStreamItemReader<CsvRow> of(ExtractProperties source,
            Path inbox, CsvFileSpec spec) {
        return queryFor(source, spec).<AbstractItemCountingItemStreamItemReader<CsvRow>>map(
                sql -> new ExtractRowReader(source, sql, spec)).orElseGet(() -> new CsvRowReader(inbox, spec));
    }

    @Override
    protected void doOpen() throws SQLException {
        try {
            connection = DriverManager.getConnection(source.url(), source.username(), source.password());
            connection.setReadOnly(true);
            statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(Integer.MIN_VALUE);
            rows = statement.executeQuery();
        } catch (SQLException e) {
            doClose();
            throw new BadInputException(spec.fileName() + " (database extract): the query failed: " + e.getMessage(), e);
        }
        ResultSetMetaData meta = rows.getMetaData();
        labels = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            labels.add(meta.getColumnLabel(i).trim().toLowerCase(Locale.ROOT));
        }
        List<String> missing = spec.requiredColumns().stream().filter(c -> !labels.contains(c)).toList();
        if (!missing.isEmpty()) {
            doClose();
            throw new BadInputException(spec.fileName() + " (database extract): the query lacks required column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " (it returns: "
                    + String.join(", ", labels) + ")");
        }
    }

    @Override
    protected CsvRow doRead() throws SQLException {
        if (rows == null || !rows.next()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            String text = text(rows.getObject(i + 1));
            values.put(labels.get(i), text);
            raw.append(i == 0 ? "" : ",").append(text);
        }
        // under the file's name, so rejects and reconciliation treat both sources alike; the row number
        // of the result stands in for the line
        return new CsvRow(spec.fileName(), getCurrentItemCount(), values, raw.toString(), spec.problem(values));
    }

    /** As a file would have written it: plain decimals, ISO dates, empty for NULL. */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() < 0 ? decimal.setScale(0).toPlainString()
                    : decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        return value.toString();
    }

    /** Rows the query returns, counted independently of intake for reconciliation. */
    public static long count(ExtractProperties source, String sql) {
        try (Connection c = DriverManager.getConnection(source.url(), source.username(), source.password());
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM (" + sql + ") extract_rows");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of the database extract: " + e.getMessage(), e);
        }
    }

    @Override
    protected void doClose() throws SQLException {
        try {
            if (rows != null) {
                rows.close();
            }
            if (statement != null) {
                statement.close();
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
            rows = null;
            statement = null;
            connection = null;
        }
    }
}
