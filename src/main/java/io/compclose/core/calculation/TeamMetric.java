package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Map;

import io.compclose.core.plan.FiscalYear;
import io.compclose.core.plan.Metric;

/**
 * A team member's year-to-date figure on a team pool's metric, up to the period's end: what they add
 * to the team's credit. Booking metrics count their credited deals; usage revenue and usage growth
 * the credited months of their accounts, as the components pay them; activities the year's count; a
 * KPI the sum of its monthly figures, or of its quarterly ones when it arrives by quarter. An MBO
 * score is not pooled (the plan loader refuses it).
 */
final class TeamMetric {

    private TeamMetric() {
    }

    static BigDecimal toDate(Metric metric, YearMonth period, TeamPoolShare.Member member, Currency currency,
            FiscalYear fiscal) {
        if (metric.isMeasuredOnBookings()) {
            return RepCalculator.bookedToDate(metric.kind(), period, member.deals(), fiscal);
        }
        return switch (metric.kind()) {
            case USAGE_REVENUE -> RepCalculator.usageRevenueToDate(period, member.usage(), currency, fiscal);
            case USAGE_GROWTH -> usageGrowthToDate(period, member, fiscal);
            case ACTIVITY_COUNT -> valueOf(member, fiscal.name(period), metric);
            case KPI -> kpiToDate(metric, period, member, fiscal);
            default -> throw new IllegalArgumentException("a team pool does not measure " + metric);
        };
    }

    /** The growth each credited month of the year adds, as a USAGE_GROWTH component credits it. */
    private static BigDecimal usageGrowthToDate(YearMonth period, TeamPoolShare.Member member, FiscalYear fiscal) {
        BigDecimal total = BigDecimal.ZERO;
        for (AccountUsage account : member.usage()) {
            for (YearMonth m = fiscal.start(period); !m.isAfter(period); m = m.plusMonths(1)) {
                total = total.add(account.transaction(Metric.Kind.USAGE_GROWTH, m).map(CreditedTransaction::value)
                        .orElse(BigDecimal.ZERO));
            }
        }
        return total;
    }

    /** The KPI's months of the year summed; a KPI delivered by quarter (no monthly figure) its quarters. */
    private static BigDecimal kpiToDate(Metric metric, YearMonth period, TeamPoolShare.Member member,
            FiscalYear fiscal) {
        BigDecimal months = BigDecimal.ZERO;
        boolean monthly = false;
        for (YearMonth m = fiscal.start(period); !m.isAfter(period); m = m.plusMonths(1)) {
            BigDecimal value = member.metricValues().getOrDefault(m.toString(), Map.of()).get(metric.toString());
            if (value != null) {
                months = months.add(value);
                monthly = true;
            }
        }
        if (monthly) {
            return months;
        }
        BigDecimal quarters = BigDecimal.ZERO;
        for (int q = 1; q <= fiscal.quarter(period); q++) {
            quarters = quarters.add(valueOf(member, fiscal.quarterKey(fiscal.quarterStart(period, q)), metric));
        }
        return quarters;
    }

    private static BigDecimal valueOf(TeamPoolShare.Member member, String key, Metric metric) {
        return member.metricValues().getOrDefault(key, Map.of()).getOrDefault(metric.toString(), BigDecimal.ZERO);
    }
}
