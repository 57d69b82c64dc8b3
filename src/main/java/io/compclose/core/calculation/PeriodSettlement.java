package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import io.compclose.core.plan.PlanTerms;
import io.compclose.core.money.Money;

/**
 * Settles one period for one rep by year-to-date true-up: commission due = earned to date (after
 * the year cap) − paid − removed by period caps − held back, so retroactive re-pricing, late
 * credit and corrections settle by themselves. A negative due is carried forward, visibly, and
 * recovered from later earnings; nothing is silently lost or paid.
 * <p>
 * Order within the period: caps on commission, holdback, clawbacks (recovered only up to what the
 * period pays, the rest carried), then the draw (topping up to the draw, or recovering an advance
 * from commission above it).
 */
public final class PeriodSettlement {

    public Settlement settle(YearMonth period, BigDecimal earnedToDate, List<PayLine> newClawbacks, Ledger prior,
            PayRules rules) {
        List<PayLine> lines = new ArrayList<>();
        List<Settlement.CapEffect> caps = new ArrayList<>();

        BigDecimal yearLimit = rules.yearLimit();
        BigDecimal capped = yearLimit == null ? earnedToDate : earnedToDate.min(yearLimit);
        if (capped.compareTo(earnedToDate) < 0) {
            caps.add(new Settlement.CapEffect("year to date", yearLimit, earnedToDate.subtract(capped)));
        }
        BigDecimal due = capped.subtract(prior.paidToDate()).subtract(prior.periodCapsToDate())
                .subtract(prior.heldBack());
        BigDecimal commission = due.max(BigDecimal.ZERO);
        BigDecimal carried = due.min(BigDecimal.ZERO);

        BigDecimal periodCaps = prior.periodCapsToDate();
        if (rules.perPeriodCap() != null && commission.compareTo(rules.perPeriodCap()) > 0) {
            BigDecimal removed = commission.subtract(rules.perPeriodCap());
            caps.add(new Settlement.CapEffect("period", rules.perPeriodCap(), removed));
            periodCaps = periodCaps.add(removed);
            commission = rules.perPeriodCap();
        }
        if (commission.signum() > 0) {
            lines.add(new PayLine(EarningCode.COMMISSION, commission, "earned to date " + plain(capped)
                    + " − paid " + plain(prior.paidToDate().add(prior.periodCapsToDate()).add(prior.heldBack()))));
        }

        BigDecimal heldBack = prior.heldBack();
        if (rules.holdbackShare() != null && commission.signum() > 0) {
            BigDecimal held = Money.cents(commission.multiply(rules.holdbackShare()));
            heldBack = heldBack.add(held);
            lines.add(new PayLine(EarningCode.COMMISSION, held.negate(), "held back "
                    + ComponentLine.percent(rules.holdbackShare()) + " until " + rules.holdbackRelease()));
        }
        BigDecimal paid = prior.paidToDate().add(sum(lines));
        if (period.equals(rules.holdbackRelease()) && heldBack.signum() > 0) {
            lines.add(new PayLine(EarningCode.COMMISSION, heldBack, "holdback released"));
            paid = paid.add(heldBack);
            heldBack = BigDecimal.ZERO;
        }

        BigDecimal clawbackBalance = prior.clawbackBalance();
        for (PayLine clawback : newClawbacks) {
            lines.add(clawback);
        }
        BigDecimal owed = clawbackBalance.add(sum(newClawbacks).negate());
        if (owed.signum() > 0) {
            if (clawbackBalance.signum() > 0) {
                lines.add(new PayLine(EarningCode.CLAWBACK, clawbackBalance.negate(),
                        "recovery of clawbacks carried from earlier periods"));
            }
            BigDecimal shortfall = sum(lines).negate().max(BigDecimal.ZERO);
            if (shortfall.signum() > 0) {
                lines.add(new PayLine(EarningCode.CLAWBACK, shortfall,
                        "clawback beyond this period's pay, carried forward: " + plain(shortfall)));
            }
            clawbackBalance = shortfall;
        }

        BigDecimal drawBalance = prior.drawBalance();
        PayRules.Draw draw = rules.draw();
        BigDecimal net = sum(lines);
        boolean drawActive = draw != null && draw.activeIn(period);
        if (drawActive && net.compareTo(draw.perPeriod()) < 0) {
            BigDecimal topUp = draw.perPeriod().subtract(net.max(BigDecimal.ZERO));
            lines.add(new PayLine(EarningCode.DRAW, topUp, (draw.kind() == PlanTerms.Draw.Kind.RECOVERABLE
                    ? "recoverable draw: advance up to " : "guaranteed minimum: top-up to ") + plain(draw.perPeriod())));
            if (draw.kind() == PlanTerms.Draw.Kind.RECOVERABLE) {
                drawBalance = drawBalance.add(topUp);
            }
        } else if (drawBalance.signum() > 0) {
            BigDecimal above = net.subtract(drawActive ? draw.perPeriod() : BigDecimal.ZERO).max(BigDecimal.ZERO);
            BigDecimal recovered = above.min(drawBalance);
            if (recovered.signum() > 0) {
                lines.add(new PayLine(EarningCode.DRAW_RECOVERY, recovered.negate(), "recovery of draw advanced, "
                        + plain(drawBalance.subtract(recovered)) + " still outstanding"));
                drawBalance = drawBalance.subtract(recovered);
            }
        }

        Ledger next = new Ledger(paid, periodCaps, heldBack, drawBalance, clawbackBalance);
        return new Settlement(earnedToDate, due, lines, caps, carried, next);
    }

    private static BigDecimal sum(List<PayLine> lines) {
        return lines.stream().map(PayLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String plain(BigDecimal amount) {
        return Money.cents(amount).toPlainString();
    }
}
