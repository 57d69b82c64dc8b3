package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.compclose.core.money.Money;
import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.Metric;
import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanComponent;
import io.compclose.core.plan.PlanTerms;

/**
 * A rep's share of a team pool in a period. The team is every rep of the roster's team whose plan
 * carries the same pool; its credit is their year-to-date credit on the pool's metric. The pool is
 * paid once a year, in the period the team first stands at or above the target (the shares as they
 * stand then). In the strict variant a member qualifies by reaching their own quota for the metric,
 * pro rata to the months of the year elapsed; a member with no such quota has no target to miss.
 */
public final class TeamPoolShare {

    /** Marks a pool paid in the year, as the reference of its pay lines. */
    public static String reference(PlanTerms.TeamPool pool) {
        return "team-pool:" + pool.team();
    }

    /** A member of the team: their plan in force and their deals of the year. */
    public record Member(String repId, Plan plan, List<CreditedDeal> deals) {
    }

    private TeamPoolShare() {
    }

    public static Optional<PayLine> of(String repId, PlanTerms.TeamPool terms, List<Member> members,
            YearMonth period, FiscalYear fiscal, Set<String> paidThisYear, Currency currency) {
        if (paidThisYear.contains(reference(terms)) || members.stream().noneMatch(m -> m.repId().equals(repId))) {
            return Optional.empty();
        }
        List<TeamPool.Member> credits = new ArrayList<>();
        for (Member m : members.stream().sorted(java.util.Comparator.comparing(Member::repId)).toList()) {
            BigDecimal credit = RepCalculator.bookedToDate(terms.metric().kind(), period, m.deals(), fiscal);
            credits.add(new TeamPool.Member(m.repId(), credit,
                    metOwnQuota(m.plan(), terms.metric(), credit, period, fiscal)));
        }
        TeamPool pool = new TeamPool(terms.team(), terms.target(), new Money(terms.pool(), currency),
                TeamPool.Split.valueOf(terms.split().name()), terms.allMustQualify());
        return pool.pay(credits).stream().filter(s -> s.repId().equals(repId)).findFirst()
                .map(s -> new PayLine(s.line().code(), s.line().amount(), s.line().why(), reference(terms)));
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
