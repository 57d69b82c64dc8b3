package io.compclose.core.calculation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import io.compclose.core.money.Money;
import io.compclose.core.plan.PayPeriod;
import io.compclose.core.plan.PlanTerms;

/**
 * Settles one period for one rep by year-to-date true-up: commission due = earned to date (after
 * the year cap) − paid − removed by period caps − held back, so retroactive re-pricing, late
 * credit and corrections settle by themselves. A negative due is carried forward, visibly, and
 * recovered from later earnings; nothing is silently lost or paid.
 * <p>
 * Order within the period: caps on commission, holdback, clawbacks (recovered only up to what the
 * period pays, the rest carried; or all now, if the plan posts them in full), then the draw
 * (topping up to the draw, or recovering an advance from commission above it).
 */
public final class PeriodSettlement {

    /** A monthly settlement with nothing earned above quota. */
    public Settlement settle(YearMonth period, Money earnedToDate, List<PayLine> newClawbacks, Ledger prior,
            PayRules rules) {
        return settle(PayPeriod.of(period), earnedToDate, Money.zero(earnedToDate.currency()), newClawbacks, prior,
                rules);
    }

    /** A calendar month's settlement. */
    public Settlement settle(YearMonth period, Money earnedToDate, Money acceleratorToDate, List<PayLine> newClawbacks,
            Ledger prior, PayRules rules) {
        return settle(PayPeriod.of(period), earnedToDate, acceleratorToDate, newClawbacks, prior, rules);
    }

    /**
     * @param acceleratorToDate the part of {@code earnedToDate} earned above quota at accelerator rates:
     *                          the year cap takes from it first, and the settlement pays what is due of it
     *                          as ACCELERATOR ({@link AcceleratorSplit})
     */
    public Settlement settle(PayPeriod period, Money earnedToDate, Money acceleratorToDate, List<PayLine> newClawbacks,
            Ledger prior, PayRules rules) {
        List<PayLine> lines = new ArrayList<>();
        List<Settlement.CapEffect> caps = new ArrayList<>();
        Money zero = Money.zero(earnedToDate.currency());

        Money yearLimit = rules.yearLimit();
        Money capped = yearLimit == null ? earnedToDate : earnedToDate.min(yearLimit);
        if (capped.compareTo(earnedToDate) < 0) {
            caps.add(new Settlement.CapEffect("year to date", yearLimit, earnedToDate.minus(capped)));
        }
        Money due = capped.minus(prior.paidToDate()).minus(prior.periodCapsToDate()).minus(prior.heldBack());
        Money commission = due.max(zero);
        Money carried = due.min(zero);

        Money periodCaps = prior.periodCapsToDate();
        if (rules.perPeriodCap() != null && commission.compareTo(rules.perPeriodCap()) > 0) {
            Money removed = commission.minus(rules.perPeriodCap());
            caps.add(new Settlement.CapEffect("period", rules.perPeriodCap(), removed));
            periodCaps = periodCaps.plus(removed);
            commission = rules.perPeriodCap();
        }
        if (commission.signum() > 0) {
            lines.add(new PayLine(EarningCode.COMMISSION, commission, "earned to date " + plain(capped)
                    + " − paid " + plain(prior.paidToDate().plus(prior.periodCapsToDate()).plus(prior.heldBack()))));
        }

        Money heldBack = prior.heldBack();
        if (rules.holdbackShare() != null && commission.signum() > 0) {
            Money held = commission.times(rules.holdbackShare()).rounded();
            heldBack = heldBack.plus(held);
            lines.add(new PayLine(EarningCode.COMMISSION, held.negate(), "held back "
                    + ComponentLine.percent(rules.holdbackShare()) + " until " + rules.holdbackRelease()));
        }
        Money paid = PayLine.sum(prior.paidToDate(), lines);
        if (period.closesMonth() && period.month().equals(rules.holdbackRelease()) && heldBack.signum() > 0) {
            lines.add(new PayLine(EarningCode.COMMISSION, heldBack, "holdback released"));
            paid = paid.plus(heldBack);
            heldBack = zero;
        }

        Money clawbackBalance = prior.clawbackBalance();
        lines.addAll(newClawbacks);
        Money owed = clawbackBalance.minus(PayLine.sum(zero, newClawbacks));
        if (owed.signum() > 0) {
            if (clawbackBalance.signum() > 0) {
                lines.add(new PayLine(EarningCode.CLAWBACK, clawbackBalance.negate(),
                        "recovery of clawbacks carried from earlier periods"));
            }
            // posted in full, the period's net may be negative and nothing is carried
            Money shortfall = rules.postsClawbacksInFull() ? zero : PayLine.sum(zero, lines).negate().max(zero);
            if (shortfall.signum() > 0) {
                lines.add(new PayLine(EarningCode.CLAWBACK, shortfall,
                        "clawback beyond this period's pay, carried forward: " + plain(shortfall)));
            }
            clawbackBalance = shortfall;
        }

        Money drawBalance = prior.drawBalance();
        PayRules.Draw draw = rules.draw();
        Money net = PayLine.sum(zero, lines);
        boolean drawActive = draw != null && draw.activeIn(period);
        if (drawActive && net.compareTo(draw.perPeriod()) < 0) {
            Money topUp = draw.perPeriod().minus(net.max(zero));
            lines.add(new PayLine(EarningCode.DRAW, topUp, (draw.kind() == PlanTerms.Draw.Kind.RECOVERABLE
                    ? "recoverable draw: advance up to " : "guaranteed minimum: top-up to ") + plain(draw.perPeriod())));
            if (draw.kind() == PlanTerms.Draw.Kind.RECOVERABLE) {
                drawBalance = drawBalance.plus(topUp);
            }
        } else if (drawBalance.signum() > 0) {
            Money above = net.minus(drawActive ? draw.perPeriod() : zero).max(zero);
            Money recovered = above.min(drawBalance);
            if (recovered.signum() > 0) {
                lines.add(new PayLine(EarningCode.DRAW_RECOVERY, recovered.negate(), "recovery of draw advanced, "
                        + plain(drawBalance.minus(recovered)) + " still outstanding"));
                drawBalance = drawBalance.minus(recovered);
            }
        }

        Ledger next = new Ledger(paid, periodCaps, heldBack, drawBalance, clawbackBalance);
        Money accelerator = acceleratorToDate.minus(earnedToDate.minus(capped)).max(zero);
        return new Settlement(earnedToDate, due, lines, caps, carried, next,
                new AcceleratorSplit(accelerator, prior.acceleratorPaidToDate()));
    }

    static String plain(Money amount) {
        return amount.rounded().amount().toPlainString();
    }
}
