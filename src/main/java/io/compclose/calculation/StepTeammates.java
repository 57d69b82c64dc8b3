package io.compclose.calculation;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.compclose.core.calculation.CreditedDeal;
import io.compclose.core.calculation.RepHistory;
import io.compclose.core.calculation.Teammates;
import io.compclose.core.input.Roster;
import io.compclose.core.money.FxConversion;
import io.compclose.core.plan.PayPeriod;

/**
 * A calculation step's view of teammates for team pools: each teammate is read once per step, not
 * once per rep of their team, and only as far as the pool needs (deals, or the whole history).
 */
final class StepTeammates implements Teammates {

    private final PayPeriod period;
    private final Roster roster;
    private final RepHistoryRepository repository;
    private final Map<String, List<CreditedDeal>> deals = new HashMap<>();
    private final Map<String, RepHistory> histories = new HashMap<>();
    private final Map<YearMonth, FxConversion> rates = new HashMap<>();

    StepTeammates(PayPeriod period, Roster roster, RepHistoryRepository repository) {
        this.period = period;
        this.roster = roster;
        this.repository = repository;
    }

    @Override
    public List<CreditedDeal> deals(String repId) {
        return deals.computeIfAbsent(repId, id -> repository.dealsOfYear(id, period).stream()
                .map(RepHistory.HistoricDeal::deal).toList());
    }

    @Override
    public RepHistory history(String repId) {
        // late corrections are not read: a pool counts the deals as they stand
        return histories.computeIfAbsent(repId, id -> repository.histories(List.of(id), period,
                rep -> roster.forPeriod(rep, period).orElseThrow().payCurrency(), false, rates).get(id));
    }
}
