package io.compclose.core.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanComponent;
import io.compclose.core.plan.PlanTerms;

/** A team pool in the close: who qualifies, what each member gets, and that it is paid once. */
class TeamPoolShareTests {

    private static final Currency USD = Currency.getInstance("USD");
    private static final YearMonth JUN = YearMonth.of(2026, 6);
    private static final PlanTerms.TeamPool STRICT = new PlanTerms.TeamPool("West", io.compclose.core.plan.Metric.BOOKINGS_ACV,
            new BigDecimal("100000"), new BigDecimal("9000"), PlanTerms.TeamPool.Split.EQUAL, true);

    /** An AE plan with an annual quota of 120,000: 60,000 is their own target to the end of June. */
    private static final Plan AE = Plan.flat("AE", 1, "AE", LocalDate.of(2026, 1, 1), null, "USD",
            new PlanComponent("bookings", null, io.compclose.core.plan.Metric.BOOKINGS_ACV, null, new BigDecimal("120000"),
                    Map.of(), List.of(), io.compclose.core.plan.PayMethod.RATE_ON_VALUE,
                    io.compclose.core.plan.RateTable.flat(new BigDecimal("0.1")), null), "ae.yaml");

    private static TeamPoolShare.Member member(String repId, String... acv) {
        List<CreditedDeal> deals = java.util.Arrays.stream(acv).map(a -> new CreditedDeal(repId + "-" + a,
                LocalDate.of(2026, 5, 10), "A", "NEW", "P", null, new BigDecimal(a), null, 12, BigDecimal.ONE, false))
                .toList();
        return new TeamPoolShare.Member(repId, AE, deals);
    }

    @Test
    void everyMemberMustReachTheirOwnTargetToDateInTheStrictVariant() {
        // the team booked 70,000 + 40,000 = 110,000 >= 100,000, but R2's 40,000 is short of 60,000 to date
        List<TeamPoolShare.Member> team = List.of(member("R1", "70000"), member("R2", "40000"));
        assertThat(TeamPoolShare.of("R1", STRICT, team, JUN, FiscalYear.CALENDAR, Set.of(), USD)).isEmpty();

        // with R2 at 60,000 both qualify: 9,000 shared equally, 4,500 each
        List<TeamPoolShare.Member> qualified = List.of(member("R1", "70000"), member("R2", "40000", "20000"));
        assertThat(TeamPoolShare.of("R2", STRICT, qualified, JUN, FiscalYear.CALENDAR, Set.of(), USD)).hasValueSatisfying(line -> {
            assertThat(line.code()).isEqualTo(EarningCode.TEAM_POOL);
            assertThat(line.amount().amount()).isEqualByComparingTo("4500.00");
            assertThat(line.reference()).isEqualTo("team-pool:West");
            assertThat(line.why()).isEqualTo("team West reached 130000 of 100000; pool 9000, equal share of 2");
        });

        // paid once a year: a later period sees the pool's reference among this year's payments
        assertThat(TeamPoolShare.of("R2", STRICT, qualified, JUN.plusMonths(1), FiscalYear.CALENDAR, Set.of("team-pool:West"), USD))
                .isEmpty();
    }
}
