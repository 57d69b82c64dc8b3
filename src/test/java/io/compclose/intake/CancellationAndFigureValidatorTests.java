package io.compclose.intake;

import io.compclose.core.input.Cancellation;
import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.RepFigure;
import io.compclose.core.input.Role;
import io.compclose.core.input.Roster;
import io.compclose.core.plan.PayPeriod;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Every reject reason of cancellations.csv, kpis.csv and activities.csv, and what is accepted. */
class CancellationAndFigureValidatorTests {

    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final List<String> CANCELLATION = List.of("cancellation_id", "booking_id", "cancelled_on", "reason");
    private static final List<String> KPI = List.of("rep_id", "period", "metric", "value");
    private static final List<String> ACTIVITY = List.of("activity_id", "rep_id", "activity_date", "type", "count");

    private final Map<String, CancellationValidator.BookingHistory> bookings = Map.of(
            "B-1", new CancellationValidator.BookingHistory(LocalDate.of(2026, 10, 10), null),
            "B-2", new CancellationValidator.BookingHistory(LocalDate.of(2026, 11, 20), null),
            "B-3", new CancellationValidator.BookingHistory(LocalDate.of(2026, 9, 1), "2026-10"));
    private final CancellationValidator cancellations = new CancellationValidator(PayPeriod.of(NOV),
            id -> Optional.ofNullable(bookings.get(id)), new HashMap<>());

    private final Roster roster = new Roster(List.of(new RepAssignment("R1", "E1", "Ann", "ann@example.com", Role.SDR,
            null, "West", "SDR", "USD", LocalDate.of(2026, 1, 1), null, 2)));
    private final RepFigureValidator figures = new RepFigureValidator(NOV, roster, new HashMap<>());

    private String cancel(long line, String csv) {
        IntakeItem<Cancellation> item = cancellations.validate(TestRows.row("cancellations.csv", CANCELLATION, line,
                csv));
        return item.isAccepted() ? "accepted" : item.reject().column() + ": " + item.reject().reason();
    }

    @Test
    void cancellationsNeedAKnownBookingCancelledInThePeriodAndOnlyOnce() {
        assertThat(cancel(2, "X1,B-1,2026-11-25,bankrupt")).isEqualTo("accepted");
        assertThat(cancel(3, "X1,B-1,2026-11-25,bankrupt")).isEqualTo("cancellation_id: identical re-delivery of "
                + "line 2 (counted once)");
        assertThat(cancel(4, "X1,B-1,2026-11-26,bankrupt")).isEqualTo("cancellation_id: duplicate of line 2 with "
                + "different content");
        assertThat(cancel(5, "X2,B-1,2026-11-26,again")).isEqualTo("booking_id: already cancelled by X1 (line 2)");
        assertThat(cancel(6, "X3,B-3,2026-11-02,")).isEqualTo("booking_id: already cancelled in 2026-10");
        assertThat(cancel(7, "X4,B-9,2026-11-02,")).isEqualTo("booking_id: unknown booking (not accepted in this "
                + "or an earlier period)");
        assertThat(cancel(8, "X5,B-2,2026-11-19,")).isEqualTo("cancelled_on: before the booking date 2026-11-20");
        assertThat(cancel(9, "X6,B-2,2026-12-01,")).isEqualTo("cancelled_on: outside the pay period 2026-11");
        assertThat(cancel(10, "X7,B-2,2026-11-31,")).isEqualTo("cancelled_on: not a date YYYY-MM-DD");
    }

    private String kpi(long line, String csv) {
        IntakeItem<RepFigure> item = figures.validateKpi(TestRows.row("kpis.csv", KPI, line, csv));
        return item.isAccepted() ? item.accepted().period() + " " + item.accepted().metric() + " "
                + item.accepted().value().toPlainString() : item.reject().column() + ": " + item.reject().reason();
    }

    @Test
    void kpisNeedAKnownRepAPeriodBegunInTheYearAndMboScoresBetweenZeroAndOne() {
        assertThat(kpi(2, "R1,2026-Q4,NRR,1.04")).isEqualTo("2026-Q4 KPI:NRR 1.04");
        assertThat(kpi(3, "R1,2026-11,MBO:PIPELINE,0.8")).isEqualTo("2026-11 MBO:PIPELINE 0.8");
        assertThat(kpi(4, "R1,2026-11,MBO:FORECAST,1.2")).isEqualTo("value: an MBO score must be between 0 and 1");
        assertThat(kpi(5, "R9,2026-11,NRR,1")).isEqualTo("rep_id: unknown rep (no accepted row in reps.csv)");
        assertThat(kpi(6, "R1,2026-12,NRR,1")).isEqualTo("period: not a period of 2026 begun by 2026-11");
        assertThat(kpi(7, "R1,2025-Q4,NRR,1")).isEqualTo("period: not a period of 2026 begun by 2026-11");
        assertThat(kpi(8, "R1,Q4-2026,NRR,1")).isEqualTo("period: not a period YYYY-MM or YYYY-Qn");
        assertThat(kpi(9, "R1,2026-Q4,NRR,1.05")).isEqualTo("metric: duplicate of line 2 with different content");
    }

    private String activity(long line, String csv) {
        IntakeItem<RepFigure> item = figures.validateActivity(TestRows.row("activities.csv", ACTIVITY, line, csv));
        return item.isAccepted() ? item.accepted().period() + " " + item.accepted().value().toPlainString()
                : item.reject().column() + ": " + item.reject().reason();
    }

    @Test
    void activitiesAreCountedInTheirMonthAndDefaultToOne() {
        assertThat(activity(2, "M1,R1,2026-11-03,DISCOVERY_MEETING,6")).isEqualTo("2026-11 6");
        assertThat(activity(3, "M2,R1,2026-11-04,FOLLOW_UP,")).isEqualTo("2026-11 1");
        assertThat(activity(4, "M3,R1,2026-10-31,FOLLOW_UP,1")).isEqualTo("activity_date: outside the pay period "
                + "2026-11");
        assertThat(activity(5, "M4,R1,2026-11-05,FOLLOW_UP,0")).isEqualTo("count: must be a whole number above zero");
    }
}
