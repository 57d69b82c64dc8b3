package io.compclose.period;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import io.compclose.core.inquiry.NextOpenPeriod;
import org.springframework.stereotype.Repository;
import io.compclose.core.plan.PayPeriod;
import io.compclose.system.PayCalendar;

/**
 * A pay period's lifecycle: open (no completed close) → closed (its close completed; it may still be
 * revised) → locked (its figures never change again). Finance locks a period with {@code lock}; the
 * close of a later period locks the earlier closed ones itself, because its year-to-date true-up
 * starts from their figures. A late input or a correction for a locked period lands in the next
 * open period, as an adjustment that names what it corrects.
 */
@Repository
public class PeriodLifecycleRepository {

    public enum State {
        OPEN, CLOSED, LOCKED
    }

    /** Where a period stands; the times and names are null where they do not apply. */
    public record PeriodState(PayPeriod period, State state, int revision, LocalDateTime closedAt,
            LocalDateTime lockedAt, String lockedBy, String note) {

        static PeriodState open(PayPeriod period) {
            return new PeriodState(period, State.OPEN, 0, null, null, null, null);
        }

        /** "open", "closed (revision N) on TIME" or "locked by ...", for status. */
        public String describe() {
            return switch (state) {
                case OPEN -> "open";
                case CLOSED -> "closed (revision " + revision + ") on " + MINUTES.format(closedAt);
                case LOCKED -> lockDescription();
            };
        }

        public boolean isLocked() {
            return state == State.LOCKED;
        }

        /** "locked by NAME on TIME (note)", for messages. */
        public String lockDescription() {
            return "locked by " + lockedBy + " on " + MINUTES.format(lockedAt)
                    + (note == null || note.isBlank() ? "" : " (" + note + ")");
        }
    }

    private static final java.time.format.DateTimeFormatter MINUTES =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcTemplate jdbc;
    private final PayCalendar calendar;

    public PeriodLifecycleRepository(JdbcTemplate jdbc, PayCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    public PeriodState state(PayPeriod period) {
        return jdbc.query("""
                SELECT revision, closed_at, locked_at, locked_by, lock_note FROM close_period WHERE pay_period = ?
                """, (rs, i) -> {
            LocalDateTime lockedAt = rs.getObject(3, LocalDateTime.class);
            return new PeriodState(period, lockedAt == null ? State.CLOSED : State.LOCKED, rs.getInt(1),
                    rs.getObject(2, LocalDateTime.class), lockedAt, rs.getString(4), rs.getString(5));
        }, period.toString()).stream().findFirst().orElse(PeriodState.open(period));
    }

    /** Records the period's first and last day, which the reps active in it (active_rep) are read against. */
    public void recordSpan(PayPeriod period) {
        if (jdbc.update("UPDATE pay_period_span SET first_day = ?, last_day = ? WHERE pay_period = ?", period.start(),
                period.end(), period.id()) == 0) {
            jdbc.update("INSERT INTO pay_period_span (pay_period, first_day, last_day) VALUES (?, ?, ?)", period.id(),
                    period.start(), period.end());
        }
    }

    /** The close (revision) of the period completed, measuring its year to date from {@code planYearStart}. */
    public void markClosed(PayPeriod period, int revision, LocalDateTime at, YearMonth planYearStart) {
        if (jdbc.update("UPDATE close_period SET revision = ?, closed_at = ?, plan_year_start = ? WHERE pay_period = ?",
                revision, at, planYearStart.toString(), period.toString()) == 0) {
            jdbc.update("INSERT INTO close_period (pay_period, revision, closed_at, plan_year_start) VALUES (?, ?, ?, ?)",
                    period.toString(), revision, at, planYearStart.toString());
        }
    }

    /** A closed period's name and month, and the first month of the plan year its close measured from. */
    public record ClosedIn(String id, YearMonth month, YearMonth planYearStart) {
    }

    /** The latest closed period up to {@code period}; a close from before pay calendars measured from January. */
    public Optional<ClosedIn> lastClosedUpTo(PayPeriod period) {
        return jdbc.query("SELECT pay_period, plan_year_start FROM close_period WHERE pay_period <= ? "
                + "ORDER BY pay_period DESC LIMIT 1", (rs, i) -> {
                    YearMonth closed = PayPeriod.monthOf(rs.getString(1));
                    String start = rs.getString(2);
                    return new ClosedIn(rs.getString(1), closed, start == null ? YearMonth.of(closed.getYear(), 1)
                            : YearMonth.parse(start));
                }, period.toString()).stream().findFirst();
    }

    /** Locks a closed period; false if it was locked already (the first lock stands). */
    public boolean lock(PayPeriod period, String by, String note, LocalDateTime at) {
        return lock(period.id(), by, note, at);
    }

    private boolean lock(String period, String by, String note, LocalDateTime at) {
        return jdbc.update("""
                UPDATE close_period SET locked_at = ?, locked_by = ?, lock_note = ?
                WHERE pay_period = ? AND locked_at IS NULL
                """, at, by, note, period) == 1;
    }

    /** Locks every closed period before {@code period} that is not locked yet, and names them. */
    public List<String> lockClosedBefore(PayPeriod period, LocalDateTime at) {
        List<String> closed = jdbc.queryForList("""
                SELECT pay_period FROM close_period WHERE pay_period < ? AND locked_at IS NULL ORDER BY pay_period
                """, String.class, period.toString());
        for (String earlier : closed) {
            lock(earlier, "the close of " + period, "its year-to-date true-up starts from these figures", at);
        }
        return closed;
    }

    /** The earliest period after {@code period} that is not closed: where its late inputs go. */
    public PayPeriod nextOpen(PayPeriod period) {
        return NextOpenPeriod.after(period, calendar.schedule()::next, p -> state(p).state() != State.OPEN);
    }

    public Optional<PeriodState> locked(PayPeriod period) {
        return Optional.of(state(period)).filter(PeriodState::isLocked);
    }
}
