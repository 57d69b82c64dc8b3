package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.compclose.core.input.BadInputException;
import io.compclose.core.money.Money;
import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.Metric;
import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanComponent;
import io.compclose.core.plan.PlanTerms;

/**
 * A rep's share of a team pool in a period. The team is every rep of the roster's team whose plan
 * carries the same pool; its credit is their year-to-date figure on the pool's metric
 * ({@link TeamMetric}). The pool is paid once a year, in the period the team first stands at or above
 * the target (the shares as they stand then). In the strict variant a member qualifies by reaching
 * their own quota for the metric, pro rata to the months of the year elapsed; a member with no such
 * quota has no target to miss. Split by points, the points are those given for the period's month,
 * or, when no member has any for it, for the plan year.
 */
public final class TeamPoolShare {

    /** The input file that gives members their points. */
    public static final String POINTS_FILE = "pool_points.csv";

    /** Marks a pool paid in the year, as the reference of its pay lines. */
    public static String reference(PlanTerms.TeamPool pool) {
        return "team-pool:" + pool.team();
    }

    /**
     * A member of the team: their plan in force, their deals of the year, the usage of their accounts,
     * their KPI and activity figures by window key (as {@link RepHistory#metricValues()}), and the
     * points they were given for the pool's team by period key (YYYY-MM or YYYY).
     */
    public record Member(String repId, Plan plan, List<CreditedDeal> deals, List<AccountUsage> usage,
            Map<String, Map<String, BigDecimal>> metricValues, Map<String, BigDecimal> points) {

        public Member {
            deals = List.copyOf(deals);
            usage = List.copyOf(usage);
            metricValues = Map.copyOf(metricValues);
            points = Map.copyOf(points);
        }

        /** A member measured on bookings only: no usage, figures or points. */
        public Member(String repId, Plan plan, List<CreditedDeal> deals) {
            this(repId, plan, deals, List.of(), Map.of(), Map.of());
        }
    }

    private TeamPoolShare() {
    }

    public static Optional<PayLine> of(String repId, PlanTerms.TeamPool terms, List<Member> members,
            YearMonth period, FiscalYear fiscal, Set<String> paidThisYear, Currency currency) {
        if (paidThisYear.contains(reference(terms)) || members.stream().noneMatch(m -> m.repId().equals(repId))) {
            return Optional.empty();
        }
        List<Member> team = members.stream().sorted(Comparator.comparing(Member::repId)).toList();
        String pointsKey = pointsKey(team, period, fiscal);
        List<TeamPool.Member> credits = new ArrayList<>();
        for (Member m : team) {
            BigDecimal credit = TeamMetric.toDate(terms.metric(), period, m, currency, fiscal);
            credits.add(new TeamPool.Member(m.repId(), credit,
                    metOwnQuota(m.plan(), terms.metric(), credit, period, fiscal),
                    pointsKey == null ? null : m.points().get(pointsKey)));
        }
        TeamPool pool = new TeamPool(terms.team(), terms.target(), new Money(terms.pool(), currency),
                TeamPool.Split.valueOf(terms.split().name()), terms.allMustQualify());
        if (terms.split() == PlanTerms.TeamPool.Split.BY_POINTS && pointsKey == null && pool.isDue(credits)) {
            Plan plan = team.stream().filter(m -> m.repId().equals(repId)).findFirst().orElseThrow().plan();
            throw new BadInputException(POINTS_FILE + ": team " + terms.team() + " has no points for " + period
                    + " nor for " + fiscal.name(period) + ", and its pool (" + plan.sourceFile() + ": plan " + plan.id()
                    + " v" + plan.version() + ": team_pool.split: BY_POINTS) is due this period: give each member's "
                    + "points in " + POINTS_FILE + " and close the period again");
        }
        return pool.pay(credits).stream().filter(s -> s.repId().equals(repId)).findFirst()
                .map(s -> new PayLine(s.line().code(), s.line().amount(), s.line().why(), reference(terms)));
    }

    /** The period's month if any member has points for it, else the plan year if any has, else null. */
    private static String pointsKey(List<Member> team, YearMonth period, FiscalYear fiscal) {
        for (String key : List.of(period.toString(), fiscal.name(period))) {
            if (team.stream().anyMatch(m -> m.points().containsKey(key))) {
                return key;
            }
        }
        return null;
    }

    static boolean metOwnQuota(Plan plan, Metric metric, BigDecimal credit, YearMonth period, FiscalYear fiscal) {
        for (PlanComponent c : plan.components()) {
            if (!c.metric().equals(metric)) {
                continue;
            }
            BigDecimal quota = BigDecimal.ZERO;
            if (!c.quotaByPeriod().isEmpty()) {
                for (RepCalculator.Window w : RepCalculator.windows(plan.measurement(), period, plan.effectiveFrom(),
                        fiscal)) {
                    quota = quota.add(c.quotaByPeriod().getOrDefault(w.key(), BigDecimal.ZERO));
                }
            } else if (c.quota() != null) {
                YearMonth start = YearMonth.from(RepCalculator.planYearStart(period, plan.effectiveFrom(), fiscal));
                int months = (int) start.until(period, java.time.temporal.ChronoUnit.MONTHS) + 1;
                quota = RepCalculator.ofYear(c.quota(), months);
            } else {
                continue;
            }
            return credit.compareTo(quota) >= 0;
        }
        return true;
    }
}
