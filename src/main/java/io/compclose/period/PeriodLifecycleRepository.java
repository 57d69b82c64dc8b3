package io.compclose.period;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

import io.compclose.core.inquiry.NextOpenPeriod;
import org.springframework.stereotype.Repository;

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
    public record PeriodState(YearMonth period, State state, int revision, LocalDateTime closedAt,
            LocalDateTime lockedAt, String lockedBy, String note) {

        static PeriodState open(YearMonth period) {
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

    public PeriodLifecycleRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public PeriodState state(YearMonth period) {
        return jdbc.query("""
                SELECT revision, closed_at, locked_at, locked_by, lock_note FROM close_period WHERE pay_period = ?
                """, (rs, i) -> {
            LocalDateTime lockedAt = rs.getObject(3, LocalDateTime.class);
            return new PeriodState(period, lockedAt == null ? State.CLOSED : State.LOCKED, rs.getInt(1),
                    rs.getObject(2, LocalDateTime.class), lockedAt, rs.getString(4), rs.getString(5));
        }, period.toString()).stream().findFirst().orElse(PeriodState.open(period));
    }

    /** The close (revision) of the period completed, measuring its year to date from {@code planYearStart}. */
    public void markClosed(YearMonth period, int revision, LocalDateTime at, YearMonth planYearStart) {
        if (jdbc.update("UPDATE close_period SET revision = ?, closed_at = ?, plan_year_start = ? WHERE pay_period = ?",
                revision, at, planYearStart.toString(), period.toString()) == 0) {
            jdbc.update("INSERT INTO close_period (pay_period, revision, closed_at, plan_year_start) VALUES (?, ?, ?, ?)",
                    period.toString(), revision, at, planYearStart.toString());
        }
    }

    /** A closed period and the first month of the plan year its close measured from. */
    public record ClosedIn(YearMonth period, YearMonth planYearStart) {
    }

    /** The latest closed period up to {@code period}; a close from before pay calendars measured from January. */
    public Optional<ClosedIn> lastClosedUpTo(YearMonth period) {
        return jdbc.query("SELECT pay_period, plan_year_start FROM close_period WHERE pay_period <= ? "
                + "ORDER BY pay_period DESC LIMIT 1", (rs, i) -> {
                    YearMonth closed = YearMonth.parse(rs.getString(1));
                    String start = rs.getString(2);
                    return new ClosedIn(closed, start == null ? YearMonth.of(closed.getYear(), 1)
                            : YearMonth.parse(start));
                }, period.toString()).stream().findFirst();
    }

    /** Locks a closed period; false if it was locked already (the first lock stands). */
    public boolean lock(YearMonth period, String by, String note, LocalDateTime at) {
        return jdbc.update("""
                UPDATE close_period SET locked_at = ?, locked_by = ?, lock_note = ?
                WHERE pay_period = ? AND locked_at IS NULL
                """, at, by, note, period.toString()) == 1;
    }

    /** Locks every closed period before {@code period} that is not locked yet, and names them. */
    public List<YearMonth> lockClosedBefore(YearMonth period, LocalDateTime at) {
        List<YearMonth> closed = jdbc.queryForList("""
                SELECT pay_period FROM close_period WHERE pay_period < ? AND locked_at IS NULL ORDER BY pay_period
                """, String.class, period.toString()).stream().map(YearMonth::parse).toList();
        for (YearMonth earlier : closed) {
            lock(earlier, "the close of " + period, "its year-to-date true-up starts from these figures", at);
        }
        return closed;
    }

    /** The earliest period after {@code period} that is not closed: where its late inputs go. */
    public YearMonth nextOpen(YearMonth period) {
        return NextOpenPeriod.after(period, p -> state(p).state() != State.OPEN);
    }

    public Optional<PeriodState> locked(YearMonth period) {
        return Optional.of(state(period)).filter(PeriodState::isLocked);
    }
}
