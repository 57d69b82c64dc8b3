package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the close knows of one rep before calculating a period: every deal credited to them in the
 * plan year (and any older deal cancelled now), the KPI, MBO and activity figures of the year per
 * window key (as {@link RepPeriodInput#metricValues()}), the cancellations of the period, the commission
 * each booking earned when it was paid, the bonuses already paid, the ledger the last close left, and
 * the billed usage of the accounts the rep owns, activity counts by window and type, and the
 * period's manual adjustments, paid as they are. {@code lateCorrections} names the rep's bookings that
 * arrived (or were corrected) after their period was locked, and {@code dealsWithoutLate} is the
 * year's deals as they stood without them, so that what they change can be named (both empty if
 * there are none). {@code poolPoints} are the points pool_points.csv gave the rep, by team and period
 * key (YYYY-MM or YYYY), for a team pool split by points.
 */
public record RepHistory(List<HistoricDeal> deals, Map<String, Map<String, BigDecimal>> metricValues,
        Map<String, LocalDate> cancellations,
        Map<String, RepPeriodInput.PaidCommission> commissionPaid, Set<String> bonusesPaidThisYear, Ledger prior,
        List<AccountUsage> usage, Map<String, Map<String, BigDecimal>> activities, List<PayLine> adjustments,
        List<LateCorrection.Item> lateCorrections, List<HistoricDeal> dealsWithoutLate,
        Map<String, Map<String, BigDecimal>> poolPoints) {

    public RepHistory {
        deals = List.copyOf(deals);
        usage = List.copyOf(usage);
        activities = Map.copyOf(activities);
        adjustments = List.copyOf(adjustments);
        lateCorrections = List.copyOf(lateCorrections);
        dealsWithoutLate = List.copyOf(dealsWithoutLate);
        metricValues = Map.copyOf(metricValues);
        cancellations = Map.copyOf(cancellations);
        commissionPaid = Map.copyOf(commissionPaid);
        bonusesPaidThisYear = Set.copyOf(bonusesPaidThisYear);
        poolPoints = Map.copyOf(poolPoints);
    }

    /**
     * A credited deal with the plan the rep was on when it was booked, the period whose close
     * credited it, and the currency of its credit (the rep's pay currency when it was credited;
     * a deal booked in another currency arrives converted, its note naming the original).
     */
    public record HistoricDeal(CreditedDeal deal, String planId, String creditedIn, String currency) {
    }
}
