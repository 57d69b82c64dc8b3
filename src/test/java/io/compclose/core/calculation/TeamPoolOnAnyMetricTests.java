package io.compclose.core.calculation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.compclose.core.input.BadInputException;
import io.compclose.core.money.Money;
import io.compclose.core.plan.Metric;
import io.compclose.core.plan.PayMethod;
import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanComponent;
import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.PlanTerms;
import io.compclose.core.plan.RateTable;

/**
 * Team pools on usage, renewals, activities and KPIs, and shared by points (issue 22, item 8): each
 * member's year-to-date figure on the pool's metric makes the team's credit; shares are rounded
 * half-even, the residual minor unit to the largest share.
 */
class TeamPoolOnAnyMetricTests {

    private static final Currency USD = Currency.getInstance("USD");
    private static final YearMonth JUN = YearMonth.of(2026, 6);

    /** A plan with no quota on the pool's metrics: no member has a target of their own to miss. */
    private static final Plan PLAN = Plan.flat("CSM-2026", 1, "CSM", LocalDate.of(2026, 1, 1), null, "USD",
            new PlanComponent("bookings", null, Metric.BOOKINGS_ACV, null, null, Map.of(), List.of(),
                    PayMethod.RATE_ON_VALUE, RateTable.flat(new BigDecimal("0.1")), null), "csm.yaml");

    private static PlanTerms.TeamPool pool(Metric metric, String target, String amount, PlanTerms.TeamPool.Split split) {
        return new PlanTerms.TeamPool("West", metric, new BigDecimal(target), new BigDecimal(amount), split, false);
    }

    private static TeamPoolShare.Member booked(String repId, Map<String, BigDecimal> points, String... typeAndAcv) {
        List<CreditedDeal> deals = new java.util.ArrayList<>();
        for (String deal : typeAndAcv) {
            String[] parts = deal.split(" ");
            deals.add(new CreditedDeal(repId + "-" + deals.size(), LocalDate.of(2026, 5, 10), "A-" + repId, parts[0],
                    "P", null, new BigDecimal(parts[1]), null, 12, BigDecimal.ONE, false));
        }
        return new TeamPoolShare.Member(repId, PLAN, deals, List.of(), Map.of(), points);
    }

    private static TeamPoolShare.Member measured(String repId, Map<String, Map<String, BigDecimal>> values) {
        return new TeamPoolShare.Member(repId, PLAN, List.of(), List.of(), values, Map.of());
    }

    /** An account billed {@code monthly} from October 2025 to June 2026 (June: {@code june}), credited all year. */
    private static TeamPoolShare.Member billed(String repId, String monthly, String june) {
        Map<YearMonth, BigDecimal> revenue = new HashMap<>();
        Map<YearMonth, BigDecimal> credited = new HashMap<>();
        for (YearMonth m = YearMonth.of(2025, 10); !m.isAfter(JUN); m = m.plusMonths(1)) {
            revenue.put(m, new BigDecimal(m.equals(JUN) ? june : monthly));
            if (m.getYear() == 2026) {
                credited.put(m, BigDecimal.ONE);
            }
        }
        return new TeamPoolShare.Member(repId, PLAN, List.of(), List.of(new AccountUsage("A-" + repId, "USD", "USD",
                revenue, credited)), Map.of(), Map.of());
    }

    private static Optional<PayLine> share(String repId, PlanTerms.TeamPool pool, TeamPoolShare.Member... team) {
        return TeamPoolShare.of(repId, pool, List.of(team), JUN, FiscalYear.CALENDAR, Set.of(), USD);
    }

    private static Map<String, BigDecimal> points(String key, String value) {
        return Map.of(key, new BigDecimal(value));
    }

    @Test
    void sharedByPointsEachMemberGetsTheirPointsOfTheTeamsAndTheResidualCentGoesToTheLargestShare() {
        // booked 60,000 + 30,000 + 20,000 = 110,000 >= 100,000; 100.00 shared by points 3 / 3 / 1 of 7:
        // 100 x 3 / 7 = 42.857 -> 42.86 twice, 100 x 1 / 7 = 14.286 -> 14.29; 100.01 paid one cent over,
        // so the first of the largest shares (R1) gives it back: 42.85 + 42.86 + 14.29 = 100.00
        PlanTerms.TeamPool byPoints = pool(Metric.BOOKINGS_ACV, "100000", "100", PlanTerms.TeamPool.Split.BY_POINTS);
        TeamPoolShare.Member[] team = {booked("R1", points("2026-06", "3"), "NEW 60000"),
                booked("R2", points("2026-06", "3"), "NEW 30000"), booked("R3", points("2026-06", "1"), "NEW 20000")};

        assertThat(share("R1", byPoints, team).orElseThrow().amount()).isEqualTo(Money.of(new BigDecimal("42.85"), "USD"));
        assertThat(share("R2", byPoints, team).orElseThrow().amount()).isEqualTo(Money.of(new BigDecimal("42.86"), "USD"));
        assertThat(share("R3", byPoints, team)).hasValueSatisfying(line -> {
            assertThat(line.amount()).isEqualTo(Money.of(new BigDecimal("14.29"), "USD"));
            assertThat(line.reference()).isEqualTo("team-pool:West");
            assertThat(line.why()).isEqualTo("team West reached 110000 of 100000; pool 100, share by points 1 / 7");
        });
    }

    @Test
    void aMonthsPointsReplaceTheYearsForTheWholeTeam() {
        // both have 1 point for 2026, but June gives R1 3 and R2 none: June's points share, R2's are 0 of 3
        PlanTerms.TeamPool byPoints = pool(Metric.BOOKINGS_ACV, "100000", "9000", PlanTerms.TeamPool.Split.BY_POINTS);
        TeamPoolShare.Member r1 = booked("R1", Map.of("2026", BigDecimal.ONE, "2026-06", new BigDecimal("3")),
                "NEW 60000");
        TeamPoolShare.Member r2 = booked("R2", points("2026", "1"), "NEW 50000");

        assertThat(share("R1", byPoints, r1, r2).orElseThrow().amount().amount()).isEqualByComparingTo("9000.00");
        assertThat(share("R2", byPoints, r1, r2).orElseThrow().why()).endsWith("share by points 0 / 3");

        // with no June points, the year's 1 + 1: 4,500 each
        TeamPoolShare.Member yearOnly = booked("R1", points("2026", "1"), "NEW 60000");
        assertThat(share("R1", byPoints, yearOnly, r2).orElseThrow().amount().amount()).isEqualByComparingTo("4500.00");
    }

    @Test
    void aPoolDueWithNoPointsForTheTeamStopsTheCloseNamingTheFileTeamPeriodAndPlan() {
        PlanTerms.TeamPool byPoints = pool(Metric.BOOKINGS_ACV, "100000", "9000", PlanTerms.TeamPool.Split.BY_POINTS);
        TeamPoolShare.Member r1 = booked("R1", Map.of(), "NEW 60000");
        TeamPoolShare.Member r2 = booked("R2", Map.of(), "NEW 50000");

        assertThatThrownBy(() -> share("R1", byPoints, r1, r2)).isInstanceOf(BadInputException.class)
                .hasMessage("pool_points.csv: team West has no points for 2026-06 nor for 2026, and its pool "
                        + "(csm.yaml: plan CSM-2026 v1: team_pool.split: BY_POINTS) is due this period: give each "
                        + "member's points in pool_points.csv and close the period again");
        // short of the target (60,000 + 30,000 < 100,000) nothing is due, so no points are needed
        assertThat(share("R1", byPoints, r1, booked("R2", Map.of(), "NEW 30000"))).isEmpty();
    }

    @Test
    void aUsagePoolCountsTheRevenueOfEachMembersAccountsToDate() {
        // R1: 10,000 a month January to June = 60,000; R2: 5,000 a month = 30,000; 90,000 >= 80,000:
        // 9,000 shared equally, 4,500 each
        PlanTerms.TeamPool usage = pool(new Metric(Metric.Kind.USAGE_REVENUE, null), "80000", "9000",
                PlanTerms.TeamPool.Split.EQUAL);
        assertThat(share("R2", usage, billed("R1", "10000", "10000"), billed("R2", "5000", "5000")))
                .hasValueSatisfying(line -> {
                    assertThat(line.amount().amount()).isEqualByComparingTo("4500.00");
                    assertThat(line.why()).isEqualTo("team West reached 90000 of 80000; pool 9000, equal share of 2");
                });
        // short of 100,000, nothing
        assertThat(share("R2", pool(new Metric(Metric.Kind.USAGE_REVENUE, null), "100000", "9000",
                PlanTerms.TeamPool.Split.EQUAL), billed("R1", "10000", "10000"), billed("R2", "5000", "5000")))
                .isEmpty();
    }

    @Test
    void aUsageGrowthPoolCountsTheGrowthTheMonthsAddAboveTheirBaseline() {
        // 1,000 a month since October 2025: January to May grow 0 over a 1,000 baseline; June's 1,600 over the
        // average of March to May (1,000) grows 600. R2 stays flat: 0. Team 600 >= 500: by credit, all to R1
        PlanTerms.TeamPool growth = pool(new Metric(Metric.Kind.USAGE_GROWTH, null), "500", "2000",
                PlanTerms.TeamPool.Split.BY_CREDIT);
        assertThat(share("R1", growth, billed("R1", "1000", "1600"), billed("R2", "1000", "1000")))
                .hasValueSatisfying(line -> {
                    assertThat(line.amount().amount()).isEqualByComparingTo("2000.00");
                    assertThat(line.why()).endsWith("share of team credit 600 / 600");
                });
    }

    @Test
    void aKpiPoolSumsTheMonthsOrElseTheQuartersOfEachMember() {
        // R1 by month: May 40,000 + June 30,000 = 70,000; R2 by quarter: Q1 20,000 + Q2 25,000 = 45,000;
        // team 115,000 >= 100,000. By credit, 1,000: R1 1,000 x 70 / 115 = 608.696 -> 608.70,
        // R2 1,000 x 45 / 115 = 391.304 -> 391.30; 608.70 + 391.30 = 1,000.00
        PlanTerms.TeamPool kpi = pool(Metric.parse("KPI:PIPELINE").orElseThrow(), "100000", "1000",
                PlanTerms.TeamPool.Split.BY_CREDIT);
        TeamPoolShare.Member r1 = measured("R1", Map.of("2026-05", Map.of("KPI:PIPELINE", new BigDecimal("40000")),
                "2026-06", Map.of("KPI:PIPELINE", new BigDecimal("30000"), "KPI:NRR", new BigDecimal("1.1"))));
        TeamPoolShare.Member r2 = measured("R2", Map.of("2026-Q1", Map.of("KPI:PIPELINE", new BigDecimal("20000")),
                "2026-Q2", Map.of("KPI:PIPELINE", new BigDecimal("25000"))));

        assertThat(share("R1", kpi, r1, r2).orElseThrow().amount().amount()).isEqualByComparingTo("608.70");
        assertThat(share("R2", kpi, r1, r2)).hasValueSatisfying(line -> {
            assertThat(line.amount().amount()).isEqualByComparingTo("391.30");
            assertThat(line.why()).isEqualTo("team West reached 115000 of 100000; pool 1000, share of team credit "
                    + "45000 / 115000");
        });
    }

    @Test
    void anActivityPoolCountsTheYearsActivities() {
        // 45 + 60 = 105 meetings this year >= 100: 1,000 shared equally, 500 each
        PlanTerms.TeamPool meetings = pool(new Metric(Metric.Kind.ACTIVITY_COUNT, null), "100", "1000",
                PlanTerms.TeamPool.Split.EQUAL);
        assertThat(share("R1", meetings, measured("R1", Map.of("2026", Map.of("ACTIVITY_COUNT", new BigDecimal("45")))),
                measured("R2", Map.of("2026", Map.of("ACTIVITY_COUNT", new BigDecimal("60"))))).orElseThrow()
                .amount().amount()).isEqualByComparingTo("500.00");
    }

    @Test
    void aRenewalPoolCountsRenewalBookingsOnly() {
        // renewals 80,000 + 30,000 = 110,000; R1's NEW 50,000 is not a renewal: short of 120,000, past 100,000
        TeamPoolShare.Member r1 = booked("R1", Map.of(), "RENEWAL 80000", "NEW 50000");
        TeamPoolShare.Member r2 = booked("R2", Map.of(), "RENEWAL 30000");
        Metric renewals = new Metric(Metric.Kind.RENEWAL_ACV, null);

        assertThat(share("R1", pool(renewals, "120000", "5000", PlanTerms.TeamPool.Split.EQUAL), r1, r2)).isEmpty();
        assertThat(share("R1", pool(renewals, "100000", "5000", PlanTerms.TeamPool.Split.EQUAL), r1, r2).orElseThrow()
                .why()).isEqualTo("team West reached 110000 of 100000; pool 5000, equal share of 2");
    }

    @Test
    void theCorePoolRefusesToShareByPointsWhenNoMemberHasAny() {
        TeamPool pool = new TeamPool("West", BigDecimal.ONE, Money.of(new BigDecimal("100"), "USD"),
                TeamPool.Split.BY_POINTS, false);
        assertThatThrownBy(() -> pool.pay(List.of(new TeamPool.Member("R1", BigDecimal.TEN, true, BigDecimal.ZERO))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("team West has no points to share its pool by");
    }
}
