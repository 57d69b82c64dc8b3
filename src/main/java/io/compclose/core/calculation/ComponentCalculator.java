package io.compclose.core.calculation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.compclose.core.plan.BandBasis;
import io.compclose.core.plan.TablePricing;
import io.compclose.core.plan.TierPolicy;

/**
 * Computes one component over its measurement window from all the window's transactions, so a
 * band crossed this month re-prices earlier credit and corrections settle by themselves.
 * <p>
 * Rate on value: transactions are taken in date order; each one's commission is what it adds to
 * the table's price of the cumulative credit. Under a MARGINAL table that is its own slices; under
 * a RETROACTIVE table a transaction that crosses into a higher band also re-prices the credit
 * before it, shown as a separate REPRICING line. A PER_TRANSACTION table prices each transaction on its own
 * instead ({@link PerTransactionPricing}). Target by attainment: one line, target incentive
 * × weight × curve(attainment), dated in the period being closed. Per unit is priced like rate on value
 * on the count, each band's rate being an amount per unit (jobs/plans.md, "Pay per unit").
 * <p>
 * Every line is rounded half-even to the pay currency's minor unit (jobs/plans.md, "Rounding"), and
 * records the part of it earned above quota beyond the rate at quota, computed from the table's price
 * the same way as the amount ({@link RateTablePricing#accelerator}).
 */
public final class ComponentCalculator {

    private static final MathContext ATTAINMENT = new MathContext(12, RoundingMode.HALF_EVEN);

    public ComponentEarnings calculate(ComponentTerms terms, List<CreditedTransaction> window, YearMonth closing) {
        List<CreditedTransaction> ordered = window.stream()
                .sorted(Comparator.comparing(CreditedTransaction::date).thenComparing(CreditedTransaction::sourceId))
                .toList();
        BigDecimal credit = ordered.stream().map(CreditedTransaction::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
        // other plan versions' credit in the same window counts for attainment; they pay for it
        BigDecimal attainment = terms.quota() == null || terms.quota().signum() == 0 ? null
                : terms.creditBefore().add(credit).add(terms.creditAfter()).divide(terms.quota(), ATTAINMENT);
        List<ComponentLine> lines = switch (terms.pay()) {
            // per unit prices the count like an amount, each band's rate being an amount per unit
            case RATE_ON_VALUE, PER_UNIT -> onValue(terms, ordered);
            case TARGET_BY_ATTAINMENT -> byAttainment(terms, attainment, closing);
        };
        return new ComponentEarnings(terms.id(), credit, terms.quota(), attainment, lines, terms.currency());
    }

    private static List<ComponentLine> onValue(ComponentTerms terms, List<CreditedTransaction> ordered) {
        if (terms.table().pricing() == TablePricing.PER_TRANSACTION) {
            return PerTransactionPricing.lines(terms, ordered);
        }
        List<ComponentLine> lines = new ArrayList<>();
        BigDecimal before = terms.creditBefore();
        Priced pricedBefore = RateTablePricing.commission(terms.table(), before, terms.quota());
        for (CreditedTransaction t : ordered) {
            BigDecimal after = before.add(t.credit());
            Priced pricedAfter = RateTablePricing.commission(terms.table(), after, terms.quota());
            BigDecimal added = pricedAfter.amount().subtract(pricedBefore.amount());
            BigDecimal acceleratorAdded = RateTablePricing.accelerator(terms.table(), pricedAfter)
                    .subtract(RateTablePricing.accelerator(terms.table(), pricedBefore));
            BigDecimal own = added;
            BigDecimal ownAccelerator = acceleratorAdded;
            if (terms.table().policy() == TierPolicy.RETROACTIVE && before.signum() > 0
                    && !terms.table().paysAmounts()) {
                // what this transaction earns at the rate reached; the rest re-prices earlier credit (an amount
                // table has no rate to re-price at: there a transaction earns what it adds)
                BigDecimal rate = pricedAfter.topRate();
                own = t.credit().multiply(rate).min(added).max(BigDecimal.ZERO);
                ownAccelerator = pricedAfter.slices().isEmpty() ? BigDecimal.ZERO : t.credit().multiply(
                        RateTablePricing.acceleration(terms.table(), pricedAfter.slices().get(0).band()))
                        .min(own).max(BigDecimal.ZERO);
                BigDecimal repriced = added.subtract(own);
                if (repriced.signum() != 0) {
                    lines.add(new ComponentLine(ComponentLine.Kind.REPRICING, t.sourceId(), t.period(), before,
                            BigDecimal.ONE, band(pricedAfter, terms.table().basis()), rate, terms.line(repriced),
                            "credit before " + t.sourceId() + " re-priced at " + terms.rateLabel(rate) + " (retroactive)",
                            terms.line(acceleratorAdded.subtract(ownAccelerator))));
                }
            }
            lines.add(new ComponentLine(ComponentLine.Kind.TRANSACTION, t.sourceId(), t.period(), t.credit(),
                    t.multiplier(), bandsAdded(pricedBefore, pricedAfter, terms), effectiveRate(own, t.credit()),
                    terms.line(own), whyTransaction(t, pricedAfter), terms.line(ownAccelerator)));
            before = after;
            pricedBefore = pricedAfter;
        }
        return lines;
    }

    private static List<ComponentLine> byAttainment(ComponentTerms terms, BigDecimal attainment, YearMonth closing) {
        BigDecimal reached = attainment == null ? BigDecimal.ZERO : attainment;
        Priced curve = RateTablePricing.curve(terms.table(), reached);
        BigDecimal amount = terms.targetIncentive().multiply(terms.weight()).multiply(curve.amount());
        String why = "target incentive " + terms.targetLabel() + " × weight "
                + ComponentLine.percent(terms.weight()) + " × curve(" + ComponentLine.percent(reached) + ") "
                + curve.amount().stripTrailingZeros().toPlainString()
                + (curve.belowThreshold() ? " (below threshold)" : "");
        BigDecimal accelerator = terms.targetIncentive().multiply(terms.weight())
                .multiply(RateTablePricing.accelerator(terms.table(), curve));
        return List.of(new ComponentLine(ComponentLine.Kind.ATTAINMENT, terms.id(), closing, reached,
                BigDecimal.ONE, band(curve, terms.table().basis()), curve.amount(), terms.line(amount), why,
                terms.line(accelerator)));
    }

    static BigDecimal effectiveRate(BigDecimal amount, BigDecimal credit) {
        return credit.signum() == 0 ? BigDecimal.ZERO : amount.divide(credit, ATTAINMENT).stripTrailingZeros();
    }

    private static String band(Priced priced, BandBasis basis) {
        return priced.slices().isEmpty() ? "-" : priced.slices().get(priced.slices().size() - 1).band().label(basis);
    }

    /**
     * The bands this transaction's credit fell in (a marginal deal can straddle two). In an amount table, the
     * bands whose share paid it changed: a whole amount already paid is not paid again.
     */
    private static String bandsAdded(Priced before, Priced after, ComponentTerms terms) {
        if (after.slices().stream().anyMatch(s -> s.band().amount() != null)) {
            return bands(after.slices().stream().filter(s -> before.slices().stream().noneMatch(b ->
                    b.band().equals(s.band()) && b.rate().compareTo(s.rate()) == 0)).toList(), terms);
        }
        int from = Math.max(before.slices().size() - 1, 0);
        return bands(after.slices().subList(Math.min(from, after.slices().size()), after.slices().size()), terms);
    }

    /** Slices as a line names them: "0–1,000 at 1 % + 1,000–3,000 at 2 %", "0–20 at 50 per unit", "-" for none. */
    static String bands(List<BandSlice> slices, ComponentTerms terms) {
        return slices.isEmpty() ? "-" : slices.stream().map(s -> s.band().label(terms.table().basis()) + " "
                        + (s.band().amount() == null ? "at " + terms.rateLabel(s.rate()) : s.pricedAs()))
                .collect(Collectors.joining(" + "));
    }

    private static String whyTransaction(CreditedTransaction t, Priced after) {
        return why(t, after.belowThreshold() ? "below threshold: nothing earned yet" : "");
    }

    /** The transaction's own note, then what the threshold did to it (either may be empty). */
    static String why(CreditedTransaction t, String threshold) {
        if (t.note() == null) {
            return threshold;
        }
        return threshold.isEmpty() ? t.note() : t.note() + "; " + threshold;
    }
}
