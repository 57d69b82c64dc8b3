package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import io.compclose.core.money.Money;
import io.compclose.core.plan.Band;
import io.compclose.core.plan.BandBasis;

/** What a SPIFF pays for one qualifying deal, with the arithmetic in words; empty when the deal earns nothing. */
public sealed interface SpiffReward {

    Optional<Earned> of(CreditedDeal deal);

    /** The amount one deal earns and how ("" when it is the fixed amount, which needs no working). */
    record Earned(Money amount, String how) {
    }

    /** Today's SPIFF: the same amount for every qualifying deal. */
    record Fixed(Money amount) implements SpiffReward {

        @Override
        public Optional<Earned> of(CreditedDeal deal) {
            return Optional.of(new Earned(amount, ""));
        }
    }

    /**
     * A share of the rep's credited ACV (their split of it, in the pay currency), so a split deal pays the
     * program's rate once over all its reps. Rounded like any pay line.
     */
    record RateOnCredit(BigDecimal rate, Currency currency) implements SpiffReward {

        @Override
        public Optional<Earned> of(CreditedDeal deal) {
            Money credit = new Money(deal.credit(), currency);
            Money amount = credit.times(rate).rounded();
            return Optional.of(new Earned(amount, ": " + ComponentLine.percent(rate) + " of credited ACV "
                    + credit.amount().toPlainString() + " = " + amount.amount().toPlainString()));
        }
    }

    /**
     * The amount of the tier the deal's ACV falls in: a deal's size is the whole deal's, however it is split.
     * Tiers are half-open bands {@code [from, to)} whose rate is the amount; a deal outside every tier earns nothing.
     */
    record ByDealSize(List<Band> tiers, Currency currency) implements SpiffReward {

        public ByDealSize {
            tiers = List.copyOf(tiers);
        }

        @Override
        public Optional<Earned> of(CreditedDeal deal) {
            return tiers.stream().filter(t -> t.contains(deal.acv())).findFirst()
                    .map(t -> new Earned(new Money(t.rate(), currency), ": ACV " + deal.acv().toPlainString()
                            + " in tier " + t.label(BandBasis.AMOUNT)));
        }
    }
}
