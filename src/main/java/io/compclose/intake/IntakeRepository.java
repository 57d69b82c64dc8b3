package io.compclose.intake;

import io.compclose.core.input.AccountOwner;
import io.compclose.core.input.Adjustment;
import io.compclose.core.input.BilledUsage;
import io.compclose.core.input.Booking;
import io.compclose.core.input.BookingType;
import io.compclose.core.input.Cancellation;
import io.compclose.core.input.FxRate;
import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.RepFigure;
import io.compclose.core.input.Role;
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

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import io.compclose.core.money.FxConversion;
import io.compclose.system.BulkLoad;
import io.compclose.system.CloseProperties;
import io.compclose.system.ColumnText;
import io.compclose.system.StreamingResults;

/**
 * Stores what intake accepted and rejected. Every write is an upsert on the natural key, so a
 * restarted or re-run step never duplicates a row. The large files (bookings, account owners, usage)
 * go through {@link BulkLoad} where the database allows it: its REPLACE leaves the rows an upsert would.
 */
@Repository
public class IntakeRepository {

    /** The booking columns in the order {@link #BOOKING_ROW} reads them. */
    private static final String BOOKING_COLUMNS = "booking_id, booked_on, account_id, account_name, owner_rep_id, "
            + "booking_type, product, acv, tcv, term_months, currency, sourced_by_rep_id, bundle_id, source_line";

    private static final String REJECT_COLUMNS = "source_file, line_no, column_name, reason, raw_value, kind";

    private static final RowMapper<Reject> REJECT_ROW = (rs, i) -> new Reject(rs.getString(1), rs.getLong(2),
            rs.getString(3), rs.getString(4), rs.getString(5), Reject.Kind.valueOf(rs.getString(6)));

    private static final RowMapper<Booking> BOOKING_ROW = (rs, i) -> new Booking(rs.getString(1),
            rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4), rs.getString(5),
            BookingType.valueOf(rs.getString(6)), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
            rs.getInt(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getLong(14));

    private static final String BOOKING_LOAD_COLUMNS = "pay_period, " + BOOKING_COLUMNS;
    private static final String USAGE_LOAD_COLUMNS = "pay_period, usage_id, account_id, product, usage_month, "
            + "quantity, unit, revenue, currency, source_line";
    private static final String ACCOUNT_OWNER_LOAD_COLUMNS = "pay_period, account_id, rep_id, owner_role, "
            + "effective_from, effective_to, source_line";

    private final JdbcTemplate jdbc;
    private final String baseCurrency;
    private final BulkLoad bulkLoad;

    public IntakeRepository(JdbcTemplate jdbc, CloseProperties properties, BulkLoad bulkLoad) {
        this.jdbc = jdbc;
        this.baseCurrency = properties.baseCurrency();
        this.bulkLoad = bulkLoad;
    }

    public String baseCurrency() {
        return baseCurrency;
    }

    /** How many reps are active in the period. */
    public long activeReps(YearMonth period) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM active_rep WHERE pay_period = ?", Long.class,
                period.toString());
    }

    public void saveAssignments(String period, List<RepAssignment> rows) {
        jdbc.batchUpdate("""
                INSERT INTO rep_assignment (pay_period, rep_id, effective_from, effective_to, employee_id, name, email,
                    role, manager_id, team, plan_id, pay_currency, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE effective_to = VALUES(effective_to), employee_id = VALUES(employee_id),
                    name = VALUES(name), email = VALUES(email), role = VALUES(role), manager_id = VALUES(manager_id),
                    team = VALUES(team), plan_id = VALUES(plan_id), pay_currency = VALUES(pay_currency),
                    source_line = VALUES(source_line)
                """, rows, rows.size(), (ps, a) -> {
            ps.setString(1, period);
            ps.setString(2, a.repId());
            ps.setObject(3, a.effectiveFrom(), Types.DATE);
            ps.setObject(4, a.effectiveTo(), Types.DATE);
            ps.setString(5, a.employeeId());
            ps.setString(6, a.name());
            ps.setString(7, a.email());
            ps.setString(8, a.role().name());
            ps.setString(9, a.managerId());
            ps.setString(10, a.team());
            ps.setString(11, a.planId());
            ps.setString(12, a.payCurrency());
            ps.setLong(13, a.line());
        });
    }

    public void saveBookings(String period, List<Booking> rows) {
        if (bulkLoad.available()) {
            bulkLoad.replace("booking", BOOKING_LOAD_COLUMNS, rows, b -> new Object[] {period, b.bookingId(),
                    b.bookedOn(), b.accountId(), b.accountName(), b.ownerRepId(), b.type().name(), b.product(), b.acv(),
                    b.tcv(), b.termMonths(), b.currency(), b.sourcedByRepId(), b.bundleId(), b.line()});
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO booking (pay_period, booking_id, booked_on, account_id, account_name, owner_rep_id,
                    booking_type, product, acv, tcv, term_months, currency, sourced_by_rep_id, bundle_id, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE booked_on = VALUES(booked_on), account_id = VALUES(account_id),
                    account_name = VALUES(account_name), owner_rep_id = VALUES(owner_rep_id),
                    booking_type = VALUES(booking_type), product = VALUES(product), acv = VALUES(acv),
                    tcv = VALUES(tcv), term_months = VALUES(term_months), currency = VALUES(currency),
                    sourced_by_rep_id = VALUES(sourced_by_rep_id), bundle_id = VALUES(bundle_id),
                    source_line = VALUES(source_line)
                """, rows, rows.size(), (ps, b) -> {
            ps.setString(1, period);
            ps.setString(2, b.bookingId());
            ps.setObject(3, b.bookedOn(), Types.DATE);
            ps.setString(4, b.accountId());
            ps.setString(5, b.accountName());
            ps.setString(6, b.ownerRepId());
            ps.setString(7, b.type().name());
            ps.setString(8, b.product());
            ps.setBigDecimal(9, b.acv());
            ps.setBigDecimal(10, b.tcv());
            ps.setInt(11, b.termMonths());
            ps.setString(12, b.currency());
            ps.setString(13, b.sourcedByRepId());
            ps.setString(14, b.bundleId());
            ps.setLong(15, b.line());
        });
    }

    public void saveCancellations(String period, List<Cancellation> rows) {
        jdbc.batchUpdate("""
                INSERT INTO cancellation (pay_period, cancellation_id, booking_id, cancelled_on, reason, source_line)
                VALUES (?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE booking_id = VALUES(booking_id), cancelled_on = VALUES(cancelled_on),
                    reason = VALUES(reason), source_line = VALUES(source_line)
                """, rows, rows.size(), (ps, c) -> {
            ps.setString(1, period);
            ps.setString(2, c.cancellationId());
            ps.setString(3, c.bookingId());
            ps.setObject(4, c.cancelledOn(), Types.DATE);
            ps.setString(5, ColumnText.fit(c.reason(), 500));
            ps.setLong(6, c.line());
        });
    }

    /** The period's cancellations accepted so far (a restarted step continues with them). */
    public Map<String, Cancellation> cancellations(String period) {
        Map<String, Cancellation> result = new HashMap<>();
        jdbc.query("""
                SELECT cancellation_id, booking_id, cancelled_on, reason, source_line FROM cancellation
                WHERE pay_period = ?
                """, rs -> {
            Cancellation c = new Cancellation(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                    rs.getString(4), rs.getLong(5));
            result.put(c.cancellationId(), c);
        }, period);
        return result;
    }

    /** The pay periods up to {@code period} that accepted bookings, the latest first. */
    public List<String> bookingPeriods(String period) {
        return jdbc.queryForList("""
                SELECT DISTINCT pay_period FROM booking WHERE pay_period <= ? ORDER BY pay_period DESC
                """, String.class, period);
    }

    /**
     * A booking as accepted in the period or before (the latest delivery), and the earlier period
     * that cancelled it, if any. The booking is looked up by primary key in each of
     * {@code bookingPeriods} (see {@link #bookingPeriods}), never by scanning every period's bookings.
     */
    public Optional<CancellationValidator.BookingHistory> bookingHistory(String bookingId, String period,
            List<String> bookingPeriods) {
        LocalDate booked = null;
        for (String bookedIn : bookingPeriods) {
            List<LocalDate> day = jdbc.query("SELECT booked_on FROM booking WHERE pay_period = ? AND booking_id = ?",
                    (rs, i) -> rs.getObject(1, LocalDate.class), bookedIn, bookingId);
            if (!day.isEmpty()) {
                booked = day.get(0);
                break;
            }
        }
        if (booked == null) {
            return Optional.empty();
        }
        List<String> cancelledIn = jdbc.queryForList("""
                SELECT pay_period FROM cancellation WHERE booking_id = ? AND pay_period < ? ORDER BY pay_period
                """, String.class, bookingId, period);
        return Optional.of(new CancellationValidator.BookingHistory(booked,
                cancelledIn.isEmpty() ? null : cancelledIn.get(0)));
    }

    public void saveFigures(String period, List<RepFigure> rows) {
        jdbc.batchUpdate("""
                INSERT INTO rep_figure (pay_period, source_file, source_id, rep_id, figure_period, metric, figure_value,
                    detail, source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE rep_id = VALUES(rep_id), figure_period = VALUES(figure_period),
                    metric = VALUES(metric), figure_value = VALUES(figure_value), detail = VALUES(detail),
                    source_line = VALUES(source_line)
                """, rows, rows.size(), (ps, f) -> {
            ps.setString(1, period);
            ps.setString(2, f.sourceFile());
            ps.setString(3, f.sourceId());
            ps.setString(4, f.repId());
            ps.setString(5, f.period());
            ps.setString(6, f.metric());
            ps.setBigDecimal(7, f.value());
            ps.setString(8, f.detail());
            ps.setLong(9, f.line());
        });
    }

    /** The period's figures accepted so far from one file (a restarted step continues with them). */
    public Map<String, RepFigure> figures(String period, String file) {
        Map<String, RepFigure> result = new HashMap<>();
        jdbc.query("""
                SELECT source_file, source_id, rep_id, figure_period, metric, figure_value, detail, source_line
                FROM rep_figure WHERE pay_period = ? AND source_file = ?
                """, rs -> {
            RepFigure f = new RepFigure(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getLong(8));
            result.put(f.sourceId(), f);
        }, period, file);
        return result;
    }

    public void saveRejects(String period, List<Reject> rejects) {
        jdbc.batchUpdate("""
                INSERT INTO intake_reject (pay_period, source_file, line_no, column_name, reason, raw_value, kind)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE column_name = VALUES(column_name), reason = VALUES(reason),
                    raw_value = VALUES(raw_value), kind = VALUES(kind)
                """, rejects, rejects.size(), (ps, r) -> {
            ps.setString(1, period);
            ps.setString(2, r.file());
            ps.setLong(3, r.line());
            ps.setString(4, r.column());
            ps.setString(5, ColumnText.fit(r.reason(), 500));
            ps.setString(6, ColumnText.fit(r.rawValue(), 2000));
            ps.setString(7, r.kind().name());
        });
    }

    /** The rep's latest roster row in any period: where their mail goes now. */
    public Optional<RepAssignment> latestAssignment(String repId) {
        return jdbc.query("""
                SELECT rep_id, employee_id, name, email, role, manager_id, team, plan_id, pay_currency,
                       effective_from, effective_to, source_line
                FROM rep_assignment WHERE rep_id = ? ORDER BY pay_period DESC, effective_from DESC
                """, ASSIGNMENT_ROW, repId).stream().findFirst();
    }

    private static final RowMapper<RepAssignment> ASSIGNMENT_ROW = (rs, i) -> new RepAssignment(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getString(4), Role.valueOf(rs.getString(5)), rs.getString(6),
            rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class),
            rs.getObject(11, LocalDate.class), rs.getLong(12));

    public Roster roster(String period) {
        return new Roster(jdbc.query("""
                SELECT rep_id, employee_id, name, email, role, manager_id, team, plan_id, pay_currency,
                       effective_from, effective_to, source_line
                FROM rep_assignment WHERE pay_period = ? ORDER BY rep_id, effective_from
                """, ASSIGNMENT_ROW, period));
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
        return jdbc.query("SELECT " + BOOKING_COLUMNS + " FROM booking WHERE pay_period = ? AND booking_id = ?",
                BOOKING_ROW, period, bookingId).stream().findFirst();
    }

    /**
     * The latest delivery before {@code period} of each booking id, looked up by id only when a filter
     * of the earlier periods' ids says it may be there (most bookings are new).
     */
    public java.util.function.Function<String, Optional<BookingValidator.EarlierDelivery>> earlierDeliveries(
            String period) {
        KeyFilter earlierIds = keys("SELECT booking_id FROM booking WHERE pay_period < ?", period);
        return id -> !earlierIds.mightContain(id) ? Optional.empty() : jdbc.query("SELECT " + BOOKING_COLUMNS
                + ", pay_period FROM booking WHERE booking_id = ? AND pay_period < ? ORDER BY pay_period DESC LIMIT 1",
                (rs, i) -> new BookingValidator.EarlierDelivery(rs.getString(15), BOOKING_ROW.mapRow(rs, i)),
                id, period).stream().findFirst();
    }

    /** The locked periods: a booking dated in one of them is accepted late in a later period. */
    public java.util.Set<YearMonth> lockedPeriods() {
        return jdbc.queryForList("SELECT pay_period FROM close_period WHERE locked_at IS NOT NULL", String.class)
                .stream().map(YearMonth::parse).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The booking ids accepted in the period so far (a restarted step continues with them). */
    public KeyFilter bookingIds(String period) {
        return keys("SELECT booking_id FROM booking WHERE pay_period = ?", period);
    }

    public List<Reject> rejects(String period) {
        return new ArrayList<>(jdbc.query("SELECT " + REJECT_COLUMNS + " FROM intake_reject WHERE pay_period = ? "
                + "ORDER BY source_file, line_no", REJECT_ROW, period));
    }

    /** Rows intake accepted from a file in the period. */
    public long countRows(InputFile file, String period) {
        // the table name is a constant of InputFile, never input
        return file.ownsTable()
                ? jdbc.queryForObject("SELECT COUNT(*) FROM " + file.table() + " WHERE pay_period = ?", Long.class,
                        period)
                : jdbc.queryForObject("SELECT COUNT(*) FROM " + file.table() + " WHERE pay_period = ? AND source_file = ?",
                        Long.class, period, file.fileName());
    }

    /** How many rows of a file the period rejected, by kind (REJECTED, DUPLICATE). */
    public Map<String, Long> rejectCounts(String period, String file) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT kind, COUNT(*) FROM intake_reject WHERE pay_period = ? AND source_file = ? GROUP BY kind",
                (RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)), period, file);
        return counts;
    }

    /** The bookings rejected as dated outside the pay period, by the month they are dated in (YYYY-MM). */
    public Map<String, Long> bookingsOutsideThePeriod(String period, String file) {
        Map<String, Long> months = new HashMap<>();
        jdbc.query("""
                SELECT SUBSTRING(raw_value, 1, 7), COUNT(*) FROM intake_reject
                WHERE pay_period = ? AND source_file = ? AND column_name = 'booked_on'
                    AND reason LIKE 'outside the pay period%'
                GROUP BY SUBSTRING(raw_value, 1, 7)
                """, (RowCallbackHandler) rs -> months.put(rs.getString(1), rs.getLong(2)), period, file);
        return months;
    }

    /** Forgets a file's rejects in the period: its step starts over, and rejects it again where it must. */
    public void forgetRejects(String period, String file) {
        jdbc.update("DELETE FROM intake_reject WHERE pay_period = ? AND source_file = ?", period, file);
    }

    /** The rejects of one file in the period, in line order. */
    public List<Reject> rejects(String period, String file) {
        return jdbc.query("SELECT " + REJECT_COLUMNS + " FROM intake_reject WHERE pay_period = ? AND source_file = ? "
                + "ORDER BY line_no", REJECT_ROW, period, file);
    }

    public void saveSplits(String period, List<Split> rows) {
        jdbc.batchUpdate("""
                INSERT INTO booking_split (pay_period, booking_id, rep_id, percent, split_role, source_line)
                VALUES (?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE percent = VALUES(percent), split_role = VALUES(split_role),
                    source_line = VALUES(source_line)
                """, rows, rows.size(), (ps, s) -> {
            ps.setString(1, period);
            ps.setString(2, s.bookingId());
            ps.setString(3, s.repId());
            ps.setBigDecimal(4, s.percent());
            ps.setString(5, s.role());
            ps.setLong(6, s.line());
        });
    }

    /** The period's splits accepted so far, by {@link Split#key()}. */
    public Map<String, Split> splits(String period) {
        Map<String, Split> result = new HashMap<>();
        jdbc.query("""
                SELECT booking_id, rep_id, percent, split_role, source_line FROM booking_split WHERE pay_period = ?
                """, rs -> {
            Split s = new Split(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4), rs.getLong(5));
            result.put(s.key(), s);
        }, period);
        return result;
    }

    public void saveAdjustments(String period, List<Adjustment> rows) {
        jdbc.batchUpdate("""
                INSERT INTO adjustment (pay_period, adjustment_id, rep_id, amount, currency, reason, approved_by,
                    source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE rep_id = VALUES(rep_id), amount = VALUES(amount), currency = VALUES(currency),
                    reason = VALUES(reason), approved_by = VALUES(approved_by), source_line = VALUES(source_line)
                """, rows, rows.size(), (ps, a) -> {
            ps.setString(1, period);
            ps.setString(2, a.adjustmentId());
            ps.setString(3, a.repId());
            ps.setBigDecimal(4, a.amount());
            ps.setString(5, a.currency());
            ps.setString(6, ColumnText.fit(a.reason(), 500));
            ps.setString(7, ColumnText.fit(a.approvedBy(), 128));
            ps.setLong(8, a.line());
        });
    }

    /** The period's adjustments accepted so far (a restarted step continues with them). */
    public Map<String, Adjustment> adjustments(String period) {
        Map<String, Adjustment> result = new HashMap<>();
        jdbc.query("""
                SELECT adjustment_id, rep_id, amount, currency, reason, approved_by, source_line FROM adjustment
                WHERE pay_period = ?
                """, rs -> {
            Adjustment a = new Adjustment(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getLong(7));
            result.put(a.adjustmentId(), a);
        }, period);
        return result;
    }

    /** The earlier period that accepted (and so paid) an adjustment id, if any. */
    public Optional<String> adjustmentPaidIn(String adjustmentId, String period) {
        return jdbc.queryForList("""
                SELECT pay_period FROM adjustment WHERE adjustment_id = ? AND pay_period < ? ORDER BY pay_period
                """, String.class, adjustmentId, period).stream().findFirst();
    }

    public void saveFxRates(String period, List<FxRate> rows) {
        jdbc.batchUpdate("""
                INSERT INTO fx_rate (pay_period, currency, rate_period, rate_to_base, source_line) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE rate_to_base = VALUES(rate_to_base), source_line = VALUES(source_line)
                """, rows, rows.size(), (ps, r) -> {
            ps.setString(1, period);
            ps.setString(2, r.currency());
            ps.setString(3, r.ratePeriod());
            ps.setBigDecimal(4, r.rateToBase());
            ps.setLong(5, r.line());
        });
    }

    /** The rates the period's delivery holds so far (a restarted step continues with them). */
    public Map<String, FxRate> fxRatesDelivered(String period) {
        Map<String, FxRate> result = new HashMap<>();
        jdbc.query("SELECT currency, rate_period, rate_to_base, source_line FROM fx_rate WHERE pay_period = ?", rs -> {
            FxRate r = new FxRate(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getLong(4));
            result.put(r.key(), r);
        }, period);
        return result;
    }

    /** The rate an earlier pay period's delivery holds for a currency and month, the latest first. */
    public Optional<BigDecimal> earlierFxRate(String period, String currency, String ratePeriod) {
        return jdbc.query("""
                SELECT rate_to_base FROM fx_rate WHERE pay_period < ? AND currency = ? AND rate_period = ?
                ORDER BY pay_period DESC
                """, (rs, i) -> rs.getBigDecimal(1).stripTrailingZeros(), period, currency, ratePeriod).stream()
                .findFirst();
    }

    /** The rates of one month as known by the close of {@code period}: the latest delivery of each currency. */
    public FxConversion fxRates(String period, String ratePeriod) {
        Map<String, BigDecimal> rates = new HashMap<>();
        jdbc.query("""
                SELECT currency, rate_to_base FROM fx_rate WHERE pay_period <= ? AND rate_period = ?
                ORDER BY pay_period
                """, rs -> {
            rates.put(rs.getString(1), rs.getBigDecimal(2));
        }, period, ratePeriod);
        return new FxConversion(baseCurrency, rates, ratePeriod);
    }

    public void saveUsage(String period, List<BilledUsage> rows) {
        if (bulkLoad.available()) {
            bulkLoad.replace("billed_usage", USAGE_LOAD_COLUMNS, rows, u -> new Object[] {period, u.usageId(),
                    u.accountId(), u.product(), u.usageMonth(), u.quantity(), u.unit(), u.revenue(), u.currency(),
                    u.line()});
        } else {
            insertUsage(jdbc, "billed_usage", period, rows);
        }
    }

    /**
     * Inserts usage rows into {@code table} (billed_usage, or the usage intake's preview: the same
     * columns); a row already there, from before a restart, is replaced.
     */
    static void insertUsage(JdbcTemplate jdbc, String table, String period, List<BilledUsage> rows) {
        // the table name is a caller's constant, never input
        jdbc.batchUpdate("INSERT INTO " + table + """
                 (pay_period, usage_id, account_id, product, usage_month, quantity, unit, revenue, currency,
                    source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE account_id = VALUES(account_id), product = VALUES(product),
                    usage_month = VALUES(usage_month), quantity = VALUES(quantity), unit = VALUES(unit),
                    revenue = VALUES(revenue), currency = VALUES(currency), source_line = VALUES(source_line)
                """, rows, rows.size(), (ps, u) -> {
            ps.setString(1, period);
            ps.setString(2, u.usageId());
            ps.setString(3, u.accountId());
            ps.setString(4, u.product());
            ps.setString(5, u.usageMonth().toString());
            ps.setBigDecimal(6, u.quantity());
            ps.setString(7, u.unit());
            ps.setBigDecimal(8, u.revenue());
            ps.setString(9, u.currency());
            ps.setLong(10, u.line());
        });
    }

    /** A usage row accepted in the period, by id. */
    public Optional<BilledUsage> usage(String period, String usageId) {
        return usageRow(jdbc, "billed_usage", period, usageId);
    }

    /** A usage row of {@code table} (a caller's constant) by period and id. */
    static Optional<BilledUsage> usageRow(JdbcTemplate jdbc, String table, String period, String usageId) {
        return jdbc.query("SELECT usage_id, account_id, product, usage_month, quantity, unit, revenue, currency, "
                + "source_line FROM " + table + " WHERE pay_period = ? AND usage_id = ?",
                (rs, i) -> new BilledUsage(rs.getString(1), rs.getString(2), rs.getString(3),
                        YearMonth.parse(rs.getString(4)), rs.getBigDecimal(5), rs.getString(6), rs.getBigDecimal(7),
                        rs.getString(8), rs.getLong(9)), period, usageId).stream().findFirst();
    }

    /** The usage ids accepted in the period so far (a restarted step continues with them). */
    public KeyFilter usageIds(String period) {
        return keys("SELECT usage_id FROM billed_usage WHERE pay_period = ?", period);
    }

    /** The keys a query returns, streamed into a filter (see {@link StreamingResults}). */
    private KeyFilter keys(String sql, String period) {
        return keys(jdbc, sql, period);
    }

    /** The keys a query of one period returns, streamed into a filter. */
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

    public void saveAccountOwners(String period, List<AccountOwner> rows) {
        if (bulkLoad.available()) {
            bulkLoad.replace("account_owner", ACCOUNT_OWNER_LOAD_COLUMNS, rows, o -> new Object[] {period,
                    o.accountId(), o.repId(), o.role().name(), o.effectiveFrom(), o.effectiveTo(), o.line()});
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO account_owner (pay_period, account_id, rep_id, owner_role, effective_from, effective_to,
                    source_line)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE effective_to = VALUES(effective_to), source_line = VALUES(source_line)
                """, rows, rows.size(), (ps, o) -> {
            ps.setString(1, period);
            ps.setString(2, o.accountId());
            ps.setString(3, o.repId());
            ps.setString(4, o.role().name());
            ps.setObject(5, o.effectiveFrom(), Types.DATE);
            ps.setObject(6, o.effectiveTo(), Types.DATE);
            ps.setLong(7, o.line());
        });
    }

    /** The period's account owners accepted so far (a restarted step continues with them). */
    public Map<String, AccountOwner> accountOwners(String period) {
        Map<String, AccountOwner> result = new HashMap<>();
        jdbc.query("""
                SELECT account_id, rep_id, owner_role, effective_from, effective_to, source_line FROM account_owner
                WHERE pay_period = ?
                """, rs -> {
            AccountOwner o = new AccountOwner(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                    rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getLong(6));
            result.put(o.key(), o);
        }, period);
        return result;
    }

    /** Rejected rows per file (identical re-deliveries not counted). */
    public Map<String, Long> rejectsByFile(String period) {
        Map<String, Long> result = new LinkedHashMap<>();
        jdbc.query("""
                SELECT source_file, COUNT(*) FROM intake_reject WHERE pay_period = ? AND kind = 'REJECTED'
                GROUP BY source_file ORDER BY source_file
                """, rs -> {
            result.put(rs.getString(1), rs.getLong(2));
        }, period);
        return result;
    }

    /** Identical re-deliveries of a row, skipped rather than rejected. */
    public long duplicates(String period) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM intake_reject WHERE pay_period = ? AND kind = 'DUPLICATE'",
                Long.class, period);
        return n == null ? 0 : n;
    }
}
