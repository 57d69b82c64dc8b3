package io.compclose.statement;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.compclose.core.calculation.InForce;
import io.compclose.core.plan.Band;
import io.compclose.core.plan.BandBasis;
import io.compclose.core.plan.CreditMultiplier;
import io.compclose.core.plan.Measurement;
import io.compclose.core.plan.PayMethod;
import io.compclose.core.plan.Plan;
import io.compclose.core.plan.PlanComponent;
import io.compclose.core.plan.PlanTerms;
import io.compclose.core.plan.RateTable;
import io.compclose.core.plan.TablePricing;
import io.compclose.core.plan.ThresholdSemantics;
import io.compclose.core.plan.TierPolicy;
import io.compclose.system.Amounts;

/**
 * "How this was calculated" for one component, written from the plan itself: what is measured,
 * against which quota over which window, the rate table band by band, the threshold, multipliers
 * and the per-deal cap, so a rep can redo every line with a calculator; then the plan's clawback
 * terms where they need saying ({@link ClawbackNote}).
 */
final class ComponentNote {

    private ComponentNote() {
    }

    static String of(Plan plan, PlanComponent c) {
        return of(plan, c, null);
    }

    /** @param inForce the part of the plan year a prorated version is in force (null: not prorated) */
    static String of(Plan plan, PlanComponent c, InForce inForce) {
        String terms = terms(plan, c, inForce);
        return ClawbackNote.of(plan.clawback()).map(clawback -> terms + " " + clawback).orElse(terms);
    }

    private static String terms(Plan plan, PlanComponent c, InForce inForce) {
        List<String> parts = new ArrayList<>();
        String measured = "credited " + c.metric().label() + (c.when() == null ? "" : " where " + c.when());
        if (c.isFlatRate()) {
            parts.add("Commission = " + measured + " × " + percent(c.flatRate()) + ", rounded half-even to the cent per "
                    + (c.metric().isMeasuredOnBookings() ? "booking" : "line"));
            RateNote.fromTarget(plan, c).ifPresent(parts::add);
            ProrationNote.of(plan, c, inForce).ifPresent(parts::add);
            return String.join("; ", parts) + ".";
        }
        String window = switch (plan.measurement() == null ? Measurement.YEAR_TO_DATE : plan.measurement()) {
            case MONTH -> "each month";
            case QUARTER -> "each quarter";
            case YEAR_TO_DATE -> "the year to date";
        };
        if (c.quota() != null) {
            parts.add("measures " + measured + " against a quota of " + amount(c.quota()) + " " + plan.currency()
                    + " a year, over " + window);
        } else {
            parts.add("measures " + measured + " over " + window);
        }
        ProrationNote.of(plan, c, inForce).ifPresent(parts::add);
        RateTable table = c.rateTable();
        if (c.pay() == PayMethod.RATE_ON_VALUE && table.paysAmounts()) {
            parts.add(PricingNote.amounts(table, plan.currency()));
        } else if (c.pay() == PayMethod.RATE_ON_VALUE) {
            parts.add((table.policy() == TierPolicy.MARGINAL
                    ? "marginal rates (each band's rate applies only to the credit inside it): "
                    : "retroactive rates (the rate of the highest band reached applies to all credit): ")
                    + bands(table, false));
            RateNote.fromTarget(plan, c).ifPresent(parts::add);
        } else if (c.pay() == PayMethod.PER_UNIT) {
            parts.add(RateNote.perUnit(plan, c));
        } else {
            parts.add("payout = target incentive of the window" + (c.weight() == null ? "" : " × weight "
                    + percent(c.weight())) + " × curve(attainment), a " + (table.policy() == TierPolicy.MARGINAL
                    ? "marginal curve (each band's multiplier applies to the attainment inside it): "
                    : "step curve (the multiplier of the band reached applies to all attainment): ")
                    + bands(table, true));
        }
        if (table.pricing() == TablePricing.PER_TRANSACTION) {
            parts.add(PricingNote.perTransaction(table));
        }
        if (table.threshold() != null) {
            String at = table.basis() == BandBasis.ATTAINMENT ? percent(table.threshold().at()) + " of quota"
                    : amount(table.threshold().at()) + (c.pay() == PayMethod.PER_UNIT ? " units" : " " + plan.currency());
            parts.add(table.threshold().semantics() == ThresholdSemantics.PAY_ABOVE_ONLY
                    ? "threshold " + at + ": only credit above it is paid"
                    : "threshold " + at + ": nothing is paid below it, then all credit earns from the first dollar");
        }
        for (CreditMultiplier m : c.multipliers()) {
            parts.add(m.bundleIncludes() != null
                    ? "a bundle including " + m.bundleIncludes() + " earns " + plain(m.extra()) + "× extra credit"
                    : "credit ×" + plain(m.factor()) + (m.when() == null ? "" : " where " + m.when()));
        }
        if (c.perDealCap() != null) {
            parts.add("at most " + amount(c.perDealCap()) + " " + plan.currency() + " per deal");
        }
        String text = String.join("; ", parts);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    /**
     * A SPIFF program in one sentence: "2 % of each qualifying deal's credited ACV, deals booked 2026-11-01 to
     * 2026-11-30, at most 5,000.00 USD a year (the deal that reaches it is paid what is left)."
     */
    static String ofSpiff(Plan plan, PlanTerms.Spiff s) {
        String pays;
        if (s.rate() != null) {
            pays = percent(s.rate()) + " of each qualifying deal's credited ACV";
        } else if (!s.tiers().isEmpty()) {
            List<String> tiers = new ArrayList<>();
            for (Band tier : s.tiers()) {
                tiers.add(tier.label(BandBasis.AMOUNT) + " pays " + Amounts.format(tier.rate(), plan.currency()));
            }
            Band last = s.tiers().get(s.tiers().size() - 1);
            pays = "each qualifying deal by its ACV: " + String.join(", ", tiers) + (last.to() == null ? ""
                    : ", nothing above");
        } else {
            pays = Amounts.format(s.amountPerDeal(), plan.currency()) + " " + plan.currency() + " per qualifying deal";
        }
        String text = pays + (s.when() == null ? "" : " where " + s.when()) + ", deals booked " + s.from() + " to "
                + s.to();
        if (s.capPerYear() != null) {
            text += ", at most " + Amounts.format(s.capPerYear(), plan.currency()) + " " + plan.currency()
                    + " a year (the deal that reaches it is paid what is left)";
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    private static String bands(RateTable table, boolean multipliers) {
        return bands(table, rate -> multipliers ? " ×" + plain(rate) : " at " + percent(rate));
    }

    /** The bands with each one's rate as {@code rate} writes it. */
    static String bands(RateTable table, Function<BigDecimal, String> rate) {
        List<String> out = new ArrayList<>();
        for (Band band : table.bands()) {
            out.add(band.label(table.basis()) + rate.apply(band.rate()));
        }
        Band last = table.bands().get(table.bands().size() - 1);
        return String.join(", ", out) + (last.to() == null ? "" : ", nothing above");
    }

    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static String amount(BigDecimal value) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.US)).format(value);
    }
}
