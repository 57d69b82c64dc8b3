package io.compclose.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import io.compclose.core.plan.PayPeriod;
import io.compclose.system.ColumnText;
import io.compclose.system.Secrets;

/**
 * The audit trail, {@code audit_event}: one row per command that changed something, with who asked
 * ({@code --by}, or the operating-system user), the operating-system user who ran it, the period and
 * what happened. Append-only: this class inserts and reads, nothing in CompClose updates or deletes a
 * row, the application's database account may not either, and on MySQL / MariaDB triggers refuse it.
 */
@Repository
public class AuditLogRepository {

    /** What was done. Stored in lower case: {@code close}, {@code revise}, ... */
    public enum Action {
        /** a close started, restarted or continued after review, with its outcome */
        CLOSE,
        /** a closed period recalculated from a corrected inbox (close --revise), with its outcome */
        REVISE,
        /** a close stopped for review approved */
        APPROVE,
        /** a closed period locked, by finance or by the close of a later period */
        LOCK,
        /** a statement emailed again */
        RESEND,
        /** a payroll or control file downloaded from the console */
        DOWNLOAD,
        /** a console page refused to the person signed in: another rep's statement or inquiry, a self-approval */
        REFUSED,
        /** a rep raised an inquiry on a statement */
        INQUIRY,
        /** finance answered an inquiry */
        ANSWER,
        /** finance resolved an inquiry, with no change or with an adjustment */
        RESOLVE,
        /** an inquiry's adjustment approved, by someone other than who requested it */
        ADJUST;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One row of the trail. */
    public record Event(long id, LocalDateTime occurredAt, String actor, String osUser, String action,
            String period, String detail) {
    }

    private static final String EVENT_COLUMNS = "id, occurred_at, actor, os_user, action, pay_period, detail";

    private static final RowMapper<Event> EVENT = (rs, i) -> new Event(rs.getLong(1),
            rs.getObject(2, LocalDateTime.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getString(7));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditLogRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records what was done; part of the caller's transaction when there is one.
     *
     * @param actor  who asked for it: the {@code --by} name, or {@link #osUser()}
     * @param period the pay period it concerns, or null
     * @param detail what happened, including the outcome (masked and cut to fit)
     */
    public void record(String actor, Action action, PayPeriod period, String detail) {
        record(actor, action, period == null ? null : period.id(), detail);
    }

    /** @param period the name of the pay period it concerns, as stored (an inquiry's, a payroll file's) */
    public void record(String actor, Action action, String period, String detail) {
        jdbc.update("""
                INSERT INTO audit_event (occurred_at, actor, os_user, action, pay_period, detail)
                VALUES (?, ?, ?, ?, ?, ?)
                """, Timestamp.valueOf(LocalDateTime.now(clock)), ColumnText.fit(actor, 128),
                ColumnText.fit(osUser(), 128), action.column(), period,
                ColumnText.fit(Secrets.mask(detail), 1000));
    }

    /** The period's events, oldest first. */
    public List<Event> events(PayPeriod period) {
        return jdbc.query("SELECT " + EVENT_COLUMNS + " FROM audit_event WHERE pay_period = ? ORDER BY id", EVENT,
                period.toString());
    }

    /** What the console's audit trail filters on; a blank field does not filter. */
    public record Filter(String period, String person, String action) {

        /** The SQL condition and its parameters: fixed fragments only, the values are parameters. */
        String where(List<Object> parameters) {
            StringBuilder where = new StringBuilder("1 = 1");
            for (String[] field : new String[][] {{"pay_period", period}, {"actor", person}, {"action", action}}) {
                if (field[1] != null && !field[1].isBlank()) {
                    where.append(" AND ").append(field[0]).append(" = ?");
                    parameters.add(field[1]);
                }
            }
            return where.toString();
        }
    }

    /** The events the filter keeps, newest first, a page of them. */
    public List<Event> page(Filter filter, int offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = filter.where(parameters);
        return jdbc.query("SELECT " + EVENT_COLUMNS + " FROM audit_event WHERE " + where + " ORDER BY id DESC LIMIT "
                + limit + " OFFSET " + offset, EVENT, parameters.toArray());
    }

    public long count(Filter filter) {
        List<Object> parameters = new ArrayList<>();
        String where = filter.where(parameters);
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE " + where, Long.class, parameters.toArray());
    }

    /** The values one column holds (pay_period, actor or action), for a filter's choices; the newest period first. */
    public List<String> choices(String column) {
        if (!List.of("pay_period", "actor", "action").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.queryForList("SELECT DISTINCT " + column + " FROM audit_event WHERE " + column
                + " IS NOT NULL ORDER BY " + column + (column.equals("pay_period") ? " DESC" : ""), String.class);
    }

    /** The operating-system account running CompClose: who ran a command, whatever name it was given. */
    public static String osUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }
}
