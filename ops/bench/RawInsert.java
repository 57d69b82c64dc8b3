import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ceiling intake is compared against: the same rows of bookings.csv and usage.csv, inserted with
 * plain JDBC batched INSERTs ({@code rewriteBatchedStatements=true}, a batch of 1000 rows, a commit per
 * batch) into scratch tables with the columns and primary keys of {@code booking} and
 * {@code billed_usage}. Lines are split on commas: generate-month.py writes no quoted cells. Values
 * are converted to the column types (date, decimal, int) as intake converts them, and nothing else
 * is done: no validation, no upsert, no secondary index (unless --index), no Spring Batch metadata.
 *
 * <pre>
 * java -cp "$(cat target/cp.txt)" ops/bench/RawInsert.java --inbox DIR [--period 2026-10]
 *      [--url jdbc:mysql://127.0.0.1:3306] [--user root] [--password ''] [--database compclose_bench_raw]
 *      [--batch 1000] [--index] [--upsert] [--keep]
 * </pre>
 *
 * --load-data sends each file whole with one {@code LOAD DATA LOCAL INFILE} instead: the server parses the
 * CSV (header skipped, empty optional cells as NULL, the line number counted in a user variable) and
 * the client does nothing but send the bytes. That is the bulk-load ceiling: the database's own cost
 * of taking the rows in, with no Java parse or conversion (CSV parsing is measured by RawParse.java).
 * The connection may send files from the inbox folder only ({@code allowLoadLocalInfileInPath}).
 *
 * --index adds the product's secondary indexes to the scratch tables (booking: pay_period,
 * owner_rep_id; billed_usage has none since 006-01);
 * --upsert writes with intake's ON DUPLICATE KEY UPDATE clauses. Both exist to tell where intake's
 * time goes; the reference figure is the run without them. The scratch database is dropped first,
 * and again at the end unless --keep.
 *
 * Prints one line per file: {@code raw <file> rows=<n> seconds=<s> rows_per_s=<r>}.
 */
public class RawInsert {

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>(Map.of("--period", "2026-10", "--url", "jdbc:mysql://127.0.0.1:3306",
                "--user", "root", "--password", "", "--database", "compclose_bench_raw", "--batch", "1000"));
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--index") || a.equals("--upsert") || a.equals("--keep") || a.equals("--load-data")) {
                opt.put(a, "true");
            } else if (a.startsWith("--") && i + 1 < args.length) {
                opt.put(a, args[++i]);
            } else {
                System.err.println("RawInsert: unexpected argument " + a);
                System.exit(2);
            }
        }
        if (!opt.containsKey("--inbox")) {
            System.err.println("usage: RawInsert --inbox DIR [--period YYYY-MM] [--url jdbc:mysql://host:port] "
                    + "[--user U] [--password P] [--database D] [--batch N] [--index] [--upsert] [--keep]");
            System.exit(2);
        }
        Path inbox = Path.of(opt.get("--inbox"));
        String db = opt.get("--database");
        if (!db.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("database name: letters, digits and _ only");
        }
        int batch = Integer.parseInt(opt.get("--batch"));
        boolean upsert = opt.containsKey("--upsert");
        String url = opt.get("--url") + "/?rewriteBatchedStatements=true&useServerPrepStmts=false"
                + "&allowLoadLocalInfileInPath=" + inbox.toRealPath();
        try (Connection c = DriverManager.getConnection(url, opt.get("--user"), opt.get("--password"))) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db);
                s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                s.execute("USE " + db);
                s.execute(BOOKING_DDL);
                s.execute(USAGE_DDL);
                if (opt.containsKey("--index")) {
                    // the secondary index db/changelog gives these tables (002-10); billed_usage has none
                    // since 006-01: usage is summarised by account after the load instead
                    s.execute("CREATE INDEX ix_booking_owner ON booking (pay_period, owner_rep_id)");
                }
            }
            String variant = (opt.containsKey("--index") ? " index" : "") + (upsert ? " upsert" : "");
            String period = opt.get("--period");
            if (opt.containsKey("--load-data")) {
                loadFile(c, inbox.resolve("bookings.csv"), "booking", period, Map.of("type", "booking_type"),
                        Map.of("term_months", "IF(@term_months = '', 12, @term_months)"));
                loadFile(c, inbox.resolve("usage.csv"), "billed_usage", period, Map.of(), Map.of());
                dropUnlessKept(c, db, opt);
                return;
            }
            load(c, inbox.resolve("bookings.csv"), upsert ? BOOKING_INSERT + BOOKING_UPSERT : BOOKING_INSERT,
                    batch, variant, (ps, col, cells, line) -> {
                        ps.setString(1, period);
                        ps.setString(2, cells[col.get("booking_id")]);
                        ps.setObject(3, LocalDate.parse(cells[col.get("booked_on")]));
                        ps.setString(4, cells[col.get("account_id")]);
                        setText(ps, 5, cells[col.get("account_name")]);
                        ps.setString(6, cells[col.get("owner_rep_id")]);
                        ps.setString(7, cells[col.get("type")]);
                        ps.setString(8, cells[col.get("product")]);
                        ps.setBigDecimal(9, new BigDecimal(cells[col.get("acv")]));
                        setDecimal(ps, 10, cells[col.get("tcv")]);
                        String term = cells[col.get("term_months")];
                        ps.setInt(11, term.isEmpty() ? 12 : Integer.parseInt(term));
                        ps.setString(12, cells[col.get("currency")]);
                        setText(ps, 13, cells[col.get("sourced_by_rep_id")]);
                        setText(ps, 14, cells[col.get("bundle_id")]);
                        ps.setLong(15, line);
                    });
            load(c, inbox.resolve("usage.csv"), upsert ? USAGE_INSERT + USAGE_UPSERT : USAGE_INSERT, batch, variant,
                    (ps, col, cells, line) -> {
                        ps.setString(1, period);
                        ps.setString(2, cells[col.get("usage_id")]);
                        ps.setString(3, cells[col.get("account_id")]);
                        ps.setString(4, cells[col.get("product")]);
                        ps.setString(5, cells[col.get("usage_month")]);
                        setDecimal(ps, 6, cells[col.get("quantity")]);
                        setText(ps, 7, cells[col.get("unit")]);
                        ps.setBigDecimal(8, new BigDecimal(cells[col.get("revenue")]));
                        ps.setString(9, cells[col.get("currency")]);
                        ps.setLong(10, line);
                    });
            dropUnlessKept(c, db, opt);
        }
    }

    private static void dropUnlessKept(Connection c, String db, Map<String, String> opt) throws SQLException {
        if (!opt.containsKey("--keep")) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + db);
            }
        }
    }

    /**
     * One LOAD DATA LOCAL INFILE of the whole file, committed once: every header column goes to the
     * table column of its name (or {@code renamed}) through a variable, an empty cell becomes NULL
     * unless {@code computed} says otherwise; pay_period and source_line are set.
     */
    private static void loadFile(Connection c, Path file, String table, String period, Map<String, String> renamed,
            Map<String, String> computed) throws IOException, SQLException {
        String[] header;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = in.readLine().replace("\uFEFF", "").split(",", -1);
        }
        List<String> variables = new ArrayList<>();
        List<String> sets = new ArrayList<>(List.of("pay_period = '" + period + "'", "source_line = (@line := @line + 1)"));
        for (String name : header) {
            String column = name.trim().toLowerCase(Locale.ROOT);
            variables.add("@" + column);
            sets.add(renamed.getOrDefault(column, column) + " = "
                    + computed.getOrDefault(column, "NULLIF(@" + column + ", '')"));
        }
        long start = System.nanoTime();
        c.setAutoCommit(false);
        long rows;
        try (Statement s = c.createStatement()) {
            s.execute("SET @line = 1");
            rows = s.executeUpdate("LOAD DATA LOCAL INFILE '" + file.toRealPath() + "' INTO TABLE " + table
                    + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"'"
                    + " LINES TERMINATED BY '\\n' IGNORE 1 LINES (" + String.join(", ", variables) + ") SET "
                    + String.join(", ", sets));
            if (s.getWarnings() != null) {
                throw new IllegalStateException(file + ": " + s.getWarnings().getMessage());
            }
        }
        c.commit();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "raw+load-data %s rows=%d seconds=%.2f rows_per_s=%.0f%n", file.getFileName(),
                rows, seconds, rows / seconds);
    }

    interface Binder {
        void bind(PreparedStatement ps, Map<String, Integer> columns, String[] cells, long line) throws SQLException;
    }

    private static void load(Connection c, Path file, String sql, int batch, String variant, Binder binder)
            throws IOException, SQLException {
        long rows = 0;
        long start = System.nanoTime();
        c.setAutoCommit(false);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                PreparedStatement ps = c.prepareStatement(sql)) {
            Map<String, Integer> columns = new HashMap<>();
            String[] header = in.readLine().replace("\uFEFF", "").split(",", -1);
            for (int i = 0; i < header.length; i++) {
                columns.put(header[i].trim().toLowerCase(Locale.ROOT), i);
            }
            String text;
            long line = 1;
            int pending = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isEmpty()) {
                    continue;
                }
                binder.bind(ps, columns, text.split(",", -1), line);
                ps.addBatch();
                rows++;
                if (++pending == batch) {
                    ps.executeBatch();
                    c.commit();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
                c.commit();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "raw%s %s rows=%d seconds=%.2f rows_per_s=%.0f%n", variant.replace(' ', '+'),
                file.getFileName(), rows, seconds, rows / seconds);
    }

    private static void setText(PreparedStatement ps, int i, String value) throws SQLException {
        if (value.isEmpty()) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, value);
        }
    }

    private static void setDecimal(PreparedStatement ps, int i, String value) throws SQLException {
        if (value.isEmpty()) {
            ps.setNull(i, Types.DECIMAL);
        } else {
            ps.setBigDecimal(i, new BigDecimal(value));
        }
    }

    // the columns and primary keys of db/changelog/002-close.yaml (booking) and 004-usage-fx.yaml (billed_usage)
    private static final String BOOKING_DDL = """
            CREATE TABLE booking (
              pay_period varchar(7) NOT NULL, booking_id varchar(64) NOT NULL, booked_on date NOT NULL,
              account_id varchar(64) NOT NULL, account_name varchar(200), owner_rep_id varchar(64) NOT NULL,
              booking_type varchar(16) NOT NULL, product varchar(64) NOT NULL, acv decimal(19,4) NOT NULL,
              tcv decimal(19,4), term_months int NOT NULL, currency char(3) NOT NULL, sourced_by_rep_id varchar(64),
              bundle_id varchar(64), source_line bigint NOT NULL,
              CONSTRAINT pk_booking PRIMARY KEY (pay_period, booking_id))
            """;
    private static final String USAGE_DDL = """
            CREATE TABLE billed_usage (
              pay_period varchar(7) NOT NULL, usage_id varchar(64) NOT NULL, account_id varchar(64) NOT NULL,
              product varchar(64) NOT NULL, usage_month varchar(7) NOT NULL, quantity decimal(24,6), unit varchar(32),
              revenue decimal(19,4) NOT NULL, currency char(3) NOT NULL, source_line bigint NOT NULL,
              CONSTRAINT pk_billed_usage PRIMARY KEY (pay_period, usage_id))
            """;
    private static final String BOOKING_INSERT = """
            INSERT INTO booking (pay_period, booking_id, booked_on, account_id, account_name, owner_rep_id,
                booking_type, product, acv, tcv, term_months, currency, sourced_by_rep_id, bundle_id, source_line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String BOOKING_UPSERT = """

            ON DUPLICATE KEY UPDATE booked_on = VALUES(booked_on), account_id = VALUES(account_id),
                account_name = VALUES(account_name), owner_rep_id = VALUES(owner_rep_id),
                booking_type = VALUES(booking_type), product = VALUES(product), acv = VALUES(acv),
                tcv = VALUES(tcv), term_months = VALUES(term_months), currency = VALUES(currency),
                sourced_by_rep_id = VALUES(sourced_by_rep_id), bundle_id = VALUES(bundle_id),
                source_line = VALUES(source_line)""";
    private static final String USAGE_INSERT = """
            INSERT INTO billed_usage (pay_period, usage_id, account_id, product, usage_month, quantity, unit,
                revenue, currency, source_line)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String USAGE_UPSERT = """

            ON DUPLICATE KEY UPDATE account_id = VALUES(account_id), product = VALUES(product),
                usage_month = VALUES(usage_month), quantity = VALUES(quantity), unit = VALUES(unit),
                revenue = VALUES(revenue), currency = VALUES(currency), source_line = VALUES(source_line)""";
}
