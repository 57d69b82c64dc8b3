package io.compclose.core.calculation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.compclose.core.money.Money;
import io.compclose.core.plan.PlanTerms;

/**
 * A time-boxed incentive outside quota: what {@link SpiffReward} a qualifying deal closed between two dates
 * (inclusive) earns, up to an optional cap on what the program pays in a plan year. The deal that crosses
 * the cap is paid what is left of it; later deals nothing.
 */
public record Spiff(String id, LocalDate from, LocalDate to, Predicate<CreditedDeal> condition, SpiffReward reward,
        Money capPerYear) {

    /** A fixed amount per qualifying deal, no cap. */
    public Spiff(String id, LocalDate from, LocalDate to, Predicate<CreditedDeal> condition, Money amountPerDeal) {
        this(id, from, to, condition, new SpiffReward.Fixed(amountPerDeal), null);
    }

    /** The plan's program in the pay currency: one of a fixed amount, a rate on credit or tiers by deal size. */
    static Spiff of(PlanTerms.Spiff terms, Predicate<CreditedDeal> condition, Currency currency) {
        SpiffReward reward = terms.rate() != null ? new SpiffReward.RateOnCredit(terms.rate(), currency)
                : !terms.tiers().isEmpty() ? new SpiffReward.ByDealSize(terms.tiers(), currency)
                : new SpiffReward.Fixed(new Money(terms.amountPerDeal(), currency));
        return new Spiff(terms.id(), terms.from(), terms.to(), condition, reward,
                terms.capPerYear() == null ? null : new Money(terms.capPerYear(), currency));
    }

    public List<PayLine> pay(List<CreditedDeal> deals) {
        return pay(List.of(), deals);
    }

    /**
     * The lines for {@code deals}, after the program paid the plan year's {@code earlier} deals: under a cap,
     * what those earned (up to the cap) is already spent, and deals are taken in booking order so the one that
     * crosses the cap is the last booked.
     */
    public List<PayLine> pay(List<CreditedDeal> earlier, List<CreditedDeal> deals) {
        Money paid = null;
        if (capPerYear != null) {
            paid = qualifying(earlier).stream().map(reward::of).flatMap(Optional::stream)
                    .map(SpiffReward.Earned::amount).reduce(Money.zero(capPerYear.currency()), Money::plus)
                    .min(capPerYear);
        }
        List<PayLine> lines = new ArrayList<>();
        for (CreditedDeal d : qualifying(deals)) {
            Optional<SpiffReward.Earned> earned = reward.of(d);
            if (earned.isEmpty()) {
                continue;
            }
            Money amount = earned.get().amount();
            String why = "SPIFF " + id + ": " + d.bookingId() + " (" + d.type() + " " + d.product() + ", "
                    + d.bookedOn() + ")" + earned.get().how();
            if (paid != null) {
                Money left = capPerYear.minus(paid);
                if (left.signum() <= 0) {
                    continue;
                }
                if (amount.compareTo(left) > 0) {
                    why += "; capped at " + left.rounded().amount().toPlainString() + ", what is left of the "
                            + "program's " + capPerYear.rounded().amount().toPlainString() + " a year";
                    amount = left.rounded();
                }
                paid = paid.plus(amount);
            }
            lines.add(new PayLine(EarningCode.SPIFF, amount, why, d.bookingId()));
        }
        return lines;
    }

    /** The deals inside the dates that meet the condition; in booking order under a cap, else as given. */
    private List<CreditedDeal> qualifying(List<CreditedDeal> deals) {
        List<CreditedDeal> inside = deals.stream()
                .filter(d -> !d.bookedOn().isBefore(from) && !d.bookedOn().isAfter(to))
                .filter(condition)
                .toList();
        return capPerYear == null ? inside : inside.stream()
                .sorted(Comparator.comparing(CreditedDeal::bookedOn).thenComparing(CreditedDeal::bookingId)).toList();
    }
}
