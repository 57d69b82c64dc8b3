package io.compclose.intake;

import io.compclose.core.input.AccountOwner;
import io.compclose.core.input.Adjustment;
import io.compclose.core.input.BilledUsage;
import io.compclose.core.input.Booking;
import io.compclose.core.input.BookingType;
import io.compclose.core.input.Cancellation;
import io.compclose.core.input.DealAttributes;
import io.compclose.core.input.FxRate;
import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.RepFigure;
import io.compclose.core.input.Roster;
import io.compclose.core.input.Split;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.compclose.core.money.FxConversion;
import io.compclose.core.money.Money;
import io.compclose.system.BulkLoad;
import io.compclose.system.CloseProperties;
import io.compclose.system.ColumnText;
import io.compclose.system.StreamingResults;

import static io.compclose.intake.IntakeRepository.TableRows.date;
import static io.compclose.intake.IntakeRepository.TableRows.number;
import static io.compclose.intake.IntakeRepository.TableRows.text;
import static io.compclose.intake.IntakeRepository.TableRows.whole;
import io.compclose.core.plan.PayPeriod;

/**
 * Stores what intake accepted and rejected. Every write is an upsert on the natural key, so a
 * restarted or re-run step never duplicates a row. The large files (bookings, account owners, usage)
 * go through {@link BulkLoad} where the database allows it: its REPLACE leaves the rows an upsert would.
 */
@Repository
public class IntakeRepository {

    static final RowMapper<Reject> REJECT_ROW = (rs, i) -> new Reject(rs.getString(1), rs.getLong(2),
            rs.getString(3), rs.getString(4), rs.getString(5), Reject.Kind.valueOf(rs.getString(6)),
            rs.getString(7), rs.getString(8));

    private static final RowMapper<Booking> BOOKING_ROW = (rs, i) -> new Booking(rs.getString(1),
            rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4), rs.getString(5),
            BookingType.valueOf(rs.getString(6)), rs.getString(7), Money.of(rs.getBigDecimal(8), rs.getString(11)),
            rs.getBigDecimal(9) == null ? null : Money.of(rs.getBigDecimal(9), rs.getString(11)), rs.getInt(10),
            rs.getString(12), rs.getString(13), new DealAttributes(rs.getBigDecimal(14), rs.getBigDecimal(15),
                    rs.getObject(16, Integer.class)), rs.getLong(17));

    static final TableRows<RepAssignment> ASSIGNMENTS = TableRows.of("rep_assignment", 2,
            text("rep_id", RepAssignment::repId), date("effective_from", RepAssignment::effectiveFrom),
            date("effective_to", RepAssignment::effectiveTo), text("employee_id", RepAssignment::employeeId),
            text("name", RepAssignment::name), text("email", RepAssignment::email),
            text("role", a -> a.role().name()), text("manager_id", RepAssignment::managerId),
            text("team", RepAssignment::team), text("plan_id", RepAssignment::planId),
            text("pay_currency", RepAssignment::payCurrency), whole("source_line", RepAssignment::line));

    static final TableRows<Booking> BOOKINGS = TableRows.bulk("booking", 1,
            text("booking_id", Booking::bookingId), date("booked_on", Booking::bookedOn),
            text("account_id", Booking::accountId), text("account_name", Booking::accountName),
            text("owner_rep_id", Booking::ownerRepId), text("booking_type", b -> b.type().name()),
            text("product", Booking::product), number("acv", Booking::acv), number("tcv", Booking::tcv),
            whole("term_months", Booking::termMonths), text("currency", Booking::currency),
            text("sourced_by_rep_id", Booking::sourcedByRepId), text("bundle_id", Booking::bundleId),
            number("gross_margin_pct", b -> b.attributes().grossMarginPct()),
            number("discount_pct", b -> b.attributes().discountPct()),
            whole("payment_terms_days", b -> b.attributes().paymentTermsDays()),
            whole("source_line", Booking::line));

    static final TableRows<Cancellation> CANCELLATIONS = TableRows.of("cancellation", 1,
            text("cancellation_id", Cancellation::cancellationId), text("booking_id", Cancellation::bookingId),
            date("cancelled_on", Cancellation::cancelledOn), text("reason", c -> ColumnText.fit(c.reason(), 500)),
            whole("source_line", Cancellation::line));

    static final TableRows<RepFigure> FIGURES = TableRows.of("rep_figure", 2,
            text("source_file", RepFigure::sourceFile), text("source_id", RepFigure::sourceId),
            text("rep_id", RepFigure::repId), text("figure_period", RepFigure::period),
            text("metric", RepFigure::metric), number("figure_value", RepFigure::value),
            text("detail", RepFigure::detail), whole("source_line", RepFigure::line));

    /** Which line of a file was rejected and why: intake_reject's columns, and all the usage preview's rejects hold. */
    static final TableRows<Reject> REJECTS = TableRows.of("intake_reject", 2,
            text("source_file", Reject::file), whole("line_no", Reject::line), text("column_name", Reject::column),
            text("reason", r -> ColumnText.fit(r.reason(), 500)), text("raw_value", r -> ColumnText.fit(r.rawValue(), 2000)),
            text("kind", r -> r.kind().name()), text("booking_id", Reject::bookingId), text("rep_id", Reject::repId));

    /** The columns of {@link #REJECTS} that say whose row it was: only bookings and splits name anyone. */
    static final Set<String> REJECT_NAMING = Set.of("booking_id", "rep_id");

    static final TableRows<Split> SPLITS = TableRows.of("booking_split", 2,
            text("booking_id", Split::bookingId), text("rep_id", Split::repId), number("percent", Split::percent),
            text("split_role", Split::role), whole("source_line", Split::line));

    static final TableRows<Adjustment> ADJUSTMENTS = TableRows.of("adjustment", 1,
            text("adjustment_id", Adjustment::adjustmentId), text("rep_id", Adjustment::repId),
            number("amount", Adjustment::amount), text("currency", Adjustment::currency),
            text("reason", a -> ColumnText.fit(a.reason(), 500)),
            text("approved_by", a -> ColumnText.fit(a.approvedBy(), 128)), whole("source_line", Adjustment::line));

    /** A row of adjustments.csv, not one an inquiry's resolution merged in (INQ-&lt;id&gt;). */
    private static final String FILE_ADJUSTMENT = "adjustment_id NOT LIKE 'INQ-%'";

    static final TableRows<FxRate> FX_RATES = TableRows.of("fx_rate", 2,
            text("currency", FxRate::currency), text("rate_period", FxRate::ratePeriod),
            number("rate_to_base", FxRate::rateToBase), whole("source_line", FxRate::line));

    /** billed_usage; the usage intake's preview has the same columns. */
    static final TableRows<BilledUsage> USAGE = TableRows.bulk("billed_usage", 1,
            text("usage_id", BilledUsage::usageId), text("account_id", BilledUsage::accountId),
            text("product", BilledUsage::product), text("usage_month", u -> u.usageMonth().toString()),
            number("quantity", BilledUsage::quantity), text("unit", BilledUsage::unit),
            number("revenue", BilledUsage::revenue), text("currency", BilledUsage::currency),
            whole("source_line", BilledUsage::line));

    static final TableRows<AccountOwner> ACCOUNT_OWNERS = TableRows.bulk("account_owner", 4,
            text("account_id", AccountOwner::accountId), text("rep_id", AccountOwner::repId),
            text("owner_role", o -> o.role().name()), date("effective_from", AccountOwner::effectiveFrom),
            date("effective_to", AccountOwner::effectiveTo), whole("source_line", AccountOwner::line));

    /** The booking columns, in the order {@link #BOOKING_ROW} reads them. */
    private static final String BOOKING_COLUMNS = BOOKINGS.columnNames();

    static final String REJECT_COLUMNS = REJECTS.columnNames();

    private static final String ASSIGNMENT_COLUMNS = ASSIGNMENTS.selected();

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final String baseCurrency;
    private final BulkLoad bulkLoad;

    public IntakeRepository(JdbcTemplate jdbc, CloseProperties properties, BulkLoad bulkLoad) {
        this.jdbc = jdbc;
        this.client = JdbcClient.create(jdbc);
        this.baseCurrency = properties.baseCurrency();
        this.bulkLoad = bulkLoad;
    }

    public String baseCurrency() {
        return baseCurrency;
    }

    /** How many reps are active in the period. */
    public long activeReps(PayPeriod period) {
        return client.sql("SELECT COUNT(*) FROM active_rep WHERE pay_period = :period")
                .param("period", period.toString()).query(Long.class).single();
    }

    /** Stores a file's accepted rows in their table (see {@link TableRows#store}). */
    <T> void save(TableRows<T> table, String period, List<T> rows) {
        table.store(jdbc, bulkLoad, period, rows);
    }

    /** The period's cancellations accepted so far (a restarted step continues with them). */
    public Map<String, Cancellation> cancellations(String period) {
        return accepted(CANCELLATIONS, Cancellation.class, Cancellation::key, period);
    }

    /** The pay periods up to {@code period} that accepted bookings, the latest first. */
    public List<String> bookingPeriods(String period) {
        return client.sql("SELECT DISTINCT pay_period FROM booking WHERE pay_period <= :period ORDER BY pay_period DESC")
                .param("period", period).query(String.class).list();
    }

    /**
     * A booking as accepted in the period or before (the latest delivery), and the earlier period
     * that cancelled it, if any. The booking is looked up by primary key in each of
     * {@code bookingPeriods} (see {@link #bookingPeriods}), never by scanning every period's bookings.
     */
    public Optional<CancellationValidator.BookingHistory> bookingHistory(String bookingId, String period,
            List<String> bookingPeriods) {
        Optional<LocalDate> booked = bookingPeriods.stream()
                .flatMap(bookedIn -> client.sql("SELECT booked_on FROM booking WHERE pay_period = :period AND booking_id = :id")
                        .param("period", bookedIn).param("id", bookingId).query(LocalDate.class).optional().stream())
                .findFirst();
        return booked.map(day -> new CancellationValidator.BookingHistory(day, client.sql("""
                SELECT pay_period FROM cancellation WHERE booking_id = :id AND pay_period < :period ORDER BY pay_period
                """).param("id", bookingId).param("period", period).query(String.class).stream().findFirst()
                .orElse(null)));
    }

    /** The period's figures accepted so far from one file (a restarted step continues with them). */
    public Map<String, RepFigure> figures(String period, String file) {
        // read by position: "value", a component's name, is a reserved word in H2
        return client.sql("SELECT " + FIGURES.columnNames() + " FROM rep_figure WHERE pay_period = :period"
                + " AND source_file = :file").param("period", period).param("file", file)
                .query((rs, i) -> new RepFigure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getLong(8)))
                .stream().collect(Collectors.toMap(RepFigure::sourceId, f -> f));
    }

    public void saveRejects(String period, List<Reject> rejects) {
        REJECTS.upsert(jdbc, period, rejects);
    }

    /** The rep's latest roster row in any period: where their mail goes now. */
    public Optional<RepAssignment> latestAssignment(String repId) {
        return client.sql("SELECT " + ASSIGNMENT_COLUMNS
                + " FROM rep_assignment WHERE rep_id = :rep ORDER BY pay_period DESC, effective_from DESC")
                .param("rep", repId).query(RepAssignment.class).stream().findFirst();
    }

    public Roster roster(String period) {
        return new Roster(client.sql("SELECT " + ASSIGNMENT_COLUMNS
                + " FROM rep_assignment WHERE pay_period = :period ORDER BY rep_id, effective_from")
                .param("period", period).query(RepAssignment.class).list());
    }

    /**
     * Streams the period's bookings in booking id order: the crediting step's reader. {@code name} keys
     * its position in the step's context, so a restarted step goes on where it stopped.
     */
    public static JdbcCursorItemReader<Booking> bookingsToCredit(String name, DataSource dataSource, String period) {
        return new JdbcCursorItemReaderBuilder<Booking>()
                .name(name)
                .dataSource(dataSource)
                .sql("SELECT " + BOOKING_COLUMNS + " FROM booking WHERE pay_period = ? ORDER BY booking_id")
                .queryArguments(period)
                .rowMapper(BOOKING_ROW)
                .fetchSize(StreamingResults.fetchSize(dataSource))
                .verifyCursorPosition(false) // a streamed MySQL result set cannot tell its row number
                .build();
    }

    /** A booking accepted in the period, by id. */
    public Optional<Booking> booking(String period, String bookingId) {
        return client.sql("SELECT " + BOOKING_COLUMNS + " FROM booking WHERE pay_period = :period AND booking_id = :id")
                .param("period", period).param("id", bookingId).query(BOOKING_ROW).optional();
    }

    /**
     * The latest delivery before {@code period} of each booking id, looked up by id only when a filter
     * of the earlier periods' ids says it may be there (most bookings are new).
     */
    public java.util.function.Function<String, Optional<BookingValidator.EarlierDelivery>> earlierDeliveries(
            String period) {
        KeyFilter earlierIds = keys(jdbc, "SELECT booking_id FROM booking WHERE pay_period < ?", period);
        return id -> !earlierIds.mightContain(id) ? Optional.empty() : client.sql("SELECT " + BOOKING_COLUMNS
                + ", pay_period FROM booking WHERE booking_id = :id AND pay_period < :period ORDER BY pay_period DESC LIMIT 1")
                .param("id", id).param("period", period)
                .query((rs, i) -> new BookingValidator.EarlierDelivery(rs.getString(BOOKINGS.columns().size() + 1),
                        BOOKING_ROW.mapRow(rs, i)))
                .optional();
    }

    /** The locked periods: a booking dated in one of them is accepted late in a later period. */
    public java.util.Set<String> lockedPeriods() {
        return client.sql("SELECT pay_period FROM close_period WHERE locked_at IS NOT NULL").query(String.class)
                .stream().collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The booking ids accepted in the period so far (a restarted step continues with them). */
    public KeyFilter bookingIds(String period) {
        return keys(jdbc, "SELECT booking_id FROM booking WHERE pay_period = ?", period);
    }

    public List<Reject> rejects(String period) {
        return new ArrayList<>(client.sql("SELECT " + REJECT_COLUMNS + " FROM intake_reject WHERE pay_period = :period "
                + "ORDER BY source_file, line_no").param("period", period).query(REJECT_ROW).list());
    }

    /** Rows intake accepted from a file in the period. */
    public long countRows(InputFile file, String period) {
        // the table name is a constant of InputFile, never input
        return client.sql("SELECT COUNT(*) FROM " + file.table() + " WHERE pay_period = :period"
                + (file.ownsTable() ? "" : " AND source_file = :file")
                + (file == InputFile.ADJUSTMENTS ? " AND " + FILE_ADJUSTMENT : "")).param("period", period)
                .param("file", file.fileName()).query(Long.class).single();
    }

    /** How many rows of a file the period rejected, by kind (REJECTED, DUPLICATE). */
    public Map<String, Long> rejectCounts(String period, String file) {
        return counts("SELECT kind, COUNT(*) FROM intake_reject WHERE pay_period = :period AND source_file = :file "
                + "GROUP BY kind", Map.of("period", period, "file", file));
    }

    /** The bookings rejected as dated outside the pay period, by the month they are dated in (YYYY-MM). */
    public Map<String, Long> bookingsOutsideThePeriod(String period, String file) {
        return counts("""
                SELECT SUBSTRING(raw_value, 1, 7), COUNT(*) FROM intake_reject
                WHERE pay_period = :period AND source_file = :file AND column_name = 'booked_on'
                    AND reason LIKE 'outside the pay period%'
                GROUP BY SUBSTRING(raw_value, 1, 7)
                """, Map.of("period", period, "file", file));
    }

    /** Forgets a file's rejects in the period: its step starts over, and rejects it again where it must. */
    public void forgetRejects(String period, String file) {
        client.sql("DELETE FROM intake_reject WHERE pay_period = :period AND source_file = :file")
                .param("period", period).param("file", file).update();
    }

    /** The rejects of one file in the period, in line order. */
    public List<Reject> rejects(String period, String file) {
        return client.sql("SELECT " + REJECT_COLUMNS + " FROM intake_reject WHERE pay_period = :period "
                + "AND source_file = :file ORDER BY line_no").param("period", period).param("file", file)
                .query(REJECT_ROW).list();
    }

    /** The period's splits accepted so far, by {@link Split#key()}. */
    public Map<String, Split> splits(String period) {
        return accepted(SPLITS, Split.class, Split::key, period);
    }

    /** The period's adjustments accepted so far (a restarted step continues with them). */
    public Map<String, Adjustment> adjustments(String period) {
        // read by position: Money is two columns, which no component name maps
        return client.sql("SELECT " + ADJUSTMENTS.columnNames() + " FROM adjustment WHERE pay_period = :period AND "
                        + FILE_ADJUSTMENT)
                .param("period", period).query((rs, i) -> new Adjustment(rs.getString(1), rs.getString(2),
                Money.of(rs.getBigDecimal(3), rs.getString(4)), rs.getString(5), rs.getString(6), rs.getLong(7)))
                .stream().collect(Collectors.toMap(Adjustment::key, row -> row));
    }

    /**
     * Merges the adjustments inquiries were resolved with into the period's, as adjustment INQ-&lt;id&gt;: those
     * due by the period, of a rep on its roster in their currency, and never merged before (an inquiry's
     * adjustment is paid once, whichever close takes it). One statement, so a restart or a re-read of
     * adjustments.csv (which clears the period's adjustments) merges them again exactly once.
     */
    public int mergeInquiryAdjustments(String period) {
        return client.sql("""
                INSERT INTO adjustment (pay_period, adjustment_id, rep_id, amount, currency, reason, approved_by,
                    source_line)
                SELECT :period, i.adjustment_id, i.rep_id, i.amount, i.currency, i.reason, i.approved_by, 0
                FROM inquiry_adjustment i
                WHERE i.target_period <= :period
                AND EXISTS (SELECT 1 FROM rep_assignment r WHERE r.pay_period = :period AND r.rep_id = i.rep_id
                    AND r.pay_currency = i.currency)
                AND NOT EXISTS (SELECT 1 FROM adjustment a WHERE a.adjustment_id = i.adjustment_id)
                """).param("period", period).update();
    }

    /** The earlier period that accepted (and so paid) an adjustment id, if any. */
    public Optional<String> adjustmentPaidIn(String adjustmentId, String period) {
        return client.sql("""
                SELECT pay_period FROM adjustment WHERE adjustment_id = :id AND pay_period < :period ORDER BY pay_period
                """).param("id", adjustmentId).param("period", period).query(String.class).stream().findFirst();
    }

    /** The rates the period's delivery holds so far (a restarted step continues with them). */
    public Map<String, FxRate> fxRatesDelivered(String period) {
        return accepted(FX_RATES, FxRate.class, FxRate::key, period);
    }

    /** The rate an earlier pay period's delivery holds for a currency and month, the latest first. */
    public Optional<BigDecimal> earlierFxRate(String period, String currency, String ratePeriod) {
        return client.sql("""
                SELECT rate_to_base FROM fx_rate WHERE pay_period < :period AND currency = :currency
                    AND rate_period = :month ORDER BY pay_period DESC
                """).param("period", period).param("currency", currency).param("month", ratePeriod)
                .query(BigDecimal.class).stream().findFirst().map(BigDecimal::stripTrailingZeros);
    }

    /** The rates of one month as known by the close of {@code period}: the latest delivery of each currency. */
    public FxConversion fxRates(String period, String ratePeriod) {
        Map<String, BigDecimal> rates = new HashMap<>();
        client.sql("""
                SELECT currency, rate_to_base FROM fx_rate WHERE pay_period <= :period AND rate_period = :month
                ORDER BY pay_period
                """).param("period", period).param("month", ratePeriod)
                .query((RowCallbackHandler) rs -> rates.put(rs.getString(1), rs.getBigDecimal(2)));
        return new FxConversion(baseCurrency, rates, ratePeriod);
    }

    /** A usage row accepted in the period, by id. */
    public Optional<BilledUsage> usage(String period, String usageId) {
        return usageRow(client, USAGE.table(), period, usageId);
    }

    /** A usage row of {@code table} (billed_usage or its preview, a caller's constant) by period and id. */
    static Optional<BilledUsage> usageRow(JdbcClient client, String table, String period, String usageId) {
        return client.sql("SELECT " + USAGE.columnNames() + " FROM " + table
                + " WHERE pay_period = :period AND usage_id = :id")
                .param("period", period).param("id", usageId)
                .query((rs, i) -> new BilledUsage(rs.getString(1), rs.getString(2), rs.getString(3),
                        YearMonth.parse(rs.getString(4)), rs.getBigDecimal(5), rs.getString(6),
                        Money.of(rs.getBigDecimal(7), rs.getString(8)), rs.getLong(9))).optional();
    }

    /** The usage ids accepted in the period so far (a restarted step continues with them). */
    public KeyFilter usageIds(String period) {
        return keys(jdbc, "SELECT usage_id FROM billed_usage WHERE pay_period = ?", period);
    }

    /** The keys a query of one period returns, streamed into a filter (see {@link StreamingResults}). */
    static KeyFilter keys(JdbcTemplate jdbc, String sql, String period) {
        KeyFilter filter = KeyFilter.standard();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(StreamingResults.fetchSize(connection));
            statement.setString(1, period);
            return statement;
        }, (RowCallbackHandler) rs -> filter.add(rs.getString(1)));
        return filter;
    }

    /** The period's account owners accepted so far (a restarted step continues with them). */
    public Map<String, AccountOwner> accountOwners(String period) {
        return accepted(ACCOUNT_OWNERS, AccountOwner.class, AccountOwner::key, period);
    }

    /** The period's rows of a table, by their key: what a restarted step has accepted so far. */
    private <T> Map<String, T> accepted(TableRows<T> table, Class<T> type, Function<T, String> key, String period) {
        return byKey(type, key, "SELECT " + table.selected() + " FROM " + table.table() + " WHERE pay_period = :period",
                Map.of("period", period));
    }

    /** The rows a query returns, each made into the record by its column names, by their key. */
    private <T> Map<String, T> byKey(Class<T> type, Function<T, String> key, String sql, Map<String, ?> params) {
        return client.sql(sql).params(params).query(type).stream().collect(Collectors.toMap(key, row -> row));
    }

    /** Rejected rows per file (identical re-deliveries not counted). */
    public Map<String, Long> rejectsByFile(String period) {
        return counts("""
                SELECT source_file, COUNT(*) FROM intake_reject WHERE pay_period = :period AND kind = 'REJECTED'
                GROUP BY source_file ORDER BY source_file
                """, Map.of("period", period));
    }

    /** Identical re-deliveries of a row, skipped rather than rejected. */
    public long duplicates(String period) {
        return client.sql("SELECT COUNT(*) FROM intake_reject WHERE pay_period = :period AND kind = 'DUPLICATE'")
                .param("period", period).query(Long.class).single();
    }

    /** A count by name, in the query's order. */
    private Map<String, Long> counts(String sql, Map<String, ?> params) {
        Map<String, Long> counts = new LinkedHashMap<>();
        client.sql(sql).params(params).query((RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    /**
     * A table intake writes, and how an accepted row fills its columns: the one definition that both the
     * batched upsert and {@link BulkLoad} use. Every table is keyed by pay period first, then by its
     * {@code keys} leading columns; a row stored again under its key replaces the earlier one's other columns.
     */
    record TableRows<T>(String table, int keys, boolean bulk, List<Column<T>> columns) {

        /** The columns named otherwise than the component of the row's record they hold. */
        private static final Map<String, String> COMPONENTS = Map.of("source_line", "line", "split_role", "role",
                "owner_role", "role");

        /** A column, its JDBC type (the batched INSERT binds with it, never asking the driver) and its value. */
        record Column<T>(String name, int sqlType, Function<T, Object> value) {
        }

        static <T> Column<T> text(String name, Function<T, Object> value) {
            return new Column<>(name, Types.VARCHAR, value);
        }

        static <T> Column<T> date(String name, Function<T, Object> value) {
            return new Column<>(name, Types.DATE, value);
        }

        /** A decimal column; an amount of {@link Money} is stored as its amount, next to a currency column. */
        static <T> Column<T> number(String name, Function<T, Object> value) {
            return new Column<>(name, Types.DECIMAL, value.andThen(v -> v instanceof Money m ? m.amount() : v));
        }

        static <T> Column<T> whole(String name, Function<T, Object> value) {
            return new Column<>(name, Types.BIGINT, value);
        }

        @SafeVarargs
        static <T> TableRows<T> of(String table, int keys, Column<T>... columns) {
            return new TableRows<>(table, keys, false, List.of(columns));
        }

        /** A large table (millions of rows), stored through {@link BulkLoad} where the database allows it. */
        @SafeVarargs
        static <T> TableRows<T> bulk(String table, int keys, Column<T>... columns) {
            return new TableRows<>(table, keys, true, List.of(columns));
        }

        /** The same columns in another table, stored by upsert (the usage intake's preview of billed_usage). */
        TableRows<T> in(String otherTable) {
            return new TableRows<>(otherTable, keys, false, columns);
        }

        /** The columns after pay_period, in their order here. */
        String columnNames() {
            return columns.stream().map(Column::name).collect(Collectors.joining(", "));
        }

        /** The columns named as the components of the row's record, which reads them back by name. */
        String selected() {
            return columns.stream().map(c -> COMPONENTS.containsKey(c.name()) ? c.name() + " AS "
                    + COMPONENTS.get(c.name()) : c.name()).collect(Collectors.joining(", "));
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

        /** Stores the rows: a bulk table's through LOAD DATA where the database allows it, else by {@link #upsert}. */
        void store(JdbcTemplate jdbc, BulkLoad bulkLoad, String period, List<T> rows) {
            if (bulk && bulkLoad.available()) {
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
}
