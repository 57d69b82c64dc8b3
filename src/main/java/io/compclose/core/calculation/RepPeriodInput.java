package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.compclose.core.money.Money;

/**
 * Everything one rep's period calculation reads.
 *
 * @param currency           the rep's pay currency: every amount of the calculation is in it
 * @param deals              deals credited to the rep in the plan year up to the period's end
 * @param metricValues       non-booking figures per window key and metric, e.g. {@code "2026-10" ->
 *                           {"ACTIVITY_COUNT": 22, "KPI:NRR": 1.04, "MBO:QBR_COVERAGE": 0.8}}; a window
 *                           key is {@code YYYY-MM}, {@code YYYY-Qn} or {@code YYYY}
 * @param cancellations      bookings cancelled in the period, with the date
 * @param commissionPaid     commission already paid per booking id (for clawbacks)
 * @param bonusesPaidThisYear ids of milestone bonuses already paid in the plan year
 * @param prior              the ledger after the previous period (or {@link Ledger#start()})
 * @param usage              billed usage of the accounts the rep is credited with
 * @param activities         activity counts per window key and activity type, for components whose
 *                           condition selects types ({@code type == 'DISCOVERY_MEETING'})
 */
public record RepPeriodInput(Currency currency, List<CreditedDeal> deals,
        Map<String, Map<String, BigDecimal>> metricValues, Map<String, LocalDate> cancellations,
        Map<String, PaidCommission> commissionPaid, Set<String> bonusesPaidThisYear, Ledger prior,
        List<AccountUsage> usage, Map<String, Map<String, BigDecimal>> activities) {

    /** Commission paid on one booking, and in which period. */
    public record PaidCommission(Money amount, String period) {
    }
}
