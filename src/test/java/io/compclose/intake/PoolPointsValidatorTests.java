package io.compclose.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.compclose.core.input.RepAssignment;
import io.compclose.core.input.RepFigure;
import io.compclose.core.input.Role;
import io.compclose.core.input.Roster;
import io.compclose.core.plan.FiscalYear;

/** Every reject reason of pool_points.csv, each named by file, line and column, and what is accepted. */
class PoolPointsValidatorTests {

    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final List<String> COLUMNS = List.of("period", "team", "rep_id", "points");

    /** R1 and R2 in West all year; R3 in East; R4 left in September. */
    private final Roster roster = new Roster(List.of(rep("R1", "West", null), rep("R2", "West", null),
            rep("R3", "East", null), rep("R4", "West", LocalDate.of(2026, 9, 30))));
    private final PoolPointsValidator validator = new PoolPointsValidator(NOV, roster, new HashMap<>());

    private static RepAssignment rep(String id, String team, LocalDate to) {
        return new RepAssignment(id, "E" + id, id, id + "@example.com", Role.AE, null, team, "AE-2026", "USD",
                LocalDate.of(2026, 1, 1), to, 2);
    }

    private String points(long line, String csv) {
        IntakeItem<RepFigure> item = validator.validate(TestRows.row("pool_points.csv", COLUMNS, line, csv));
        if (item.isAccepted()) {
            RepFigure f = item.accepted();
            return f.repId() + " " + f.period() + " " + f.detail() + " " + f.metric() + " " + f.value().toPlainString();
        }
        return item.reject().file() + " line " + item.reject().line() + " " + item.reject().column() + ": "
                + item.reject().reason() + " (" + item.reject().rawValue() + ")";
    }

    @Test
    void acceptsAMembersPointsForThePayPeriodOrItsYear() {
        assertThat(points(2, "2026-11,West,R1,30")).isEqualTo("R1 2026-11 West POOL_POINTS 30");
        assertThat(points(3, "2026,West,R2,12.5")).isEqualTo("R2 2026 West POOL_POINTS 12.5");
        assertThat(points(4, "2026-11,West,R2,0")).isEqualTo("R2 2026-11 West POOL_POINTS 0");
    }

    @Test
    void underAFebruaryPlanYearTheYearsPointsAreGivenForFY2027() {
        PoolPointsValidator february = new PoolPointsValidator(NOV, roster, new HashMap<>(),
                new FiscalYear(Month.FEBRUARY));
        IntakeItem<RepFigure> fiscal = february.validate(TestRows.row("pool_points.csv", COLUMNS, 2, "FY2027,West,R1,8"));
        assertThat(fiscal.isAccepted()).isTrue();
        assertThat(fiscal.accepted().period()).isEqualTo("FY2027");
        IntakeItem<RepFigure> calendar = february.validate(TestRows.row("pool_points.csv", COLUMNS, 3, "2026,West,R2,8"));
        assertThat(calendar.reject().column() + ": " + calendar.reject().reason())
                .isEqualTo("period: not the pay period 2026-11 nor its year FY2027");
    }

    @Test
    void outOfRangePointsOrPeriodsAreRejectedByColumn() {
        assertThat(points(2, "2026-11,West,R1,-5")).isEqualTo("pool_points.csv line 2 points: must not be negative (-5)");
        assertThat(points(3, "2026-10,West,R1,5")).isEqualTo("pool_points.csv line 3 period: not the pay period "
                + "2026-11 nor its year 2026 (2026-10)");
        assertThat(points(4, "2025,West,R1,5")).isEqualTo("pool_points.csv line 4 period: not the pay period "
                + "2026-11 nor its year 2026 (2025)");
        assertThat(points(5, "2026-11,West,R1,many")).startsWith("pool_points.csv line 5 points: not a decimal number");
    }

    @Test
    void missingValuesAreRejectedByColumn() {
        assertThat(points(2, ",West,R1,5")).isEqualTo("pool_points.csv line 2 period: required value is missing ()");
        assertThat(points(3, "2026-11,,R1,5")).isEqualTo("pool_points.csv line 3 team: required value is missing ()");
        assertThat(points(4, "2026-11,West,,5")).isEqualTo("pool_points.csv line 4 rep_id: required value is missing ()");
        assertThat(points(5, "2026-11,West,R1,")).isEqualTo("pool_points.csv line 5 points: required value is missing ()");
    }

    @Test
    void aRepMustBeOnTheRosterInThePeriodAndInTheTeamNamed() {
        assertThat(points(2, "2026-11,West,R9,5")).isEqualTo("pool_points.csv line 2 rep_id: unknown rep (no accepted "
                + "row in reps.csv) (R9)");
        assertThat(points(3, "2026-11,West,R4,5")).isEqualTo("pool_points.csv line 3 rep_id: not on the roster in "
                + "2026-11 (R4)");
        assertThat(points(4, "2026-11,West,R3,5")).isEqualTo("pool_points.csv line 4 team: rep R3 is in team East in "
                + "2026-11, not West (West)");
    }

    @Test
    void theSameRepTeamAndPeriodTwiceIsARedeliveryOrAConflict() {
        assertThat(points(2, "2026-11,West,R1,30")).startsWith("R1 ");
        assertThat(points(3, "2026-11,West,R1,30")).isEqualTo("pool_points.csv line 3 rep_id: identical re-delivery "
                + "of line 2 (counted once) (R1)");
        assertThat(points(4, "2026-11,West,R1,40")).isEqualTo("pool_points.csv line 4 rep_id: duplicate of line 2 "
                + "with different content (R1)");
        // the year's points are another row: no conflict with the month's
        assertThat(points(5, "2026,West,R1,40")).isEqualTo("R1 2026 West POOL_POINTS 40");
    }
}
